import nx from '@nx/eslint-plugin';
import { workspaceRoot } from '@nx/devkit';
import { aliasesInto, readProjects } from './tools/eslint/workspace-projects.mjs';

/**
 * Module boundaries on two tag axes, scope:* and type:*:
 * - an app never imports another app and a lib never imports an app; only type:infra and
 *   type:tool may depend on type:app (they compose services from their declarations);
 * - a service's code depends only on its own scope and on scope:shared.
 */
export const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:lib', 'type:app', 'type:infra'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:app', 'type:tool', 'type:infra'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...serviceScopes().map((scope) => ({
    sourceTag: `scope:${scope}`,
    onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'],
  })),
];

/** Every service scope: the reference five plus any `scope:*` an app carries (a generated service). */
function serviceScopes() {
  const fromApps = readProjects(workspaceRoot)
    .filter((p) => p.tags.includes('type:app'))
    .flatMap((p) => p.tags.filter((t) => t.startsWith('scope:') && t !== 'scope:shared').map((t) => t.slice(6)));
  return [...new Set(['ingest', 'transform', 'enrich', 'persist', 'alert', ...fromApps])];
}

// Nx forbids importing an application outright ("Imports of apps are forbidden"). Pulse's
// infra and tools must read the services' declarations, so for projects tagged type:infra or
// type:tool (and only those) imports of app aliases are allowed; everywhere else both the
// built-in check and the tag constraints above apply.
const projects = readProjects(workspaceRoot);
const appRoots = projects.filter((p) => p.tags.includes('type:app')).map((p) => p.root);
const composerRoots = projects.filter((p) => p.tags.some((t) => t === 'type:infra' || t === 'type:tool')).map((p) => p.root);
const appAliases = aliasesInto(workspaceRoot, appRoots);

const boundaries = (allow) => [
  'error',
  { enforceBuildableLibDependency: true, allow, depConstraints, banTransitiveDependencies: false },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/tmp', '**/.local', '**/__fixtures__'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@nx/enforce-module-boundaries': boundaries([]) },
  },
  ...(composerRoots.length > 0 && appAliases.length > 0
    ? [
        {
          files: composerRoots.map((root) => `${root}/**/*.{ts,js,mjs,cjs}`),
          rules: { '@nx/enforce-module-boundaries': boundaries(appAliases) },
        },
      ]
    : []),
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**', '**/bench/**', '**/scripts/**'],
    rules: { 'no-console': 'error' },
  },
  {
    // Tests assert on values they have just built; `!` there documents, it does not hide.
    files: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
