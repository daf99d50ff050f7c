import { FIVE_SERVICES } from '@pulse/local-bus';
import { benchServices } from './pipeline-world';
import { probeReadings, PROBE_READINGS } from './load-sender';

describe('benchServices', () => {
  it("raises ingest's per-fleet limiter through its declared variables and leaves every other service as declared", () => {
    const services = benchServices();

    const receive = services.find((s) => s.name === 'ingest')?.functions.find((f) => f.name === 'receive-readings');
    expect(receive?.environment?.variables).toMatchObject({ PULSE_INGEST_FLEET_RATE_PER_SECOND: '1000000', PULSE_INGEST_FLEET_BURST: '1000000' });
    expect(receive?.environment?.tables).toEqual(FIVE_SERVICES.find((s) => s.name === 'ingest')?.functions.find((f) => f.name === 'receive-readings')?.environment?.tables);
    expect(services.filter((s) => s.name !== 'ingest')).toEqual(FIVE_SERVICES.filter((s) => s.name !== 'ingest'));
  });
});

describe('probeReadings', () => {
  it('makes the alert rule’s three exceedances of one device, none in the future, with their readingIds', () => {
    const readings = probeReadings({ deviceId: 'probe-1', zoneId: 'probe-zone-1' }, 1_700_000_000_500.7);

    expect(readings).toHaveLength(PROBE_READINGS);
    expect(readings.map((r) => r.readingId)).toEqual(['probe-1@1699999998500', 'probe-1@1699999999500', 'probe-1@1700000000500']);
    for (const reading of readings) expect(reading.body).toMatchObject({ deviceId: 'probe-1', measurements: { pm25: 60 } });
  });
});
