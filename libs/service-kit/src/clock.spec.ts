import { fixedClock, isoTime, manualClock } from './clock';
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
