import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GENERATED_DIR } from './validator-modules';

/**
 * Imports of not-yet-generated modules found in the project's sources (a contract written
 * before its validator). The generator writes a placeholder for each before loading the
 * manifest, whose imports would otherwise fail, then replaces it in the same run.
 */
export function missingGeneratedImports(projectRoot: string): string[] {
  const missing = new Set<string>();
  for (const file of sourceFiles(join(projectRoot, 'src'))) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '((?:\.\.?\/)+generated\/[\w-]+)'/g)) {
      const target = relative(projectRoot, join(file, '..', `${specifier}.js`));
      if (target.startsWith(GENERATED_DIR) && !existsSync(join(projectRoot, target))) missing.add(target);
    }
  }
  return [...missing];
}

export const PLACEHOLDER = `// Placeholder written by generate-validators while it loads the manifest; replaced by the generated module.
export default function notGeneratedYet() {
  throw new Error('validator not generated yet');
}
`;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}
