import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { latestStepRecord, type BenchResults } from './results';
import { runBench, selectSteps } from './run-bench';
import type { Step, StepResult } from './step';

const result = (value: number): StepResult => ({
  figures: [{ name: 'value', unit: 'u', stats: { median: value, min: value, max: value, runs: 1 } }],
  markdown: `value ${value}`,
});

function step(id: string, order: number, run: Step['run']): Step {
  return { id, order, title: `Step ${id}`, run };
}

describe('runBench', () => {
  let out: string;
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);

  beforeEach(() => {
    out = mkdtempSync(path.join(tmpdir(), 'bench-results-'));
    lines.length = 0;
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('runs steps in order, shares resources between them and closes them at the end', async () => {
    // Prepare
    const order: string[] = [];
    let created = 0;
    let closed = 0;
    const shared = (context: Parameters<Step['run']>[0]) =>
      context.shared('thing', async () => {
        created += 1;
        return { value: 'resource', close: async () => void (closed += 1) };
      });
    const steps = [
      step('b', 5, async (context) => {
        order.push(`b:${await shared(context)}:${context.resultOf('a')?.markdown}`);
        return result(2);
      }),
      step('a', 1, async (context) => {
        order.push(`a:${await shared(context)}`);
        context.progress('work', 1, 2);
        return result(1);
      }),
    ];
    // Act
    const report = await runBench({ steps, outDir: out, root: out, log, quick: true });
    // Assess
    expect(order).toEqual(['a:resource', 'b:resource:value 1']);
    expect([created, closed]).toEqual([1, 1]);
    expect(report.ok).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^\[bench 1 a\] work run 1\/2 · \d+\.\d s$/));
    expect(report.markdown).toContain('## 1. Step a');
    expect(report.markdown).toContain('## 5. Step b');
  });

  it('records a failing step and still runs the next one; the run is then not ok', async () => {
    // Prepare
    const steps = [step('bad', 1, async () => Promise.reject(new Error('dynalite exploded'))), step('good', 2, async () => result(3))];
    // Act
    const report = await runBench({ steps, outDir: out, root: out, log });
    // Assess
    expect(report.ok).toBe(false);
    expect(report.results.steps.map((s) => [s.id, s.status, s.error])).toEqual([
      ['bad', 'failed', 'dynalite exploded'],
      ['good', 'ok', undefined],
    ]);
    expect(report.markdown).toContain('**Failed**');
  });

  it('writes <timestamp>.json with the figures and misses, which latestStepRecord finds again', async () => {
    // Prepare
    const steps = [step('cost', 6, async () => ({ ...result(4), misses: ['too dear'], detail: { x: 1 } }))];
    // Act
    const report = await runBench({ steps, outDir: out, root: out, log, quick: true });
    // Assess
    const files = readdirSync(out);
    expect(files).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.json$/)]);
    const written = JSON.parse(readFileSync(path.join(out, files[0]), 'utf8')) as BenchResults;
    expect(written).toMatchObject({ schema: 'pulse-bench/1', quick: true, steps: [{ id: 'cost', status: 'ok', misses: ['too dear'], detail: { x: 1 } }] });
    expect(written.steps[0].figures[0].stats.median).toBe(4);
    expect(report.file).toBe(path.join(out, files[0]));
    expect(report.markdown).toContain('- 6. Step cost: too dear');
    expect((await latestStepRecord(out, 'cost'))?.record.detail).toEqual({ x: 1 });
    expect(await latestStepRecord(out, 'other')).toBeUndefined();
  });
});

describe('selectSteps', () => {
  const steps = [step('cost', 6, async () => result(0)), step('ceiling', 1, async () => result(0)), step('cold-start', 4, async () => result(0))];

  it('takes ids or order numbers and keeps the run order', () => {
    expect(selectSteps(steps, ['cost', '1']).map((s) => s.id)).toEqual(['ceiling', 'cost']);
    expect(selectSteps(steps).map((s) => s.order)).toEqual([1, 4, 6]);
  });

  it('refuses a step it does not know, listing the known ones', () => {
    expect(() => selectSteps(steps, ['2'])).toThrow(/unknown step\(s\) 2; known: 1 ceiling, 4 cold-start, 6 cost/);
  });
});
