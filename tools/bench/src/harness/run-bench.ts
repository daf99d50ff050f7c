import path from 'node:path';
import { summaryMarkdown } from '../report/summary-markdown';
import { builtInSteps } from '../steps/built-in-steps';
import { machineInfo } from './machine';
import { progressLine, stderrLog, type Log } from './progress';
import { RESULTS_SCHEMA, writeResults, type BenchResults, type StepRecord } from './results';
import type { Shared, Step, StepContext, StepOptions, StepResult } from './step';
import { workspaceRoot } from './workspace-root';

export interface BenchOptions {
  /** Small counts (the whole run well under two minutes on the 2-core machine). */
  readonly quick?: boolean;
  /** Step ids or order numbers to run (`['1', 'cold-start']`); all steps when absent. */
  readonly only?: readonly string[];
  /** Where `<timestamp>.json` goes; default `<workspace>/bench/results`. */
  readonly outDir?: string;
  /** Workspace root; found from the current directory when absent. */
  readonly root?: string;
  /** Cold start: only these functions. */
  readonly functions?: readonly string[];
  /** Cost model workload overrides (see `Workload`). */
  readonly workload?: StepOptions['workload'];
  /** The steps to choose from; default `builtInSteps()`. The end-to-end steps are added here. */
  readonly steps?: readonly Step[];
  /** Progress and notes; default stderr. */
  readonly log?: Log;
  /** False: no results file (tests). Default true. */
  readonly write?: boolean;
}

export interface BenchReport {
  readonly results: BenchResults;
  readonly markdown: string;
  /** The results file, when written. */
  readonly file?: string;
  /** Every selected step succeeded. */
  readonly ok: boolean;
}

/** Runs the selected steps in order, each one's failure recorded without stopping the others. */
export async function runBench(options: BenchOptions = {}): Promise<BenchReport> {
  const log = options.log ?? stderrLog;
  const root = options.root ?? workspaceRoot();
  const outDir = path.resolve(options.outDir ?? path.join(root, 'bench', 'results'));
  const stepOptions: StepOptions = {
    quick: options.quick ?? false,
    root,
    outDir,
    ...(options.functions ? { functions: options.functions } : {}),
    ...(options.workload ? { workload: options.workload } : {}),
  };
  const selected = selectSteps(options.steps ?? builtInSteps(), options.only);
  const startedAt = new Date();
  const machine = machineInfo();
  const done = new Map<string, StepResult>();
  const records: StepRecord[] = [];
  const shared = new Map<string, Promise<Shared<unknown>>>();

  try {
    for (const step of selected) {
      const began = performance.now();
      const context: StepContext = {
        options: stepOptions,
        progress: (label, run, of) => log(progressLine(step, label, run, of, performance.now() - began)),
        log: (line) => log(`[bench ${step.order} ${step.id}] ${line}`),
        resultOf: (id) => done.get(id),
        shared: async <T>(key: string, create: () => Promise<Shared<T>>) => {
          let entry = shared.get(key);
          if (!entry) {
            entry = create() as Promise<Shared<unknown>>;
            shared.set(key, entry);
          }
          return ((await entry) as Shared<T>).value;
        },
      };
      log(`[bench ${step.order} ${step.id}] ${step.title}`);
      try {
        const result = await step.run(context);
        done.set(step.id, result);
        records.push({ ...base(step, began), status: 'ok', figures: result.figures, markdown: result.markdown, detail: result.detail, misses: result.misses ?? [] });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`[bench ${step.order} ${step.id}] failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
        records.push({ ...base(step, began), status: 'failed', figures: [], markdown: '', misses: [], error: message });
      }
    }
  } finally {
    // Reverse order of creation: a seeded world closes before the servers it seeded.
    for (const entry of [...shared.values()].reverse()) {
      await entry.then((s) => s.close()).catch((error: unknown) => log(`[bench] closing a shared resource failed: ${String(error)}`));
    }
  }

  const results: BenchResults = {
    schema: RESULTS_SCHEMA,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    quick: stepOptions.quick,
    machine,
    steps: records,
  };
  const file = options.write === false ? undefined : await writeResults(outDir, results);
  const shown = file ? path.relative(process.cwd(), file) || file : undefined;
  return { results, markdown: summaryMarkdown(results, shown), ...(file ? { file } : {}), ok: records.every((r) => r.status === 'ok') };
}

/** The steps named by `only` (ids or order numbers), in order; every step when absent. */
export function selectSteps(steps: readonly Step[], only?: readonly string[]): Step[] {
  const sorted = [...steps].sort((a, b) => a.order - b.order);
  if (!only || only.length === 0) return sorted;
  const wanted = new Set(only.map((s) => s.trim()).filter(Boolean));
  const unknown = [...wanted].filter((w) => !sorted.some((s) => s.id === w || String(s.order) === w));
  if (unknown.length > 0) throw new Error(`unknown step(s) ${unknown.join(', ')}; known: ${sorted.map((s) => `${s.order} ${s.id}`).join(', ')}`);
  return sorted.filter((s) => wanted.has(s.id) || wanted.has(String(s.order)));
}

function base(step: Step, began: number) {
  return { id: step.id, order: step.order, title: step.title, durationMs: Math.round(performance.now() - began) };
}
