import { existsSync } from 'node:fs';
import { bundleComposition, type BundleComposition } from '../bundles/bundle-inputs';
import { bundleSize, type BundleSize } from '../bundles/bundle-sizes';
import { repeat } from '../harness/repeat';
import { summarize, type Stats } from '../harness/stats';
import type { Figure, Step, StepContext, StepResult } from '../harness/step';
import { fmt, kb, spread, table } from '../report/markdown-format';
import { bareNode, coldInvocation } from '../world/cold-process';
import type { BenchFunction } from '../world/function-environment';
import { coldStartScenario } from './cold-start-events';
import { sharedWorld } from './shared-world';

export const COLD_START_STEP_ID = 'cold-start';

/** The targets. */
export const COLD_START_TARGET_MS = 90;
export const BUNDLE_TARGET_BYTES = 450 * 1024;

export interface ColdStartFunction {
  readonly service: string;
  readonly functionName: string;
  readonly memoryMb: number;
  readonly size: BundleSize;
  /** Per run: the function's fresh process minus the median of the bare `node -e 0` runs timed alongside. */
  readonly overheadMs: Stats;
  readonly totalMs: Stats;
  readonly bareMs: Stats;
  readonly loadMs: Stats;
  readonly invokeMs: Stats;
  readonly composition?: BundleComposition;
}

/**
 * Step 4: for each function, a fresh `node` loads the built bundle and completes one real
 * invocation against the local endpoints (dynalite, the local bus, s3rver), then exits; a bare
 * `node -e 0` is timed before each run (a run's overhead is its time minus their median). Plus
 * bundle sizes and where their bytes go.
 */
export function coldStartStep(): Step {
  return { id: COLD_START_STEP_ID, order: 4, title: 'Cold start per function', run: runColdStart };
}

async function runColdStart(context: StepContext): Promise<StepResult> {
  const world = await sharedWorld(context);
  const wanted = context.options.functions;
  const unknown = (wanted ?? []).filter((name) => !world.functions.some((f) => f.name === name));
  if (unknown.length > 0) throw new Error(`unknown function(s) ${unknown.join(', ')}`);
  const selected = world.functions.filter((f) => !wanted || wanted.includes(f.name));
  const unbuilt = selected.filter((f) => !existsSync(f.bundlePath)).map((f) => f.name);
  if (unbuilt.length > 0) throw new Error(`not built: ${unbuilt.join(', ')} — run: NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false npx nx run-many -t build -p ingest transform enrich persist alert`);

  const plan = context.options.quick ? { warmup: 1, runs: 3 } : { warmup: 1, runs: 7 };
  const results: ColdStartFunction[] = [];
  const skipped: string[] = [];
  for (const fn of selected) {
    const scenario = coldStartScenario(world, fn.name);
    if (!scenario) {
      skipped.push(fn.name);
      continue;
    }
    const env = world.environment(fn);
    const runs = await repeat(context, fn.name, plan, async (run) => {
      const bare = await bareNode();
      const cold = await coldInvocation(fn.bundlePath, env, await scenario.event(world, run));
      const problem = cold.ok ? scenario.check(cold.result) : `${cold.error?.name}: ${cold.error?.message}`;
      if (problem) throw new Error(`${fn.name} cold start did not complete its invocation: ${problem}\n${(cold.tail ?? []).join('\n')}`);
      return { bare, cold };
    });
    const bareMs = summarize(runs.map((r) => r.bare));
    results.push({
      service: fn.service.name,
      functionName: fn.name,
      memoryMb: fn.memoryMb,
      size: bundleSize(fn.bundlePath),
      // Against the bare runs' median: one slow bare start must not make a run look free.
      overheadMs: summarize(runs.map((r) => r.cold.wallMs - bareMs.median)),
      totalMs: summarize(runs.map((r) => r.cold.wallMs)),
      bareMs,
      loadMs: summarize(runs.map((r) => r.cold.loadMs ?? 0)),
      invokeMs: summarize(runs.map((r) => r.cold.invokeMs ?? 0)),
    });
  }

  context.progress('bundle composition (esbuild metafile)', 1, 1);
  const compositions = await bundleComposition(
    context.options.root,
    results.map((r) => ({ functionName: r.functionName, projectRoot: projectRootOf(world.functions, r.functionName) })),
  );
  const withComposition = results.map((r) => {
    const composition = compositions.find((c) => c.functionName === r.functionName);
    return composition ? { ...r, composition } : r;
  });
  const misses = withComposition.flatMap((r) => {
    const missed = [
      ...(r.overheadMs.median > COLD_START_TARGET_MS ? [`overhead ${fmt(r.overheadMs.median, 0)} ms > ${COLD_START_TARGET_MS} ms`] : []),
      ...(r.size.rawBytes > BUNDLE_TARGET_BYTES ? [`bundle ${kb(r.size.rawBytes)} > 450 KB`] : []),
    ];
    return missed.length > 0 ? [`${r.functionName}: ${missed.join(', ')}`] : [];
  });
  return {
    figures: withComposition.flatMap((r) => figures(r)),
    markdown: coldStartMarkdown(withComposition, skipped),
    detail: { plan, functions: withComposition, skipped },
    misses,
  };
}

