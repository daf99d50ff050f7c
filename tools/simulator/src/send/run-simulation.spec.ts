import { createCity, scenario } from '../city';
import { startFakePulseApi, type FakePulseApi } from './fake-pulse-api';
import { runSimulation, type SimulationStatus } from './run-simulation';
import { virtualClock } from './sim-clock';

const START = Date.UTC(2026, 5, 1, 12);

describe('runSimulation', () => {
  let api: FakePulseApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('sends every tick in per-gateway batches of 25–100 and sums the answers', async () => {
    // Prepare
    api = await startFakePulseApi();
    const city = createCity({ zones: 4, devices: 200, seed: 5 });

    // Act
    const summary = await runSimulation({
      city,
      scenario: scenario('calm', START, { faults: { malformed: 0, duplicate: 0 } }),
      target: { endpoint: api.endpoint, apiKey: 'k' },
      clock: virtualClock(),
      rate: 10_000,
      timeScale: 3600,
      maxTicks: 3,
    });

    // Assess
    const sizes = api.requests.map((r) => (r.body as { readings: unknown[] }).readings.length);
    expect(sizes.every((n) => n >= 25 && n <= 100)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(3 * 201);
    expect(summary).toMatchObject({ ticks: 3, sent: 603, accepted: 603, failed: 0 });
    expect(summary.simulatedMs).toBe(START + 2 * 60_000);
    for (const request of api.requests) {
      const deviceZones = new Set((request.body as { readings: { deviceId: string }[] }).readings.map((r) => city.devices.find((d) => d.deviceId === r.deviceId)!.zoneId));
      expect(deviceZones.size).toBe(1);
    }
  });

  it('keeps to the target rate and reports status on the clock', async () => {
    // Prepare
    api = await startFakePulseApi();
    const city = createCity({ zones: 4, devices: 100, seed: 5 });
    const clock = virtualClock(0);
    const statuses: SimulationStatus[] = [];

    // Act: 100 readings/s against 101 readings a simulated minute, one simulated hour a real second
    const summary = await runSimulation({
      city,
      scenario: scenario('calm', START),
      target: { endpoint: api.endpoint, apiKey: 'k' },
      clock,
      rate: 100,
      timeScale: 3600,
      durationMs: 30_000,
      statusEveryMs: 5_000,
      onStatus: (s) => statuses.push(s),
    });

    // Assess: the rate, not the time scale, sets the pace
    const perSecond = summary.sent / (summary.elapsedMs / 1000);
    expect(perSecond).toBeGreaterThan(85);
    expect(perSecond).toBeLessThanOrEqual(105);
    expect(summary.elapsedMs).toBeGreaterThanOrEqual(30_000);
    expect(statuses.length).toBeGreaterThanOrEqual(5);
    expect(statuses.map((s) => s.sent)).toEqual([...statuses.map((s) => s.sent)].sort((a, b) => a - b));
  });

  it('sends only the readings its include filter accepts (devices not yet registered wait)', async () => {
    // Prepare
    api = await startFakePulseApi();
    const city = createCity({ zones: 2, devices: 10, seed: 5 });
    const allowed = new Set(city.devices.slice(0, 4).map((d) => d.deviceId));

    // Act
    const summary = await runSimulation({
      city,
      scenario: scenario('calm', START, { faults: { malformed: 0, duplicate: 0 } }),
      target: { endpoint: api.endpoint, apiKey: 'k' },
      clock: virtualClock(0),
      rate: 1000,
      timeScale: 3600,
      maxTicks: 3,
      include: (reading) => allowed.has(reading.deviceId),
    });

    // Assess
    expect(summary.sent).toBe(3 * allowed.size);
    const sentDevices = api.requests.flatMap((request) => (request.body as { readings: Array<{ deviceId: string }> }).readings.map((r) => r.deviceId));
    expect(new Set(sentDevices)).toEqual(allowed);
  });

  it('keeps to the time scale when the rate allows more', async () => {
    // Prepare
    api = await startFakePulseApi();
    const city = createCity({ zones: 1, devices: 10, seed: 5 });
    const clock = virtualClock(0);

    // Act: 2 simulated minutes per real second for 10 real seconds
    const summary = await runSimulation({ city, scenario: scenario('calm', START), target: { endpoint: api.endpoint, apiKey: 'k' }, clock, rate: 1000, timeScale: 120, durationMs: 10_000 });

    // Assess
    expect(summary.ticks).toBe(20);
    expect(summary.simulatedMs).toBe(START + 19 * 60_000);
  });

  it('stops generating when aborted and drains what is in flight', async () => {
    // Prepare
    api = await startFakePulseApi();
    const controller = new AbortController();
    const city = createCity({ zones: 2, devices: 50, seed: 5 });

    // Act
    const summary = await runSimulation({
      city,
      scenario: scenario('calm', START),
      target: { endpoint: api.endpoint, apiKey: 'k' },
      clock: virtualClock(0),
      rate: 1000,
      timeScale: 3600,
      onStatus: () => controller.abort(),
      statusEveryMs: 0,
      signal: controller.signal,
    });

    // Assess
    expect(summary.ticks).toBe(1);
    expect(summary.sent).toBe(api.requests.reduce((n, r) => n + (r.body as { readings: unknown[] }).readings.length, 0));
    expect(summary.accepted).toBe(summary.sent);
  });
});
