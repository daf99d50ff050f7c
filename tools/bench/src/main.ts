import { HELP, parseArguments } from './cli-options';
import { runBench } from './harness/run-bench';
import { builtInSteps } from './steps/built-in-steps';
import type { Step } from './harness/step';

/**
 * The command line: Markdown summary on stdout, progress on stderr; resolves to the exit code
 * (1 when a step failed or the arguments are wrong). `extraSteps` are added to the built-in ones.
 */
export async function main(args: readonly string[], extraSteps: readonly Step[] = []): Promise<number> {
  let command;
  try {
    command = parseArguments(args);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    return 1;
  }
  if (command.kind === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  const report = await runBench({ ...command.options, steps: [...builtInSteps(), ...extraSteps] });
  process.stdout.write(report.markdown);
  return report.ok ? 0 : 1;
}

if (require.main === module) {
  // The SDK's notice that its 2027 releases need Node 22 is not the bench's business on stderr.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
