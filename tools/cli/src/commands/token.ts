import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadOperatorIssuer, statePaths } from '@pulse/local-runtime';
import { workspaceRoot } from '../workspace-root';

/**
 * `pulse token --fleet <id> [--expired]`: an operator ID token from the local runtime's issuer
 * (the key kept in .local/), for tests of the read routes and for curl.
 */
export function registerToken(program: Command): void {
  program
    .command('token')
    .description("Mint an operator ID token (Cognito-shaped, custom:fleet) signed by the local runtime's issuer")
    .requiredOption('--fleet <fleetId>', 'the fleet the token may read')
    .option('--expired', 'a token that expired already (for 401 tests)', false)
    .option('--ttl <seconds>', 'lifetime in seconds', '3600')
    .option('--state <dir>', 'the runtime state folder', join(workspaceRoot, '.local'))
    .action(async (options: { fleet: string; expired: boolean; ttl: string; state: string }) => {
      const ttlSeconds = Number(options.ttl);
      if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) throw new Error(`--ttl must be a whole number of seconds ≥ 1, got '${options.ttl}'`);
      const keyFile = statePaths(options.state).issuerKey;
      if (!existsSync(keyFile)) throw new Error(`no local issuer key at ${keyFile}: start the local runtime once (npm start)`);
      const issuer = await loadOperatorIssuer(keyFile);
      process.stdout.write(`${issuer.mint({ fleet: options.fleet, ttlSeconds, ...(options.expired ? { expired: true } : {}) })}\n`);
    });
}
