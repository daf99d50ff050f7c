import type { AlertRaisedV1Data, AlertResolvedV1Data } from '@pulse/schemas';
import { startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import type { OutboxEntry } from '../domain/zone-state';
import { ALERTS_TABLE } from '../tables';
import { alertsTable, type AlertsTable } from './alerts-table';

const T0 = Date.UTC(2026, 0, 1);

function raisedData(i: number, zoneId: string, fleetId = 'city-lyon'): AlertRaisedV1Data {
  return {
    alertId: `${fleetId}:zone-aqi:${zoneId}:${T0 + i}`,
    kind: 'zone-aqi',
    fleetId,
    zoneId,
    level: 'Unhealthy',
    severity: 3,
    aqi: 160,
    dominant: 'pm25',
    firstTs: T0 + i,
    lastTs: T0 + i + 1000,
    readingIds: [`s-1@${T0 + i}`],
    raisedAt: T0 + i * 1000,
  };
}
const raised = (data: AlertRaisedV1Data): OutboxEntry => ({ key: `AlertRaised:${data.alertId}`, type: 'AlertRaised', data, owner: 'o', leaseUntil: 1 });
const resolved = (data: AlertRaisedV1Data, at: number): OutboxEntry => {
  const resolution: AlertResolvedV1Data = { ...data, level: 'Good', severity: 0, aqi: 40, lastTs: at, readingIds: [`s-1@${at}`], resolvedAt: at };
  return { key: `AlertResolved:${data.alertId}`, type: 'AlertResolved', data: resolution, owner: 'o', leaseUntil: 1 };
};

async function readAll(alerts: AlertsTable, request: Omit<Parameters<AlertsTable['list']>[0], 'start'>) {
  const pages: string[][] = [];
  let start: Awaited<ReturnType<AlertsTable['list']>>['next'];
  do {
    const page = await alerts.list({ ...request, ...(start ? { start } : {}) });
    pages.push(page.items.map((a) => a.alertId));
    start = page.next;
  } while (start && pages.length < 50);
  return pages;
}

describe('alertsTable (dynalite)', () => {
  let db: LocalDynamoDb;
  let alerts: AlertsTable;

  beforeAll(async () => {
    db = await startLocalDynamoDb();
    const { Alerts } = await db.createTables([ALERTS_TABLE]);
    alerts = alertsTable(db.documentClient, Alerts);
    // 25 alerts in city-lyon over zones a/b, every third one resolved; 3 in another fleet
    for (let i = 0; i < 25; i++) {
      const data = raisedData(i, i % 2 === 0 ? 'zone-a' : 'zone-b');
      await alerts.apply(raised(data));
      if (i % 3 === 0) await alerts.apply(resolved(data, T0 + 10_000_000));
    }
    for (let i = 0; i < 3; i++) await alerts.apply(raised(raisedData(i, 'zone-a', 'city-paris')));
  });
  afterAll(() => db.close());

  it('pages through a fleet newest first, without gaps or repeats', async () => {
    // Act
    const pages = await readAll(alerts, { fleetId: 'city-lyon', limit: 10 });
    // Assess
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(25);
    expect(ids[0]).toBe(raisedData(24, 'zone-a').alertId);
    expect(ids.every((id) => id.startsWith('city-lyon:'))).toBe(true);
  });

  it('filters by status and by zone through the indexes, and by both', async () => {
    // Act
    const open = (await readAll(alerts, { fleetId: 'city-lyon', status: 'open', limit: 4 })).flat();
    const resolvedIds = (await readAll(alerts, { fleetId: 'city-lyon', status: 'resolved', limit: 100 })).flat();
    const zoneB = (await readAll(alerts, { fleetId: 'city-lyon', zoneId: 'zone-b', limit: 5 })).flat();
    const zoneBResolved = await readAll(alerts, { fleetId: 'city-lyon', zoneId: 'zone-b', status: 'resolved', limit: 2 });
    // Assess
    expect(resolvedIds).toHaveLength(9); // i = 0, 3, …, 24
    expect(open).toHaveLength(16);
    expect(zoneB).toHaveLength(12);
    expect(zoneBResolved.flat()).toEqual([21, 15, 9, 3].map((i) => raisedData(i, 'zone-b').alertId));
    expect(Math.max(...zoneBResolved.map((p) => p.length))).toBeLessThanOrEqual(2);
  });

  it('keeps the raise level on resolution and never reopens a resolved alert on a re-applied raise', async () => {
    // Prepare
    const data = raisedData(0, 'zone-a');
    // Act
    await alerts.apply(raised(data)); // a retry re-applies the raise
    const [item] = (await alerts.list({ fleetId: 'city-lyon', zoneId: 'zone-a', status: 'resolved', limit: 100 })).items.filter((a) => a.alertId === data.alertId);
    // Assess
    expect(item).toMatchObject({ status: 'resolved', level: 'Unhealthy', severity: 3, aqi: 160, resolvedAt: T0 + 10_000_000, lastTs: T0 + 10_000_000 });
    expect(item).not.toHaveProperty('alertKey');
  });

  it('writes a whole resolved item when the raise was never projected', async () => {
    // Prepare
    const data = raisedData(99, 'zone-c');
    // Act
    await alerts.apply(resolved(data, T0 + 5));
    const page = await alerts.list({ fleetId: 'city-lyon', zoneId: 'zone-c', limit: 10 });
    // Assess
    expect(page.items).toEqual([expect.objectContaining({ alertId: data.alertId, status: 'resolved', level: 'Good', resolvedAt: T0 + 5 })]);
    expect(page.next).toBeUndefined();
  });
});
