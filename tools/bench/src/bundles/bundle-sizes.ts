import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

/** The built bundle's size as deployed (minified) and gzipped (default level). */
export function bundleSize(bundlePath: string): BundleSize {
  const bytes = readFileSync(bundlePath);
  return { rawBytes: bytes.length, gzipBytes: gzipSync(bytes).length };
}
