import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './__fixtures__/chromium';
import { eventually } from './__fixtures__/eventually';
import { startIncidentCity, type IncidentCity } from './__fixtures__/incident-city';
import { listAll } from './__fixtures__/read-api-client';

jest.setTimeout(30_000);

const ARTIFACTS = resolve(__dirname, '../../../tmp/artifacts');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 800 };
/**
 * Issue #10 asks for live zones within 10 s of `npm start`. The test waits longer (it asserts that
 * they appear, not how fast: CI runs it beside other projects' tests on two cores) and records how
 * long it took in tmp/artifacts/dashboard-live-zones.json.
 */
const LIVE_ZONES_TIMEOUT_MS = 90_000;
/** The simulator's pollutants as the page labels them. */
const POLLUTANT_CAPTIONS: Readonly<Record<string, string>> = {
  pm25: 'PM2.5 (µg/m³)',
  pm10: 'PM10 (µg/m³)',
  o3: 'O₃ (ppb)',
  no2: 'NO₂ (ppb)',
  so2: 'SO₂ (ppb)',
  co: 'CO (ppm)',
};

/** Evaluates an expression in the page (text, as this project's types hold no DOM). */
const inPage = <T = unknown>(page: Page, expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;

interface Alert {
  alertId: string;
  zoneId: string;
  status: string;
  level: string;
  readingIds: string[];
}

describe('the operator dashboard of the local runtime, in a real browser', () => {
  let system: IncidentCity;
  let browser: Browser;
  /** Opened before the first reading and never reloaded. */
  let watcher: Page;
  /** The watcher's tile count once it showed every zone, and when that was. */
  let liveZones: Promise<{ tiles: number; afterRuntimeStartMs: number; afterFirstTickMs: number }>;
  let incident: Alert;
  const pages: Page[] = [];

  const api = <T>(path: string, query: Record<string, string> = {}) => listAll<T>(system.runtime.endpoints.api, system.runtime.endpoints.operatorToken, path, query);
  async function open(hash: string, viewport = DESKTOP): Promise<Page> {
    const page = await browser.newPage({ viewport });
    pages.push(page);
    await page.goto(`${system.runtime.endpoints.dashboard}/${hash}`);
    return page;
  }

  beforeAll(async () => {
    // A small city whose incident starts one simulated minute (a second) into the run.
    const [started, launched] = await Promise.allSettled([startIncidentCity({ zones: 4, devices: 40, incidentDelayMs: 60_000 }), launchChromium()]);
    // Whatever started is closed by afterAll, even if the other failed.
    if (started.status === 'fulfilled') system = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    for (const outcome of [started, launched]) if (outcome.status === 'rejected') throw outcome.reason;
    watcher = await open('#city');
    await watcher.waitForSelector('.summary');
    await inPage(watcher, 'window.loadedOnce = true');
    system.startSimulation();
    const simulationStartedAt = Date.now();
    const allTiles = async () => (await watcher.locator('.tile').count()) === system.city.zones.length && system.city.zones.length;
    liveZones = eventually('a tile for every zone', allTiles, system.startedAt + LIVE_ZONES_TIMEOUT_MS - Date.now()).then((tiles) => ({
      tiles,
      afterRuntimeStartMs: Date.now() - system.startedAt,
      afterFirstTickMs: Date.now() - simulationStartedAt,
    }));
    // Settled here, asserted by its own test.
    await liveZones.catch(() => undefined);
    incident = await eventually('an open alert in the read API', async () => (await api<Alert>('/v1/alerts', { status: 'open' }))[0], 60_000, 200);
    // From here on the data stands still: what the page draws can be compared with the API.
    await system.stopSimulation();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.close();
    // What the runtime said (start-up, function errors), for a failure to be read afterwards.
    if (system) await mkdir(ARTIFACTS, { recursive: true }).then(() => writeFile(join(ARTIFACTS, 'dashboard-runtime.log'), `${system.logs.join('\n')}\n`));
  }, 30_000);

  afterEach(async () => {
    for (const page of pages.splice(0)) if (page !== watcher) await page.close();
  });

  it('shows every zone live on a page opened before the first reading (no reload), and records how soon after the start', async () => {
    // Act
    const shown = await liveZones;
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(join(ARTIFACTS, 'dashboard-live-zones.json'), `${JSON.stringify({ ...shown, goalMs: 10_000, loadAverage: loadavg()[0] })}\n`);

    // Assess
    expect(shown.tiles).toBe(system.city.zones.length);
    expect(await inPage(watcher, 'window.loadedOnce')).toBe(true);
  });

  it('shows one tile per zone of the read API, each with its AQI and category name', async () => {
    // Prepare
    const zones = await api<{ zoneId: string; aqi: number; category: string }>('/v1/zones');
    const page = await open('#city');

    // Act
    await eventually('all zone tiles', async () => (await page.locator('.tile').count()) === zones.length);

    // Assess
    expect(zones.map((z) => z.zoneId)).toEqual(system.city.zones.map((z) => z.zoneId));
    for (const zone of zones) {
      const text = await page.locator(`.tile[data-zone="${zone.zoneId}"]`).innerText();
      expect(text).toContain(`AQI ${zone.aqi}`);
      expect(text).toContain(zone.category);
    }
  });

  it("marks the incident zone's open alert in text, live, on a page opened before it (no reload)", async () => {
    // Act
    const tile = watcher.locator(`.tile[data-zone="${incident.zoneId}"]`);
    await eventually('the open alert on the tile', async () => /open alert/i.test(await tile.innerText()));

    // Assess
    expect(incident.zoneId).toBe(system.incident.zoneId);
    expect(await tile.innerText()).toMatch(new RegExp(`open alert: ${incident.level}`, 'i'));
    expect(await inPage(watcher, 'window.loadedOnce')).toBe(true);
    // Only the alerting zone says so.
    expect(await watcher.locator('.tile', { hasText: /open alert/i }).count()).toBe(1);
    await eventually('the summary naming the zone', async () => (await watcher.locator('.summary').innerText()).includes(`open alert in ${incident.zoneId}`));
  });

  it('charts as many points as the read API returns for the zone for that hour', async () => {
    // Prepare
    const page = await open('#city');
    await page.locator(`.tile[data-zone="${incident.zoneId}"]`).click();
    const figure = page.locator('figure.zone-chart');

    // Act
    await eventually('the zone chart drawn', async () => (await figure.getAttribute('data-until')) !== null);
    // One read of what is drawn (a live refresh may redraw it at any time).
    const drawn = await inPage<{ points: string; since: string; until: string; caption: string }>(
      page,
      "({ ...document.querySelector('figure.zone-chart').dataset, caption: document.querySelector('.caption').innerText })",
    );
    const readings = await api<{ readingId: string; zoneId: string; measurements: Record<string, number> }>(`/v1/zones/${incident.zoneId}/readings`, { since: drawn.since, until: drawn.until });
    const pollutants = Object.keys(POLLUTANT_CAPTIONS).filter((key) => readings.some((r) => r.measurements[key] !== undefined));

    // Assess
    expect(readings.length).toBeGreaterThan(system.city.devices.length / system.city.zones.length);
    expect(new Set(readings.map((r) => r.zoneId))).toEqual(new Set([incident.zoneId]));
    expect(Number(drawn.points)).toBe(readings.length);
    expect(drawn.caption).toContain(`${readings.length} readings from`);
    await eventually('the alert listed under the chart', async () => new RegExp(`Open: ${incident.level}`).test(await page.locator('.marks').innerText()));
    expect(await page.locator('figure.zone-chart canvas').count()).toBe(1);
    expect(await page.locator('.pollutant figcaption').allInnerTexts()).toEqual(pollutants.map((key) => POLLUTANT_CAPTIONS[key]));
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-zone.png'), fullPage: true });
  });

  it('says so, with an empty chart, for a zone the fleet never reported from (the read API answers 404)', async () => {
    // Prepare
    const unknownZone = 'zone-99';
    const direct = await fetch(`${system.runtime.endpoints.api}/v1/zones/${unknownZone}/readings`, { headers: { authorization: `Bearer ${system.runtime.endpoints.operatorToken}` } });

    // Act
    const page = await open(`#zone/${unknownZone}`);
    await eventually('the zone chart drawn', async () => (await page.locator('figure.zone-chart').getAttribute('data-until')) !== null);

    // Assess
    expect(direct.status).toBe(404);
    expect(await page.locator('figure.zone-chart').getAttribute('data-points')).toBe('0');
    expect(await page.locator('.caption').innerText()).toBe(`No reading from zone ${unknownZone} yet.`);
  });

  it('traces a readingId through every hop, with the event ids the bus gave and the rules that matched', async () => {
    // Prepare: the reading that raised the alert, and its events as the bus itself saw them
    const readingId = incident.readingIds.at(-1)!;
    const expected = system.busEvents.filter((e) => JSON.stringify(e.detail).includes(`"${readingId}"`));
    const page = await open('#trace');

    // Act
    await page.getByLabel('Reading id').fill(readingId);
    await page.getByLabel('Reading id').press('Enter');
    await page.waitForSelector('.hop');

    // Assess
    // Delivery is at least once (a retried function publishes again), and persist and alert
    // both consume ReadingsEnriched, so: every stage, each after the one it came from.
    const types = expected.map((e) => e['detail-type']);
    const first = (type: string) => types.indexOf(type);
    expect(new Set(types)).toEqual(new Set(['ReadingsReceived', 'ReadingsNormalized', 'ReadingsEnriched', 'ReadingsStored', 'AlertRaised']));
    expect(first('ReadingsReceived')).toBe(0);
    expect(first('ReadingsNormalized')).toBeGreaterThan(first('ReadingsReceived'));
    expect(first('ReadingsEnriched')).toBeGreaterThan(first('ReadingsNormalized'));
    expect(Math.min(first('ReadingsStored'), first('AlertRaised'))).toBeGreaterThan(first('ReadingsEnriched'));
    const hops = page.locator('.hop');
    expect(await hops.count()).toBe(expected.length);
    for (const [i, event] of expected.entries()) {
      const text = await hops.nth(i).innerText();
      expect(text).toContain(`${i + 1}. ${event['detail-type']}`);
      expect(text).toContain(`Event ${event.id}`);
    }
    const enriched = hops.nth(first('ReadingsEnriched'));
    await enriched.locator('summary').click();
    expect(await enriched.locator('tr', { hasText: 'persist-readings-enriched' }).innerText()).toContain('✓ matched');
    const transform = await enriched.locator('tr', { hasText: 'transform-readings-received' }).innerText();
    expect(transform).toContain('✗ no match');
    expect(transform).toContain('expected "pulse.ingest"');
    await eventually('the stored reading', async () => (await page.locator('.stored').innerText()).includes(`in zone ${incident.zoneId}`));
  });

  it('is usable with the keyboard: Tab reaches the zone tiles and Enter opens one', async () => {
    // Prepare
    const page = await open('#city');
    await page.waitForSelector('.tile');

    // Act
    let focused: string | null = null;
    for (let presses = 0; presses < 15 && focused === null; presses += 1) {
      await page.keyboard.press('Tab');
      focused = await inPage<string | null>(page, "document.activeElement?.classList.contains('tile') ? document.activeElement.getAttribute('data-zone') : null");
    }
    await page.keyboard.press('Enter');

    // Assess
    expect(focused).not.toBeNull();
    // location.hash changes before 'hashchange' fires: wait for the view a person would see.
    await eventually('the zone view', async () => (await page.locator('h2').innerText()) === `Zone ${focused}`);
    expect(await inPage(page, 'location.hash')).toBe(`#zone/${focused}`);
    expect(await inPage(page, 'document.activeElement?.tagName')).toBe('H2');
  });

  it("shows pipeline health from the runtime: the functions' stats, EMF latency and a dead letter to inspect", async () => {
    // Prepare: an invalid ReadingsReceived, put with ingest's identity; transform rejects it until it dead-letters
    const page = await open('#pipeline');
    const client = new EventBridgeClient({ endpoint: system.runtime.endpoints.eventbridge, region: system.runtime.endpoints.region, credentials: { accessKeyId: 'pulse-ingest', secretAccessKey: 'local' } });
    try {
      const put = await client.send(
        new PutEventsCommand({ Entries: [{ Source: 'pulse.ingest', DetailType: 'ReadingsReceived', EventBusName: 'pulse-local', Detail: JSON.stringify({ metadata: { version: 1 }, data: {} }) }] }),
      );
      expect(put.FailedEntryCount).toBe(0);
    } finally {
      client.destroy();
    }
    const transformDlq = page.locator('tr[data-queue="transform-dlq"]');

    // Act
    await eventually('a dead letter in transform-dlq', async () => /^[1-9]/.test(await transformDlq.locator('.depth').innerText()), 20_000);
    await transformDlq.getByRole('button', { name: 'Inspect' }).click();
    await page.waitForSelector('.inspect table');

    // Assess
    expect(await page.locator('.bus').innerText()).toMatch(/Bus tail connected · [0-9.]+ events\/s · [1-9][0-9]* events seen/);
    const storeReadings = await page.locator('tr', { hasText: 'store-readings' }).first().innerText();
    expect(storeReadings).toMatch(/^persist\s+store-readings\s/);
    // persist's EMF end-to-end latency, forwarded by the runtime from the function's own log lines.
    expect(await page.locator('.latency').innerText()).toMatch(/Accepted → stored \(p50 \/ p99\)\s+[0-9]+ ms \/ [0-9]+ ms over [1-9][0-9]* samples?/);
    expect(await page.locator('.inspect').innerText()).toContain('ReadingsReceived');
    expect(await page.locator('.inspect').innerText()).toContain('transform-readings-received → normalize-readings');
  });

  it('fits a 375-px phone in every view without horizontal scroll, and saves a screenshot', async () => {
    const readingId = incident.readingIds.at(-1)!;
    for (const hash of ['#city', `#zone/${incident.zoneId}`, '#alerts', '#pipeline', `#trace/${readingId}`]) {
      const page = await open(hash, PHONE);
      await page.waitForSelector('main section h2');
      if (hash.startsWith('#zone')) await eventually('the chart', async () => (await page.locator('figure.zone-chart').getAttribute('data-until')) !== null);
      if (hash.startsWith('#trace')) await page.waitForSelector('.hop');
      const { scrollWidth, clientWidth } = await inPage<{ scrollWidth: number; clientWidth: number }>(page, '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })');
      expect({ hash, scrollWidth }).toEqual({ hash, scrollWidth: clientWidth });
    }
    await mkdir(ARTIFACTS, { recursive: true });
    await watcher.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
  });
});
