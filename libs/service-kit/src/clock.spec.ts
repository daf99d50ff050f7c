import { fixedClock, isoTime, manualClock, scaledClock, timeScaleFromEnvironment } from './clock';
import { sequentialIds } from './id-generator';

describe('clock port', () => {
  it('a manual clock moves only when advanced or set', () => {
    // Prepare
    const clock = manualClock(1_000);

    // Act
    const before = clock.now();
    const advanced = clock.advance(60_000);
    clock.set(5);

    // Assess
    expect(before).toBe(1_000);
    expect(advanced).toBe(61_000);
    expect(clock.now()).toBe(5);
  });

  it('a fixed clock gives the same instant, as ISO text too', () => {
    // Prepare
    const clock = fixedClock(Date.UTC(2026, 0, 1, 12));

    // Act / Assess
    expect(isoTime(clock)).toBe('2026-01-01T12:00:00.000Z');
    expect(clock.now()).toBe(clock.now());
  });

  it('sequential ids are predictable', () => {
    // Prepare
    const ids = sequentialIds('batch');

    // Act / Assess
    expect([ids.next(), ids.next()]).toEqual(['batch-1', 'batch-2']);
  });
});

describe('compressed time (local runtime)', () => {
  it('a scaled clock runs scale times faster from its anchor', () => {
    // Prepare
    let wall = 1_000_000;
    const clock = scaledClock({ scale: 60, wallOriginMs: 1_000_000, originMs: 5_000_000 }, () => wall);

    // Act
    const atAnchor = clock.now();
    wall += 1_000;

    // Assess
    expect(atAnchor).toBe(5_000_000);
    expect(clock.now()).toBe(5_060_000);
  });

  it('reads the scale from the environment, real time when unset, and names a bad variable', () => {
    expect(timeScaleFromEnvironment({})).toBeUndefined();
    expect(timeScaleFromEnvironment({ PULSE_TIME_SCALE: '10', PULSE_TIME_WALL_ORIGIN_MS: '100' })).toEqual({ scale: 10, wallOriginMs: 100, originMs: 100 });
    expect(() => timeScaleFromEnvironment({ PULSE_TIME_SCALE: 'fast', PULSE_TIME_WALL_ORIGIN_MS: '1' })).toThrow(/PULSE_TIME_SCALE must be a number > 0/);
    expect(() => timeScaleFromEnvironment({ PULSE_TIME_SCALE: '2' })).toThrow(/PULSE_TIME_WALL_ORIGIN_MS/);
  });

  it('the system clock follows the environment of the process it first runs in', () => {
    // The environment is read once per module instance: load a fresh one with the variables set.
    const wallOrigin = Date.now();
    const previous = { ...process.env };
    Object.assign(process.env, { PULSE_TIME_SCALE: '3600', PULSE_TIME_WALL_ORIGIN_MS: String(wallOrigin), PULSE_TIME_ORIGIN_MS: String(wallOrigin) });
    try {
      jest.isolateModules(() => {
        const { systemClock: isolated } = jest.requireActual<typeof import('./clock')>('./clock');
        // An hour a second: even a millisecond later it is seconds ahead of real time.
        const ahead = isolated.now() - Date.now();
        expect(ahead).toBeGreaterThanOrEqual(0);
        const later = Date.now() + 5;
        while (Date.now() < later) {
          // wait a few real milliseconds
        }
        expect(isolated.now() - Date.now()).toBeGreaterThan(5_000);
      });
    } finally {
      process.env = previous;
    }
  });
});
