import type { Command } from 'commander';

/**
 * `pulse start` will bring up the local runtime (issue "Local runtime"). Until the
 * services, the local bus and the runtime exist it explains what is missing and
 * fails, so nobody mistakes an empty start for a working pipeline.
 */
export const MISSING_FOR_START = [
  'the five services (apps/ingest, apps/transform, apps/enrich, apps/persist, apps/alert)',
  'the local EventBridge bus, function runner and dead-letter queues (tools/local-bus)',
  'the local runtime that wires them to dynalite, kinesalite and s3rver (tools/local-runtime)',
];

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('Run the whole pipeline locally (not available yet: prints what is missing)')
    .option('--reset', 'start from empty state')
    .action(() => {
      process.stderr.write(
        [
          'pulse start: the local runtime is not built yet. Still missing:',
          ...MISSING_FOR_START.map((item) => `  - ${item}`),
          'What works today: `npm test` (lint, typecheck, every project\'s tests) and `npx pulse --help`.',
          '',
        ].join('\n'),
      );
      process.exitCode = 2;
    });
}
