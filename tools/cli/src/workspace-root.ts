import { resolve } from 'node:path';

/** The repository root: tools/cli/src is three levels below it. */
export const workspaceRoot = resolve(__dirname, '..', '..', '..');
