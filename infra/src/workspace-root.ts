import { resolve } from 'node:path';

/** The workspace root (infra/src → ../..): cdk.json, dist/ and .github live there. */
export const WORKSPACE_ROOT = resolve(__dirname, '..', '..');
