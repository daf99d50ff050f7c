import { parseSoakArgs } from './soak-args';

describe('parseSoakArgs', () => {
  it('leaves every default to runSoak when given nothing', () => {
    expect(parseSoakArgs([])).toEqual({ kind: 'run', options: {}, json: false });
  });

  it('reads --minutes, --rate, --window, --warmup, --state and --json', () => {
    expect(parseSoakArgs(['--minutes', '10', '--rate', '250', '--window', '30', '--warmup', '2', '--state', 's', '--json'])).toEqual({
      kind: 'run',
      json: true,
      options: { minutes: 10, rate: 250, windowSeconds: 30, warmupWindows: 2, stateDirectory: 's' },
    });
  });

  it('makes --quick half a minute in 10-second windows', () => {
    expect(parseSoakArgs(['--quick'])).toEqual({ kind: 'run', options: { minutes: 0.5, windowSeconds: 10 }, json: false });
  });

  it.each([
    [['--minutes', 'ten'], "--minutes must be a positive number, got 'ten'"],
    [['--rate=-1'], "--rate must be a positive number, got '-1'"],
    [['--warmup', '1.5'], "--warmup must be a whole number of windows, got '1.5'"],
    [['--speed', '3'], "Unknown option '--speed'"],
  ])('refuses %p', (args, message) => {
    const parsed = parseSoakArgs(args);
    expect(parsed.kind === 'error' && parsed.message).toContain(message);
  });
});
