import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The step of `npm run bench` whose maximum the soak runs at a share of. */
export const THROUGHPUT_STEP = 'e2e-throughput';
/**
 * Without a bench result: readings/s. Half of the ~200 readings/s this 2-core machine carried
 * end to end (HTTP → stored, batches of 100–200) while shared with other work.
 */
export const DEFAULT_SOAK_RATE = 100;

export interface SoakRate {
  readonly rate: number;
  /** Where the rate came from, for the printout. */
  readonly source: string;
}

interface Figure {
  readonly name?: unknown;
  readonly unit?: unknown;
  readonly stats?: { readonly median?: unknown; readonly max?: unknown };
}

/**
 * `share` of the measured maximum in the newest `bench/results/*.json` (by name: the run's start)
 * holding an ok `e2e-throughput` step, full runs before `--quick` ones: its highest
 * readings-per-second figure (median over runs), preferring figures named as a maximum or a
 * sustained rate. Falls back to DEFAULT_SOAK_RATE.
 */
export async function soakRateFromBench(resultsDirectory: string, share = 0.5): Promise<SoakRate> {
  let files: string[];
  try {
    files = (await readdir(resultsDirectory)).filter((f) => f.endsWith('.json')).sort().reverse();
  } catch {
    files = [];
  }
  // A full bench run first; a --quick one (shorter holds, rougher figures) only when no full one has the step.
  for (const quick of [false, true]) {
    for (const file of files) {
      const max = await maxThroughput(join(resultsDirectory, file), quick);
      if (max !== undefined) {
        return { rate: Math.max(1, Math.round(max * share)), source: `${Math.round(share * 100)} % of ${Math.round(max)} readings/s (${THROUGHPUT_STEP} in bench/results/${file})` };
      }
    }
  }
  return { rate: DEFAULT_SOAK_RATE, source: `default ${DEFAULT_SOAK_RATE} readings/s (no ${THROUGHPUT_STEP} result in ${resultsDirectory})` };
}

async function maxThroughput(file: string, quick: boolean): Promise<number | undefined> {
  let results: { quick?: unknown; steps?: { id?: unknown; status?: unknown; figures?: Figure[] }[] };
  try {
    results = JSON.parse(await readFile(file, 'utf8')) as typeof results;
  } catch {
    return undefined;
  }
  if ((results.quick === true) !== quick) return undefined;
  const step = (results.steps ?? []).find((s) => s.id === THROUGHPUT_STEP && s.status === 'ok');
  const rates = (step?.figures ?? []).filter((f) => typeof f.unit === 'string' && /readings?\s*\/\s*s/i.test(f.unit) && typeof f.stats?.median === 'number');
  const preferred = rates.filter((f) => typeof f.name === 'string' && /max|sustain|ceiling|peak/i.test(f.name));
  const candidates = (preferred.length > 0 ? preferred : rates).map((f) => f.stats?.median as number).filter((n) => n > 0);
  return candidates.length > 0 ? Math.max(...candidates) : undefined;
}
