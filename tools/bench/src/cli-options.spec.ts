import { parseArguments } from './cli-options';

describe('parseArguments', () => {
  it('reads every option', () => {
    // Act
    const command = parseArguments(['--quick', '--only', '1, cost', '--out', 'x/y', '--functions', 'a,b', '--batch-size', '100', '--readings-per-second', '250', '--retention-days', '7', '--workload', 'awsCallLatencyMs=20', '--workload', 'pointInTimeRecovery=false']);
    // Assess
    expect(command).toEqual({
      kind: 'run',
      options: {
        quick: true,
        only: ['1', 'cost'],
        outDir: 'x/y',
        functions: ['a', 'b'],
        workload: { batchSize: 100, readingsPerSecond: 250, retentionDays: 7, awsCallLatencyMs: 20, pointInTimeRecovery: false },
      },
    });
  });

  it('runs everything with no argument and answers --help', () => {
    expect(parseArguments([])).toEqual({ kind: 'run', options: { quick: false } });
    expect(parseArguments(['--quick', '-h'])).toEqual({ kind: 'help' });
  });

  it('refuses unknown arguments, missing values and non-numbers', () => {
    expect(() => parseArguments(['--fast'])).toThrow(/unknown argument/);
    expect(() => parseArguments(['--only'])).toThrow(/needs a value/);
    expect(() => parseArguments(['--batch-size', 'many'])).toThrow(/needs a number/);
    expect(() => parseArguments(['--workload', 'x'])).toThrow(/key=value/);
  });
});
