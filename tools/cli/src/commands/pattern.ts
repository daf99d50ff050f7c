import type { Command } from 'commander';
import { compilePattern, InvalidEventPatternException, type MatchReason } from '@pulse/event-patterns';
import { readJsonArgument } from '../arguments';

/** Exit codes, as grep uses them: 0 matched, 1 did not match, 2 the input is at fault. */
export const PATTERN_EXIT = { matched: 0, notMatched: 1, invalid: 2 } as const;

function describe(reason: MatchReason): string {
  const where = reason.alternative ? ` [${reason.alternative}]` : '';
  return `  ${reason.matched ? '✓' : '✗'} ${reason.message}${where}`;
}

export function registerPattern(program: Command): void {
  const pattern = program.command('pattern').description('Validate EventBridge event patterns and explain matches');

  pattern
    .command('validate')
    .description('Check a pattern as EventBridge does (exit 0 valid, 2 invalid)')
    .argument('<pattern>', 'the pattern: inline JSON, @file, or - for stdin')
    .action((patternArg: string) => {
      try {
        compilePattern(readJsonArgument(patternArg));
        process.stdout.write('valid\n');
        process.exitCode = PATTERN_EXIT.matched;
      } catch (error) {
        process.exitCode = reportInvalid(error);
      }
    });

  pattern
    .command('test')
    .description('Does the event match the pattern, and why? (exit 0 match, 1 no match, 2 invalid input)')
    .argument('<pattern>', 'the pattern: inline JSON, @file, or - for stdin')
    .argument('<event>', 'the event: inline JSON, @file, or - for stdin')
    .option('--json', 'print the explanation as JSON')
    .action((patternArg: string, eventArg: string, options: { json?: boolean }) => {
      try {
        const compiled = compilePattern(readJsonArgument(patternArg));
        const event = JSON.parse(readJsonArgument(eventArg)) as unknown;
        const explanation = compiled.explain(event);
        if (options.json) process.stdout.write(`${JSON.stringify(explanation, null, 2)}\n`);
        else {
          const lines = [explanation.matched ? 'MATCH' : 'NO MATCH', ...explanation.reasons.map(describe)];
          process.stdout.write(`${lines.join('\n')}\n`);
        }
        process.exitCode = explanation.matched ? PATTERN_EXIT.matched : PATTERN_EXIT.notMatched;
      } catch (error) {
        process.exitCode = reportInvalid(error);
      }
    });
}

function reportInvalid(error: unknown): number {
  if (error instanceof InvalidEventPatternException || error instanceof SyntaxError) {
    process.stderr.write(`${error.name}: ${error.message}\n`);
    return PATTERN_EXIT.invalid;
  }
  throw error;
}
