import { rename, rm, writeFile } from 'node:fs/promises';
import type { LocalEndpoints } from './local-contract';

/** Written whole (temp + rename): a script reading it never sees half a file. */
export async function writeEndpointsFile(file: string, endpoints: LocalEndpoints): Promise<void> {
  const temp = `${file}.tmp`;
  await writeFile(temp, `${JSON.stringify(endpoints, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, file);
}

/** Gone after a clean stop, so a script does not talk to a runtime that is not there. */
export async function removeEndpointsFile(file: string): Promise<void> {
  await rm(file, { force: true });
}
