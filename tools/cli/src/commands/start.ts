import type { Command } from 'commander';

/**
 * `pulse start` will bring up the local runtime (issue "Local runtime"). Until the
 * services, the local bus and the runtime exist it explains what is missing and
 * fails, so nobody mistakes an empty start for a working pipeline.
 */
export const MISSING_FOR_START = [
  'the local runtime (tools/local-runtime): dynalite, kinesalite and s3rver on the contract ports, the tables from the declarations, the API Gateway emulator with its authorizers, and .local/endpoints.json',
  'the sensor simulator that drives it',
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
          'What works today: the five services and the local bus (`npx tsx tools/local-bus/src/main.ts --help`),',
          '`npm test`, `npm run bench` and `npx pulse --help`.',
          '',
        ].join('\n'),
      );
      process.exitCode = 2;
    });
}
