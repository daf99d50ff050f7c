import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

export interface Asset {
  readonly body: Buffer;
  readonly type: string;
}

/** Path → asset, everything the page needs: HTML, script, styles (uPlot's included). */
export type Assets = ReadonlyMap<string, Asset>;

const WEB_DIR = join(__dirname, '..', 'web');
let bundled: Promise<Assets> | undefined;

/**
 * Bundles the front end with esbuild in memory, once per process (a second dashboard, as in
 * tests, reuses it). Nothing is fetched at run time: uPlot comes from node_modules.
 */
export function frontEndAssets(): Promise<Assets> {
  bundled ??= bundle().catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  return bundled;
}

async function bundle(): Promise<Assets> {
  const result = await build({
    entryPoints: { app: join(WEB_DIR, 'main.ts') },
    bundle: true,
    write: false,
    outdir: '/assets',
    format: 'iife',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const assets = new Map<string, Asset>();
  for (const file of result.outputFiles) {
    const type = file.path.endsWith('.css') ? 'text/css' : file.path.endsWith('.map') ? 'application/json' : 'text/javascript';
    assets.set(file.path, { body: Buffer.from(file.contents), type: `${type}; charset=utf-8` });
  }
  assets.set('/', { body: await readFile(join(WEB_DIR, 'index.html')), type: 'text/html; charset=utf-8' });
  return assets;
}
