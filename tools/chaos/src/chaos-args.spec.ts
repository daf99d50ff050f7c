import { parseChaosArgs } from './chaos-args';
import { QUICK_CHAOS_FAULTS } from './chaos-defaults';

describe('parseChaosArgs', () => {
  it('runs the full drill with the defaults when given nothing', () => {
    expect(parseChaosArgs([])).toEqual({ kind: 'run', options: {}, json: false });
  });

  it('makes --quick 5,000 readings in batches of 100 with errors and throttles only, unless told otherwise', () => {
    expect(parseChaosArgs(['--quick'])).toEqual({ kind: 'run', options: { readings: 5_000, faults: QUICK_CHAOS_FAULTS, batchSize: 100 }, json: false });
    expect(parseChaosArgs(['--quick', '--readings', '8000', '--faults', 'persist:0.3'])).toMatchObject({ options: { readings: 8_000, faults: 'persist:0.3' } });
  });

  it('reads every option', () => {
    const parsed = parseChaosArgs(['--readings=200000', '--time-scale', '60', '--devices', '50', '--batch-size', '100', '--concurrency', '4', '--down-ms', '0', '--bus-down-ms', '250', '--state', '/tmp/x', '--json']);

    expect(parsed).toEqual({
      kind: 'run',
      json: true,
      options: {
        readings: 200_000,
        timeScale: 60,
        devices: 50,
        batchSize: 100,
        concurrency: 4,
        dynamodbRestart: { downMs: 0 },
        busRestart: { downMs: 250 },
        stateDirectory: '/tmp/x',
      },
    });
  });

  it('turns the dynalite restart and the bus kill off', () => {
    expect(parseChaosArgs(['--no-dynamodb-restart'])).toMatchObject({ options: { dynamodbRestart: false } });
    expect(parseChaosArgs(['--no-bus-restart'])).toMatchObject({ options: { busRestart: false } });
  });

  it.each([
    [['--readings', 'lots'], "--readings must be a positive number, got 'lots'"],
    [['--readings', '0'], "--readings must be a positive number, got '0'"],
    [['--down-ms=-5'], "--down-ms must be a number ≥ 0, got '-5'"],
    [['--bus-down-ms', 'soon'], "--bus-down-ms must be a number ≥ 0, got 'soon'"],
    [['--readnigs', '5'], "Unknown option '--readnigs'"],
  ])('refuses %p', (args, message) => {
    const parsed = parseChaosArgs(args);
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && parsed.message).toContain(message);
  });

  it('answers --help', () => {
    expect(parseChaosArgs(['--help'])).toEqual({ kind: 'help' });
  });
});
