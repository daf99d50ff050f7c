import type { ReceivedReading } from '@pulse/schemas';
import { collapseDuplicates } from './collapse-duplicates';

const reading = (deviceId: string, ts: number, pm25: number): ReceivedReading => ({
  readingId: `${deviceId}@${ts}`,
  deviceId,
  timestamp: ts,
  measurements: { pm25 },
});

describe('collapseDuplicates', () => {
  it('keeps one reading per readingId and counts the copies removed', () => {
    // Prepare
    const batch = [reading('a', 1, 10), reading('b', 1, 20), reading('a', 1, 10), reading('a', 1, 10), reading('a', 2, 30)];

    // Act
    const { readings, duplicatesRemoved } = collapseDuplicates(batch);

    // Assess
    expect(readings.map((r) => r.readingId)).toEqual(['a@1', 'b@1', 'a@2']);
    expect(duplicatesRemoved).toBe(2);
  });

  it('lets the last copy win, as a second write of the same readingId would, at the first position', () => {
    // Prepare
    const batch = [reading('a', 1, 10), reading('b', 1, 20), reading('a', 1, 11)];

    // Act
    const { readings } = collapseDuplicates(batch);

    // Assess
    expect(readings.map((r) => [r.readingId, r.measurements.pm25])).toEqual([
      ['a@1', 11],
      ['b@1', 20],
    ]);
  });

  it('removes nothing from a batch without repeats', () => {
    // Prepare
    const batch = [reading('a', 1, 10), reading('a', 2, 10)];

    // Act
    const outcome = collapseDuplicates(batch);

    // Assess
    expect(outcome).toEqual({ readings: batch, duplicatesRemoved: 0 });
  });
});
