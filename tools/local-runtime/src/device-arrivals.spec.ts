import { createCity, readingsAt, scenario, type SimReading } from '@pulse/simulator';
import { deviceArrivals } from './device-arrivals';

const START = Date.UTC(2026, 5, 1, 8);

describe('devices joining the running city', () => {
  const city = createCity({ zones: 2, devices: 6, seed: 3 });
  const run = scenario('calm', START, { faults: { malformed: 0, duplicate: 0 } });
  const tick = readingsAt(city, START, run);
  const [first, second] = city.devices.filter((device) => device.registered);
  const readingOf = (deviceId: string) => tick.find((reading) => reading.deviceId === deviceId) as SimReading;

  it('lets a device report only once it is registered and the grace has passed', () => {
    // Prepare
    const arrivals = deviceArrivals(city, run, async () => undefined, 60_000);
    const instant = deviceArrivals(city, run, async () => undefined, 0);

    // Act
    arrivals.registered(first.deviceId);
    instant.registered(first.deviceId);

    // Assess
    expect(arrivals.include(readingOf(first.deviceId))).toBe(false);
    expect(instant.include(readingOf(first.deviceId))).toBe(true);
    expect(instant.include(readingOf(second.deviceId))).toBe(false);
    expect(instant.include(tick.find((reading) => reading.kind === 'unregistered') as SimReading)).toBe(true);
  });

  it("sends a newly known device's reading of the last tick at once, and only once", async () => {
    // Prepare: the tick ran before the second device was known
    const sent: SimReading[][] = [];
    const arrivals = deviceArrivals(city, run, async (batch) => void sent.push([...batch]), 0);
    arrivals.registered(first.deviceId);
    tick.forEach((reading) => arrivals.include(reading));

    // Act
    arrivals.registered(second.deviceId);
    await arrivals.catchUp();
    await arrivals.catchUp();

    // Assess
    expect(sent.flat().map((reading) => reading.readingId)).toEqual([readingOf(second.deviceId).readingId]);
  });
});
