import { resolve } from 'node:path';

/** tools/chaos/src/drill → the workspace root, where dist/ holds the built bundles. */
export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
