import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Where each part keeps its state under `.local/` (one folder to delete for a clean start). */
export interface StatePaths {
  readonly root: string;
  readonly dynamodb: string;
  readonly bus: string;
  readonly kinesis: string;
  readonly s3: string;
  readonly issuerKey: string;
  readonly timeAnchor: string;
  readonly endpointsFile: string;
}

export function statePaths(root: string): StatePaths {
  return {
    root,
    dynamodb: join(root, 'dynamodb'),
    bus: join(root, 'bus'),
    kinesis: join(root, 'kinesis'),
    s3: join(root, 's3'),
    issuerKey: join(root, 'operator-issuer.pem'),
    timeAnchor: join(root, 'time.json'),
    endpointsFile: join(root, 'endpoints.json'),
  };
}

/** `--reset`: everything the previous runs stored goes; the folder is made again. */
export async function prepareState(paths: StatePaths, reset: boolean): Promise<void> {
  if (reset) await rm(paths.root, { recursive: true, force: true });
  await mkdir(paths.root, { recursive: true });
  await Promise.all([paths.dynamodb, paths.bus, paths.kinesis, paths.s3].map((dir) => mkdir(dir, { recursive: true })));
}