function figures(r: ColdStartFunction): Figure[] {
  const counts = { runs: r.totalMs.runs, bareRuns: r.bareMs.runs };
  return [
    { name: `${r.functionName}.overhead-ms`, unit: 'ms over bare node', stats: r.overheadMs, counts },
    { name: `${r.functionName}.total-ms`, unit: 'ms', stats: r.totalMs, counts },
    { name: `${r.functionName}.bare-node-ms`, unit: 'ms', stats: r.bareMs, counts },
  ];
}

function coldStartMarkdown(results: readonly ColdStartFunction[], skipped: readonly string[]): string {
  const rows = results.map((r) => [
    `${r.service} / ${r.functionName}`,
    `${kb(r.size.rawBytes)}${r.size.rawBytes > BUNDLE_TARGET_BYTES ? ' ✗' : ''}`,
    kb(r.size.gzipBytes),
    `${spread(r.overheadMs, 0)}${r.overheadMs.median > COLD_START_TARGET_MS ? ' ✗' : ''}`,
    fmt(r.loadMs.median, 0),
    fmt(r.invokeMs.median, 0),
    fmt(r.totalMs.median, 0),
    fmt(r.bareMs.median, 0),
  ]);
  const lines = [
    `Targets: overhead over bare node ≤ ${COLD_START_TARGET_MS} ms (median), bundle ≤ 450 KB minified; ✗ marks a miss. Overhead per run = fresh process loading the bundle and completing one real invocation, minus the median of the \`node -e 0\` runs timed alongside (one before each run).`,
    '',
    table(['function', 'bundle', 'gzip', 'overhead ms', 'require ms', 'first invocation ms', 'total ms', 'bare node ms'], rows),
  ];
  const composed = results.filter((r) => r.composition);
  if (composed.length > 0) lines.push('', 'Where the bundle bytes go (esbuild metafile, bytes in the minified output):', '', compositionTable(composed));
  if (skipped.length > 0) lines.push('', `Not measured (no event known for them): ${skipped.join(', ')}.`);
  return lines.join('\n');
}

/** Packages by their average bytes per bundle, with how many bundles carry them. */
function compositionTable(results: readonly ColdStartFunction[]): string {
  const totals = new Map<string, { bytes: number; bundles: number }>();
  for (const r of results) {
    for (const p of r.composition?.packages ?? []) {
      const t = totals.get(p.name) ?? { bytes: 0, bundles: 0 };
      totals.set(p.name, { bytes: t.bytes + p.bytes, bundles: t.bundles + 1 });
    }
  }
  const averageBundle = results.reduce((sum, r) => sum + (r.composition?.bytes ?? 0), 0) / results.length;
  const rows = [...totals.entries()]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .slice(0, 12)
    .map(([name, t]) => [name, kb(t.bytes / results.length), `${fmt((100 * t.bytes) / results.length / averageBundle, 1)} %`, `${t.bundles} of ${results.length}`]);
  return table(['package', 'KB per bundle (average)', 'share', 'in bundles (top 12 of each)'], rows);
}

function projectRootOf(functions: readonly BenchFunction[], name: string): string {
  const fn = functions.find((f) => f.name === name);
  if (!fn) throw new Error(`no function ${name}`);
  return `apps/${fn.service.name}`;
}
