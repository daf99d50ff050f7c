import { Command, CommanderError } from 'commander';
import { registerStart } from './commands/start';
import { registerBench } from './commands/bench';
import { registerEvents } from './commands/events';
import { registerPattern } from './commands/pattern';
import { registerFleets } from './commands/fleets';
import { registerEventsTail } from './commands/events-tail';
import { registerExplain } from './commands/explain';
import { registerDlq } from './commands/dlq';
import { registerReplay } from './commands/replay';
import { registerToken } from './commands/token';
import { registerReliability } from './commands/reliability';
import { cliVersion } from './version';

export function buildProgram(): Command {
  const program = new Command('pulse')
    .description('Pulse: real-time, event-driven serverless data processing on AWS, on your laptop.')
    .version(cliVersion(), '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerStart(program);
  registerBench(program);
  registerEvents(program);
  registerPattern(program);
  registerFleets(program);
  registerEventsTail(program);
  registerExplain(program);
  registerDlq(program);
  registerReplay(program);
  registerToken(program);
  registerReliability(program);
  return program;
}

/** Runs the CLI and resolves to the process exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
}
