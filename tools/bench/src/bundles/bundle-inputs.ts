import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildOptions, type Format, type Platform } from 'esbuild';

export interface BundleInput {
  /** A workspace path (`libs/schemas/src/…`) or a package (`@smithy/core`). */
  readonly name: string;
  readonly bytes: number;
}

export interface BundleComposition {
  readonly functionName: string;
  /** Output bytes of the metafile build (the real bundle differs by a few bytes at most). */
  readonly bytes: number;
  /** Output bytes by npm package (workspace code by its project folder), largest first. */
  readonly packages: readonly BundleInput[];
  /** The largest single input files. */
  readonly files: readonly BundleInput[];
}

export interface BundleEntry {
  readonly functionName: string;
  /** The app's project.json target `build-<function>` names the entry file. */
  readonly projectRoot: string;
}

interface NxEsbuildOptions {
  platform?: Platform;
  format?: Format[];
  target?: string;
  minify?: boolean;
  /** The shared esbuild settings of every function bundle (alias, external, mainFields…). */
  esbuildConfig?: string;
}

type SharedBundleOptions = Pick<BuildOptions, 'legalComments' | 'mainFields' | 'alias' | 'external'>;

/**
 * Where each bundle's bytes go: the bundles rebuilt in one esbuild call with the build's own
 * settings (nx.json's @nx/esbuild defaults, each project.json's entry) and a metafile, whose
 * `bytesInOutput` per input is summed by package.
 */
export async function bundleComposition(root: string, entries: readonly BundleEntry[], top = 12): Promise<BundleComposition[]> {
  if (entries.length === 0) return [];
  const nx = JSON.parse(readFileSync(path.join(root, 'nx.json'), 'utf8')) as { targetDefaults?: Record<string, { options?: NxEsbuildOptions }> };
  const defaults = nx.targetDefaults?.['@nx/esbuild:esbuild']?.options ?? {};
  const shared = sharedBundleOptions(root, defaults.esbuildConfig);
  const entryPoints = Object.fromEntries(entries.map((e) => [e.functionName, path.join(root, entryFile(root, e))]));
  const outdir = await mkdtemp(path.join(tmpdir(), 'pulse-bench-meta-'));
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints,
      outdir,
      bundle: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
      platform: defaults.platform ?? 'node',
      format: defaults.format?.[0] ?? 'cjs',
      target: defaults.target ?? 'node22',
      minify: defaults.minify ?? true,
      legalComments: shared.legalComments ?? 'none',
      mainFields: shared.mainFields ?? ['module', 'main'],
      ...(shared.alias ? { alias: shared.alias } : {}),
      ...(shared.external ? { external: shared.external } : {}),
      tsconfig: path.join(root, 'tsconfig.base.json'),
    });
    return entries.map((entry) => {
      const output = Object.entries(result.metafile.outputs).find(([file, o]) => o.entryPoint !== undefined && path.basename(file, '.js') === entry.functionName)?.[1];
      if (!output) throw new Error(`esbuild produced no output for ${entry.functionName}`);
      const packages = new Map<string, number>();
      const files: BundleInput[] = [];
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        packages.set(packageOf(input), (packages.get(packageOf(input)) ?? 0) + bytesInOutput);
        files.push({ name: input, bytes: bytesInOutput });
      }
      const largest = (list: BundleInput[]) => list.sort((a, b) => b.bytes - a.bytes).slice(0, top);
      return {
        functionName: entry.functionName,
        bytes: output.bytes,
        packages: largest([...packages.entries()].map(([name, bytes]) => ({ name, bytes }))),
        files: largest(files),
      };
    });
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

/** The settings the real build takes from nx.json's `esbuildConfig` module (its plugins aside). */
function sharedBundleOptions(root: string, configFile: string | undefined): SharedBundleOptions {
  if (!configFile) return {};
  const { legalComments, mainFields, alias, external } = require(path.join(root, configFile)) as SharedBundleOptions;
  return { legalComments, mainFields, alias, external };
}

/** `node_modules/@smithy/core/dist-es/x.js` → `@smithy/core`; `libs/schemas/src/x.ts` → `libs/schemas`. */
export function packageOf(input: string): string {
  const modules = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input.replace(/\\/g, '/'));
  if (modules) {
    // The innermost package: a nested node_modules belongs to the package it is nested in.
    const all = [...input.replace(/\\/g, '/').matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
    return all[all.length - 1][1];
  }
  return input.split('/').slice(0, 2).join('/');
}

function entryFile(root: string, entry: BundleEntry): string {
  const project = JSON.parse(readFileSync(path.join(root, entry.projectRoot, 'project.json'), 'utf8')) as { targets?: Record<string, { options?: { main?: string } }> };
  const main = project.targets?.[`build-${entry.functionName}`]?.options?.main;
  if (!main) throw new Error(`${entry.projectRoot}/project.json has no build-${entry.functionName} target with a main`);
  return main;
}
