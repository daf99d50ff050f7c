import type { Stats } from './stats';

/** One measured figure: the median of repeated runs, with what each run counted. */
export interface Figure {
  /** Stable key within its step, e.g. `items-per-second` or `store-readings.cpu-ms-per-1000`. */
  readonly name: string;
  readonly unit: string;
  readonly stats: Stats;
  /**
   * What the runs behind the figure counted (items written, readings processed, samples):
   * the evidence it was measured from real work, checked by the bench's own test.
   */
  readonly counts?: Readonly<Record<string, number>>;
}

export interface StepResult {
  readonly figures: readonly Figure[];
  /** Markdown for the summary: the step's tables, under a heading the harness writes. */
  readonly markdown: string;
  /** Step-specific detail kept in the results file (breakdowns, inputs of later steps). */
  readonly detail?: unknown;
  /** Targets this step's figures miss, one sentence each. */
  readonly misses?: readonly string[];
}

/** Options every step sees; a step ignores what it does not use. */
export interface StepOptions {
  /** Small counts: the whole `--quick` run stays well under two minutes. */
  readonly quick: boolean;
  /** Workspace root (where nx.json and dist/ are). */
  readonly root: string;
  /** Limits the cold-start step to these functions (all when absent). */
  readonly functions?: readonly string[];
  /** Workload of the cost model (defaults: 1,000 readings/s, batches of 50, 30 days). */
  readonly workload?: Readonly<Record<string, number | boolean>>;
  /** Where results files are (step 6 reads the newest one when step 5 did not run). */
  readonly outDir: string;
}

export interface StepContext {
  readonly options: StepOptions;
  /** Progress on stderr: `<step> · <label> run i/n · elapsed`. */
  progress(label: string, run: number, of: number): void;
  /** A line for the operator (stderr). */
  log(line: string): void;
  /** Results of the steps that already ran in this bench run, by step id. */
  resultOf(stepId: string): StepResult | undefined;
  /**
   * A resource shared by the steps of one run (local endpoints, a seeded world), created on
   * first use and closed when the run ends.
   */
  shared<T>(key: string, create: () => Promise<Shared<T>>): Promise<T>;
}

export interface Shared<T> {
  readonly value: T;
  close(): Promise<void>;
}

/**
 * A benchmark step. Steps run in `order`; the lead's end-to-end steps are more Steps
 * (orders 2 and 3) passed to `runBench` beside the built-in ones.
 */
export interface Step {
  /** Stable id, also accepted by `--only` (as is the order number). */
  readonly id: string;
  /** Position in the run, 1–6 for the steps. */
  readonly order: number;
  readonly title: string;
  run(context: StepContext): Promise<StepResult>;
}
