import type { StepContext } from './step';

export interface RepeatPlan {
  /** Runs thrown away first (JIT, caches, connections). */
  readonly warmup: number;
  readonly runs: number;
}

/**
 * Runs `run` warm-up + measured times in sequence, reporting progress, and returns the
 * measured runs' outputs (warm-up outputs are discarded).
 */
export async function repeat<T>(context: Pick<StepContext, 'progress'>, label: string, plan: RepeatPlan, run: (index: number) => Promise<T>): Promise<T[]> {
  const total = plan.warmup + plan.runs;
  const kept: T[] = [];
  for (let i = 0; i < total; i++) {
    context.progress(i < plan.warmup ? `${label} warm-up` : label, i + 1, total);
    const output = await run(i);
    if (i >= plan.warmup) kept.push(output);
  }
  return kept;
}
