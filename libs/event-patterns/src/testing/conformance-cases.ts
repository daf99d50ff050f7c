import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** One case of ../shared/conformance/eventbridge-patterns/cases.json (see its README). */
export interface ConformanceCase {
  name: string;
  pattern?: unknown;
  event?: unknown;
  /** The exact text AWS received: when present it wins over `pattern` / `event`. */
  patternRaw?: string;
  eventRaw?: string;
  expect: 'match' | 'nomatch' | 'invalid-pattern';
  awsError?: { code: string; message: string };
}

// The shared folder is a sibling of the repository root (/work/main -> /work/shared).
export const CONFORMANCE_CASES_FILE = path.resolve(
  __dirname,
  '../../../../../shared/conformance/eventbridge-patterns/cases.json',
);

/** The AWS-checked cases, read at test time; fails loudly when the file is missing. */
export function loadConformanceCases(file = CONFORMANCE_CASES_FILE): ConformanceCase[] {
  if (!existsSync(file)) throw new Error(`EventBridge conformance cases not found at ${file}`);
  return JSON.parse(readFileSync(file, 'utf8')) as ConformanceCase[];
}
