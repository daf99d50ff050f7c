import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { createLocalIssuer, type LocalIssuer } from '@pulse/local-api';

/**
 * The local Cognito stand-in, with its signing key kept in `.local/` so the operator token
 * printed at start survives a restart and `npx pulse token` can mint more.
 */
export async function loadOperatorIssuer(keyFile: string, issuerUrl?: string): Promise<LocalIssuer> {
  const privateKey = await readFile(keyFile, 'utf8').then(
    (pem) => createPrivateKey(pem),
    async () => {
      const { privateKey: made } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      await writeFile(keyFile, made.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
      return made;
    },
  );
  return createLocalIssuer({ keyPair: { privateKey, publicKey: createPublicKey(privateKey) }, ...(issuerUrl ? { issuerUrl } : {}) });
}

/** Operators' tokens printed at start live long enough for a working day. */
export const OPERATOR_TOKEN_TTL_SECONDS = 12 * 3_600;
