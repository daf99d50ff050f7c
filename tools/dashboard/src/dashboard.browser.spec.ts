import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { recordBus, type BusRecorder } from './__fixtures__/bus-recorder';
import { launchChromium } from './__fixtures__/chromium';
import { eventually } from './__fixtures__/eventually';
import { listAll } from './__fixtures__/read-api-client';
import { startSystemUnderTest, type SystemUnderTest } from './__fixtures__/system-under-test';

jest.setTimeout(30_000);

const ARTIFACTS = resolve(__dirname, '../../../tmp/artifacts');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 800 };

/** Evaluates an expression in the page (text, as this project's types hold no DOM). */
const inPage = <T = unknown>(page: Page, expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;

interface Alert {
  alertId: string;
  zoneId: string;
  status: string;
  level: string;
  readingIds: string[];
}

describe('the operator dashboard in a real browser', () => {
  let system: SystemUnderTest;
  let browser: Browser;
  let bus: BusRecorder;
  /** Opened before the incident and never reloaded. */
  let watcher: Page;
  let incident: Alert;
  const pages: Page[] = [];

  const api = <T>(path: string, query: Record<string, string> = {}) => listAll<T>(system.apiUrl, system.operatorToken, path, query);
  async function open(hash: string, viewport = DESKTOP): Promise<Page> {
    const page = await browser.newPage({ viewport });
    pages.push(page);
    await page.goto(`${system.dashboardUrl}/${hash}`);
    return page;
  }

  beforeAll(async () => {
    system = await startSystemUnderTest();
    browser = await launchChromium();
    bus = await recordBus(system.busEndpoint);
    watcher = await open('#city');
    await watcher.waitForSelector('.tile');
    await inPage(watcher, 'window.loadedOnce = true');
    await system.playIncident();
    incident = await eventually('an open alert in the read API', async () => (await api<Alert>('/v1/alerts', { status: 'open' }))[0]);
  });

  afterAll(async () => {
    bus?.close();
    await browser?.close();
    await system?.close();
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) if (page !== watcher) await page.close();
  });

  it('shows one tile per zone of the read API, each with its AQI and category name', async () => {
    // Prepare
    const zones = await api<{ zoneId: string; aqi: number; category: string }>('/v1/zones');
    const page = await open('#city');

    // Act
    await eventually('all zone tiles', async () => (await page.locator('.tile').count()) === zones.length);

    // Assess
    expect(zones.length).toBeGreaterThan(1);
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
    expect(await tile.innerText()).toMatch(new RegExp(`open alert: ${incident.level}`, 'i'));
    expect(await inPage(watcher, 'window.loadedOnce')).toBe(true);
    // Only the alerting zone says so.
    expect(await watcher.locator('.tile', { hasText: /open alert/i }).count()).toBe(1);
    expect(await watcher.locator('.summary').innerText()).toContain(`open alert in ${incident.zoneId}`);
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
    const readings = await api<{ readingId: string }>(`/v1/zones/${incident.zoneId}/readings`, { since: drawn.since, until: drawn.until });

    // Assess
    expect(readings.length).toBeGreaterThan(40); // more than one page of the API
    expect(Number(drawn.points)).toBe(readings.length);
    expect(drawn.caption).toContain(`${readings.length} readings from`);
    expect(await page.locator('.marks').innerText()).toMatch(new RegExp(`Open: ${incident.level}`));
    expect(await page.locator('figure.zone-chart canvas').count()).toBe(1);
    expect(await page.locator('.pollutant figcaption').allInnerTexts()).toEqual(['PM2.5 (µg/m³)', 'O₃ (ppb)']);
  });

  it('traces a readingId through every hop, with the event ids the bus gave and the rules that matched', async () => {
    // Prepare: the reading that raised the alert, and its events as the bus itself streamed them
    const readingId = incident.readingIds.at(-1)!;
    const expected = bus.events.filter((e) => JSON.stringify(e.detail).includes(`"${readingId}"`));
    const page = await open('#trace');

    // Act
    await page.getByLabel('Reading id').fill(readingId);
    await page.getByLabel('Reading id').press('Enter');
    await page.waitForSelector('.hop');

    // Assess
    expect(expected.map((e) => e['detail-type'])).toEqual(['ReadingsReceived', 'ReadingsNormalized', 'ReadingsEnriched', 'ReadingsStored', 'AlertRaised']);
    const hops = page.locator('.hop');
    expect(await hops.count()).toBe(expected.length);
    for (const [i, event] of expected.entries()) {
      const text = await hops.nth(i).innerText();
      expect(text).toContain(`${i + 1}. ${event['detail-type']}`);
      expect(text).toContain(`Event ${event.id}`);
    }
    const enriched = hops.nth(2);
    await enriched.locator('summary').click();
    expect(await enriched.locator('tr', { hasText: 'persist-readings-enriched' }).innerText()).toContain('✓ matched');
    const transform = await enriched.locator('tr', { hasText: 'transform-readings-received' }).innerText();
    expect(transform).toContain('✗ no match');
    expect(transform).toContain('expected "pulse.ingest"');
    expect(await page.locator('.stored').innerText()).toContain(`in zone ${incident.zoneId}`);
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

  it('shows pipeline health live: bus events/s and the dead letters of the targets that failed', async () => {
    // Prepare: the fixture has no function runner, so the readings' function targets dead-letter
    const page = await open('#pipeline');
    const transformDlq = page.locator('tr[data-queue="transform-dlq"]');

    // Act
    await eventually('a dead letter in transform-dlq', async () => /^[1-9]/.test(await transformDlq.locator('.depth').innerText()));
    await transformDlq.getByRole('button', { name: 'Inspect' }).click();
    await page.waitForSelector('.inspect table');

    // Assess
    expect(await page.locator('.bus').innerText()).toMatch(/Bus tail connected · [0-9.]+ events\/s · [1-9][0-9]* events seen/);
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
