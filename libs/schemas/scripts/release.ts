/**
 * Snapshots every contract's registry schema and golden sample:
 *   npx nx run schemas:release            → libs/schemas/released/
 *   npx nx run schemas:release --out=DIR  → DIR (tests, dry runs)
 */
import { resolve } from 'node:path';
import { contracts } from '../src/contracts';
import { argument, RELEASED_DIR, releaseSnapshots } from './released-snapshots';

const dir = resolve(argument(process.argv.slice(2), 'out') ?? RELEASED_DIR);
const outcomes = releaseSnapshots(dir, contracts);
for (const o of outcomes) {
  process.stdout.write(`${o.status.padEnd(9)} ${o.name} v${o.version}\n`);
  for (const issue of o.issues) process.stdout.write(`  ${issue.path}: ${issue.kind}: ${issue.message}\n`);
}
if (outcomes.some((o) => o.status === 'refused')) {
  process.stderr.write(`release refused: a breaking change must ship as a new version beside the old one; nothing written to ${dir}\n`);
  process.exit(1);
}
process.stdout.write(`released ${outcomes.length} contracts to ${dir}\n`);
