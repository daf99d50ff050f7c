export type Log = (line: string) => void;

/** Writes one line to stderr: progress and notes never mix with the Markdown on stdout. */
export const stderrLog: Log = (line) => {
  process.stderr.write(`${line}\n`);
};

/** `[bench 4/6 cold-start] store-readings run 3/11 · 12.3 s` — step, what runs, elapsed in the step. */
export function progressLine(step: { order: number; id: string }, label: string, run: number, of: number, elapsedMs: number): string {
  return `[bench ${step.order} ${step.id}] ${label} run ${run}/${of} · ${(elapsedMs / 1000).toFixed(1)} s`;
}
