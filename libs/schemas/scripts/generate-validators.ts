/**
 * Writes a project's precompiled validators: `npx nx run schemas:generate-validators`, or for
 * another project `tsx libs/schemas/scripts/generate-validators.ts <project root> [--check]`.
 * Reads `<root>/scripts/validator-manifest.ts` (export `validatorManifest`), writes
 * `<root>/src/generated/<module>.js` + `.d.ts` per entry and deletes any other file there.
 * `--check` writes nothing and exits 1 when a committed file is stale.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidatorManifest } from '../src/validator-manifest';
import { missingGeneratedImports, PLACEHOLDER } from './pending-imports';
import { GENERATED_DIR, MANIFEST_FILE, renderValidators, staleMessage, staleValidatorFiles } from './validator-modules';

async function main(args: readonly string[]): Promise<number> {
  const check = args.includes('--check');
  const projectRoot = resolve(args.find((a) => !a.startsWith('--')) ?? 'libs/schemas');
  const placeholders = check ? [] : missingGeneratedImports(projectRoot);
  mkdirSync(join(projectRoot, GENERATED_DIR), { recursive: true });
  for (const path of placeholders) writeFileSync(join(projectRoot, path), PLACEHOLDER);

  const { validatorManifest } = (await import(pathToFileURL(join(projectRoot, MANIFEST_FILE)).href)) as { validatorManifest: ValidatorManifest };
  const rendered = renderValidators(validatorManifest);
  const stale = staleValidatorFiles(projectRoot, rendered);
  if (check) {
    process.stderr.write(stale.length > 0 ? `${staleMessage(stale, validatorManifest.command)}\n` : '');
    return stale.length > 0 ? 1 : 0;
  }
  const expected = new Set(rendered.map((f) => f.path));
  for (const path of stale) {
    const file = rendered.find((f) => f.path === path);
    if (file) writeFileSync(join(projectRoot, path), file.content);
    else if (!expected.has(path)) rmSync(join(projectRoot, path));
  }
  process.stdout.write(`${rendered.length / 2} validators, ${stale.length} file(s) written or removed in ${join(projectRoot, GENERATED_DIR)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`generate-validators: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
