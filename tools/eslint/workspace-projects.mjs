// Reads the workspace's projects (project.json files) and tsconfig path aliases, so the
// ESLint config can derive from tags which files may import apps.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const PROJECT_FOLDERS = ['apps', 'libs', 'infra', 'tools'];
const SKIPPED = new Set(['node_modules', 'dist', '__fixtures__', 'src', 'test']);

function findProjectRoots(root, dir, depth) {
  if (depth < 0 || !existsSync(dir)) return [];
  const here = existsSync(join(dir, 'project.json')) ? [relative(root, dir)] : [];
  const nested = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !SKIPPED.has(entry.name) && !entry.name.startsWith('.'))
    .flatMap((entry) => findProjectRoots(root, join(dir, entry.name), depth - 1));
  return [...here, ...nested];
}

/** Every project: its root (relative, '/'-separated) and tags. */
export function readProjects(workspaceRoot) {
  return PROJECT_FOLDERS.flatMap((folder) => findProjectRoots(workspaceRoot, join(workspaceRoot, folder), 2)).map(
    (root) => {
      const config = JSON.parse(readFileSync(join(workspaceRoot, root, 'project.json'), 'utf8'));
      return { name: config.name, root: root.split('\\').join('/'), tags: config.tags ?? [] };
    },
  );
}

/** The tsconfig path aliases that point into one of the given project roots. */
export function aliasesInto(workspaceRoot, roots) {
  const tsconfig = JSON.parse(readFileSync(join(workspaceRoot, 'tsconfig.base.json'), 'utf8'));
  return Object.entries(tsconfig.compilerOptions?.paths ?? {})
    .filter(([, [target]]) => roots.some((root) => target.startsWith(`${root}/`)))
    .map(([alias]) => alias);
}
