import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MachineInfo } from './machine';
import type { Figure } from './step';

export const RESULTS_SCHEMA = 'pulse-bench/1';

export interface StepRecord {
  readonly id: string;
  readonly order: number;
  readonly title: string;
  readonly status: 'ok' | 'failed';
  readonly durationMs: number;
  readonly figures: readonly Figure[];
  readonly markdown: string;
  readonly detail?: unknown;
  readonly misses: readonly string[];
  readonly error?: string;
}

export interface BenchResults {
  readonly schema: typeof RESULTS_SCHEMA;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly quick: boolean;
  readonly machine: MachineInfo;
  readonly steps: readonly StepRecord[];
}

/** `2026-11-22T13-45-07-123Z.json`: sortable, and valid on every file system. */
export function resultsFileName(startedAt: Date): string {
  return `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
}

export async function writeResults(outDir: string, results: BenchResults): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, resultsFileName(new Date(results.startedAt)));
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

/**
 * The newest results file in `outDir` holding a successful record of `stepId`, with that
 * record; undefined when none does (or the folder does not exist).
 */
export async function latestStepRecord(outDir: string, stepId: string): Promise<{ file: string; record: StepRecord } | undefined> {
  let names: string[];
  try {
    names = (await readdir(outDir)).filter((n) => n.endsWith('.json')).sort().reverse();
  } catch {
    return undefined;
  }
  for (const name of names) {
    const file = path.join(outDir, name);
    try {
      const results = JSON.parse(await readFile(file, 'utf8')) as Partial<BenchResults>;
      const record = results.schema === RESULTS_SCHEMA ? results.steps?.find((s) => s.id === stepId && s.status === 'ok') : undefined;
      if (record) return { file, record };
    } catch {
      // An unreadable or foreign file is skipped, not fatal.
    }
  }
  return undefined;
}
