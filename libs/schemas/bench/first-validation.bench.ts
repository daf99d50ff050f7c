/**
 * Cold start of validation, as a Lambda pays it: `npx tsx libs/schemas/bench/first-validation.bench.ts`
 * (also run by `npx nx run schemas:bench`). Bundles a small entry with esbuild the way the
 * functions are built, then times, in fresh Node processes, require of the bundle plus the first
 * validation of the ReadingsEnriched golden sample: with the contract's generated validator,
 * and with the same schema compiled by Ajv at run time (compileValidator) for comparison.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { ReadingsEnrichedV1 } from '../src/events/readings-enriched/v1';

const PROCESSES = 15;
const dir = mkdtempSync(join(tmpdir(), 'pulse-first-validation-'));

const variants = {
  'generated (ReadingsEnrichedV1.validate)': `import { ReadingsEnrichedV1, ReadingsStoredV1, validateReading } from './index';
    export { ReadingsStoredV1, validateReading };
    export const validate = (detail: unknown) => ReadingsEnrichedV1.validate(detail);`,
  'run-time Ajv (compileValidator)': `import { compileValidator, ReadingsEnrichedV1 } from './index';
    export const validate = compileValidator(ReadingsEnrichedV1.schema);`,
};

function bundle(name: string, contents: string): string {
  const outfile = join(dir, `${name}.js`);
  const resolveDir = join(__dirname, '..', 'src');
  buildSync({ stdin: { contents, resolveDir, loader: 'ts' }, outfile, bundle: true, platform: 'node', format: 'cjs', minify: true, mainFields: ['module', 'main'], logLevel: 'error' });
  return outfile;
}

function firstValidationMs(file: string): number {
  const probe = `const detail = ${JSON.stringify(ReadingsEnrichedV1.sample.detail)};
    const start = performance.now();
    const ok = require(${JSON.stringify(file)}).validate(detail).ok;
    if (!ok) throw new Error('sample rejected');
    process.stdout.write(String(performance.now() - start));`;
  return Number(execFileSync(process.execPath, ['-e', probe]).toString());
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];

try {
  Object.entries(variants).forEach(([label, contents], i) => {
    const file = bundle(`entry-${i}`, contents);
    const times = Array.from({ length: PROCESSES }, () => firstValidationMs(file)).sort((a, b) => a - b);
    const kb = (statSync(file).size / 1024).toFixed(1);
    process.stdout.write(
      `${label.padEnd(40)} bundle ${kb.padStart(6)} KB   require + first validate: median ${percentile(times, 0.5).toFixed(1)} ms, p90 ${percentile(times, 0.9).toFixed(1)} ms (${PROCESSES} fresh processes)\n`,
    );
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
