import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CostReport } from './cost/cost-model';
import { runBench, type BenchReport } from './harness/run-bench';
import type { StepRecord } from './harness/results';
import type { ColdStartFunction } from './steps/cold-start';
import type { CpuDetail } from './steps/cpu-per-hop';
import type { LatencyDetail } from './steps/e2e-latency';
import { LATENCY_KEYS } from './steps/e2e-latency-set';
import type { ThroughputDetail } from './steps/e2e-throughput';

// The real `--quick` harness (every step, step 4 for two functions) against dynalite, the local
// bus, the whole local runtime and the built bundles. It checks that every figure comes from
// real work — counts equal to what was sent, CPU actually spent — never how fast anything was.
describe('bench --quick (steps 1–6)', () => {
  let out: string;
  let report: BenchReport;
  const log: string[] = [];
  const step = (id: string): StepRecord => {
    const found = report.results.steps.find((s) => s.id === id);
    if (!found) throw new Error(`step ${id} did not run`);
    return found;
  };

  beforeAll(async () => {
    // The SDK's notice that its 2027 releases need Node 22 would only clutter the output.
    process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
    out = mkdtempSync(path.join(tmpdir(), 'bench-quick-'));
    report = await runBench({
      quick: true,
      only: ['1', '2', '3', '4', '5', '6'],
      functions: ['normalize-readings', 'authorize-api-key'],
      outDir: out,
      log: (line) => log.push(line),
    });
  }, 300_000);
  afterAll(() => {
    delete process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'];
    rmSync(out, { recursive: true, force: true });
  });

  it('runs every selected step to completion and writes the results file', () => {
    const failures = report.results.steps.filter((s) => s.status === 'failed').map((s) => `${s.id}: ${s.error}`);
    expect(failures).toEqual([]);
    expect(report.results.steps.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(report.file?.startsWith(out)).toBe(true);
    expect(log.some((line) => /run \d+\/\d+ · \d+\.\d s$/.test(line))).toBe(true);
  });

  it('step 1 wrote every item of every run to dynalite', () => {
    const [figure] = step('ceiling').figures;
    expect(figure.stats.runs).toBe(3);
    expect(figure.counts).toMatchObject({ runs: 3, written: 3 * (figure.counts?.['itemsPerRun'] ?? 0) });
    expect(figure.stats.min).toBeGreaterThan(0);
  });

  it('step 2 ramped the city through the whole runtime, every reading of every level accepted and stored', () => {
    const throughput = step('e2e-throughput');
    const detail = throughput.detail as ThroughputDetail;
    expect(detail.levels.length).toBeGreaterThan(0);
    for (const level of detail.levels) {
      expect(level.sent).toBeGreaterThan(0);
      expect(level.accepted).toBe(level.sent);
      expect(level.stored).toBe(level.accepted);
      expect(level.acceptToStored.count).toBe(level.stored);
    }
    const [sustained, ratio] = throughput.figures;
    expect(sustained.name).toBe('sustained-readings-per-second');
    expect(sustained.counts?.['stored']).toBe(sustained.counts?.['accepted']);
    expect(sustained.counts?.['samples']).toBe(sustained.counts?.['stored']);
    // Step 1 ran in the same bench run, so the ratio is to its ceiling
    expect(detail.ceilingItemsPerSecond).toBe(step('ceiling').figures[0].stats.median);
    expect(ratio.name).toBe('ratio-to-ceiling');
  });

  it('step 3 measured every latency from every reading sent and stored, and every probe from its alert', () => {
    const latency = step('e2e-latency');
    const detail = latency.detail as LatencyDetail;
    expect(detail.rates[0].rate).toBe(1_000);
    expect(detail.rates[0].totals.sent).toBeGreaterThan(0);
    expect(detail.rates[0].totals.probes).toBeGreaterThan(0);
    for (const key of LATENCY_KEYS) expect(latency.figures.some((f) => f.name.startsWith(`${key}.`) && f.name.endsWith('@1000'))).toBe(true);
    for (const figure of latency.figures) {
      const counts = figure.counts ?? {};
      if ('probes' in counts) {
        expect(counts['samples']).toBe(counts['probes']);
        expect(counts['raised']).toBe(counts['probes']);
      } else {
        expect(counts['samples']).toBe(counts['sent']);
        expect(counts['accepted']).toBe(counts['sent']);
        expect(counts['stored']).toBe(counts['sent']);
      }
      expect(counts['samples']).toBeGreaterThan(0);
    }
    expect(report.markdown).toContain('## 3. End-to-end latency');
  });

  it('step 4 cold-started each chosen function in fresh processes, with its bundle measured', () => {
    const functions = (step('cold-start').detail as { functions: ColdStartFunction[] }).functions;
    expect(functions.map((f) => f.functionName).sort()).toEqual(['authorize-api-key', 'normalize-readings']);
    for (const fn of functions) {
      expect(fn.totalMs.runs).toBe(3);
      expect(fn.bareMs.runs).toBe(3);
      expect(fn.invokeMs.min).toBeGreaterThan(0);
      expect(fn.size.rawBytes).toBeGreaterThan(fn.size.gzipBytes);
      expect(fn.composition?.packages.length).toBeGreaterThan(0);
    }
  });

  it('step 5 processed on every hop exactly the readings sent, spending real CPU', () => {
    const cpu = step('cpu-per-hop');
    expect(cpu.figures).toHaveLength(10);
    for (const figure of cpu.figures) {
      expect(figure.counts?.['readings']).toBe(figure.counts?.['sent']);
      expect(figure.counts?.['sent']).toBeGreaterThan(0);
      expect(figure.stats.min).toBeGreaterThan(0);
    }
    const detail = cpu.detail as CpuDetail;
    expect(detail.hops.map((h) => h.functionName)).toEqual(['receive-readings', 'normalize-readings', 'enrich-readings', 'store-readings', 'evaluate-readings']);
    expect(detail.readingItems.items).toBeGreaterThanOrEqual(detail.sent.batch + detail.sent.single);
    expect(detail.measured.hops.every((h) => h.cpuMs.fixed + h.cpuMs.perReading > 0)).toBe(true);
  });

  it('step 6 priced both designs from this run’s measurements', () => {
    const cost = step('cost').detail as { report: CostReport; measuredFrom: string };
    expect(cost.measuredFrom).toBe('step 5 of this run');
    expect(cost.report.deployed.monthlyUsd).toBeGreaterThan(0);
    expect(cost.report.naive.monthlyUsd).toBeGreaterThan(cost.report.deployed.monthlyUsd);
    expect(report.markdown).toContain('## 6. Cost model');
  });
});
