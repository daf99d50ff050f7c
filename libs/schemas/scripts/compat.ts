/**
 * CI gate: every released snapshot must still be honoured by the current schema.
 *   npx nx run schemas:compat            → checks libs/schemas/released/
 *   npx nx run schemas:compat --dir=DIR  → checks DIR
 */
import { resolve } from 'node:path';
import { contracts } from '../src/contracts';
import { argument, checkReleased, RELEASED_DIR } from './released-snapshots';

const dir = resolve(argument(process.argv.slice(2), 'dir') ?? RELEASED_DIR);
const { checked, findings } = checkReleased(dir, contracts);
for (const f of findings) {
  process.stderr.write(`BREAKING ${f.name} v${f.version} ${f.path || '(event)'}: ${f.kind}: ${f.message}\n`);
}
if (findings.length > 0) {
  process.stderr.write(`compat: ${findings.length} breaking change(s); release the change as a new version instead\n`);
  process.exit(1);
}
process.stdout.write(`compat: ${checked} released snapshot(s) checked against ${contracts.length} contracts, no breaking change\n`);
