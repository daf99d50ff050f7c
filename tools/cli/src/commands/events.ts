import type { Command } from 'commander';
import { contracts, toRegistrySchema, type EventContract } from '@pulse/schemas';

const FORMATS = ['schema', 'registry', 'sample'] as const;
type Format = (typeof FORMATS)[number];

function find(name: string, version?: string): EventContract<unknown> {
  const matches = contracts.filter((c) => c.name === name || c.detailType === name);
  const wanted = version === undefined ? matches.at(-1) : matches.find((c) => c.version === Number(version));
  if (!wanted) {
    const known = [...new Set(contracts.map((c) => c.name))].join(', ');
    throw new Error(`no event '${name}'${version ? ` v${version}` : ''}; known events: ${known}`);
  }
  return wanted;
}

function render(contract: EventContract<unknown>, format: Format): unknown {
  if (format === 'registry') return toRegistrySchema(contract);
  if (format === 'sample') return contract.sample;
  return JSON.parse(JSON.stringify(contract.schema));
}

export function registerEvents(program: Command): void {
  const events = program.command('events').description("Pulse's event contracts (libs/schemas)");

  events
    .command('list')
    .description('List every event contract: source, detail-type, version')
    .action(() => {
      const rows = contracts.map((c) => [c.source, c.detailType, `v${c.version}`, c.description]);
      const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
      for (const row of rows) {
        process.stdout.write(`${row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ')}\n`);
      }
    });

  events
    .command('show')
    .description("Print one event's JSON Schema, its Schema Registry (Draft 4) document, or its golden sample")
    .argument('<name>', 'event name or detail-type, e.g. ReadingsReceived')
    .option('--version <n>', 'contract version (default: the newest)')
    .option('--format <format>', `one of ${FORMATS.join('|')}`, 'schema')
    .action((name: string, options: { version?: string; format: string }) => {
      if (!FORMATS.includes(options.format as Format)) {
        throw new Error(`--format must be one of ${FORMATS.join('|')}, got '${options.format}'`);
      }
      const document = render(find(name, options.version), options.format as Format);
      process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    });
}
