import { POLLUTANT_LABELS, formatClock, pollutantLabel } from '../../shared/format';
import { ApiError, getJson } from '../api';
import type { ListBody, StoredReading } from '../api-types';
import { timeChart, type Mark, type TimeChart } from '../charts';
import { clear, h, setText } from '../dom';
import { throttle } from '../live';
import { pipelineNow, store, subscribe } from '../store';
import { categoryBadge } from './category-badge';
import type { View } from './view';

const HOUR_MS = 3_600_000;
const REFRESH_MS = 10_000;
const LATEST_ROWS = 10;

/** One zone: the last hour of AQI and of each pollutant, with alert raise/resolve marks. */
export function zoneView(zoneId: string): View {
  const heading = h('h2', { tabindex: '-1' }, `Zone ${zoneId}`);
  const status = h('p', { class: 'zone-status' });
  const caption = h('p', { class: 'caption', 'aria-live': 'polite' }, 'Loading the last hour…');
  const figure = h('figure', { class: 'zone-chart', 'data-points': '0' });
  const pollutants = h('div', { class: 'pollutants' });
  const alertList = h('ul', { class: 'marks' });
  const latest = h('div', { class: 'table-wrap' });
  const root = h('section', { class: 'view zone' },
    h('p', {}, h('a', { href: '#city' }, '← City')),
    heading, status,
    h('h3', {}, 'AQI, last hour'), figure, caption,
    h('h3', {}, 'Alerts in this hour'), alertList,
    h('h3', {}, 'Pollutants'), pollutants,
    h('h3', {}, 'Latest readings'), latest,
  );

  let window: [number, number] = [pipelineNow() - HOUR_MS, pipelineNow()];
  const marks = (): Mark[] =>
    store.alerts
      .filter((a) => a.zoneId === zoneId)
      .flatMap((a) => [{ at: a.raisedAt, label: `raised ${a.level}` }, ...(a.resolvedAt ? [{ at: a.resolvedAt, label: 'resolved' }] : [])]);
  const width = () => Math.max(260, figure.clientWidth || root.clientWidth || 600);
  const aqiChart = timeChart({ label: 'AQI', unit: '', height: 240, width: 600, stroke: '#1b4f9c', marks });
  figure.append(aqiChart.element);
  const pollutantCharts = new Map<string, TimeChart>();
  let disposed = false;

  const load = async () => {
    const zone = store.zones.find((z) => z.zoneId === zoneId);
    // The last hour of pipeline time (or up to the newest reading, should that be ahead of it).
    const until = Math.max(pipelineNow(), zone?.updatedAt ?? 0);
    window = [until - HOUR_MS, until];
    const query = `since=${encodeURIComponent(new Date(window[0]).toISOString())}&until=${encodeURIComponent(new Date(window[1]).toISOString())}`;
    try {
      // persist answers newest first; past the server's cap, nextCursor marks the older ones left out.
      const body = await getJson<ListBody<StoredReading>>(`/api/zones/${encodeURIComponent(zoneId)}/readings?${query}`);
      if (!disposed) draw([...body.items].sort((a, b) => a.ts - b.ts), body.nextCursor !== null);
    } catch (error) {
      if (disposed) return;
      // 404: the fleet never reported from this zone (200 with no items would mean "none this hour").
      if (error instanceof ApiError && error.status === 404) {
        draw([], false);
        setText(caption, `No reading from zone ${zoneId} yet.`);
      } else setText(caption, `The read API did not answer: ${(error as Error).message}`);
    }
  };

  const draw = (readings: readonly StoredReading[], truncated: boolean) => {
    const x = readings.map((r) => r.ts);
    aqiChart.resize(width());
    aqiChart.setData(x, readings.map((r) => r.aqi?.value ?? null), window);
    figure.dataset['points'] = String(x.length);
    figure.dataset['since'] = new Date(window[0]).toISOString();
    figure.dataset['until'] = new Date(window[1]).toISOString();
    setText(caption, `${x.length} reading${x.length === 1 ? '' : 's'} from ${formatClock(window[0])} to ${formatClock(window[1])}${truncated ? ` (the newest ${x.length}; older ones are not drawn)` : ''}`);
    for (const [key, { label, unit }] of Object.entries(POLLUTANT_LABELS)) {
      const values = readings.map((r) => r.measurements[key] ?? null);
      if (values.every((v) => v === null)) continue;
      let chart = pollutantCharts.get(key);
      if (!chart) {
        chart = timeChart({ label, unit, height: 140, width: 300, stroke: '#444', marks });
        pollutantCharts.set(key, chart);
        pollutants.append(h('figure', { class: 'pollutant' }, h('figcaption', {}, `${label} (${unit})`), chart.element));
      }
      chart.setData(x, values, window);
    }
    layoutPollutants();
    renderLatest(latest, readings.slice(-LATEST_ROWS).reverse());
  };

  const renderStatus = () => {
    const zone = store.zones.find((z) => z.zoneId === zoneId);
    clear(status, ...(zone ? [`AQI ${zone.aqi} `, categoryBadge(zone.category), ` · dominant ${pollutantLabel(zone.dominant)}`] : ['No status for this zone yet.']));
    const own = store.alerts.filter((a) => a.zoneId === zoneId && (a.status === 'open' || (a.resolvedAt ?? 0) >= window[0]));
    clear(
      alertList,
      ...(own.length === 0
        ? [h('li', {}, 'None.')]
        : own.map((a) =>
            h('li', { class: a.status === 'open' ? 'open' : '' }, `${a.status === 'open' ? '⚠ Open' : 'Resolved'}: ${a.level} (AQI ${a.aqi}) raised ${formatClock(a.raisedAt)}${a.resolvedAt ? `, resolved ${formatClock(a.resolvedAt)}` : ''}`),
          )),
    );
    aqiChart.redraw();
    pollutantCharts.forEach((c) => c.redraw());
  };

  const reload = throttle(load, 2_000);
  const unsubscribeStatus = subscribe(['zones', 'alerts'], renderStatus);
  const unsubscribeEvents = subscribe(['events'], () => {
    if (store.lastBatch.some((e) => e.detailType === 'ReadingsStored' && e.zoneIds.includes(zoneId))) reload();
  });
  const timer = setInterval(reload, REFRESH_MS);
  /** One, two or three columns of small charts, by the width available. */
  const layoutPollutants = () => {
    const available = pollutants.clientWidth || width();
    const columns = Math.max(1, Math.min(pollutantCharts.size, available >= 900 ? 3 : available >= 560 ? 2 : 1));
    pollutants.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
    const each = Math.floor((available - (columns - 1) * 12) / columns);
    pollutantCharts.forEach((c) => c.resize(Math.max(200, each)));
  };
  const onResize = () => {
    aqiChart.resize(width());
    layoutPollutants();
  };
  addEventListener('resize', onResize);
  renderStatus();
  void load();
  return {
    root,
    heading,
    dispose: () => {
      disposed = true;
      unsubscribeStatus();
      unsubscribeEvents();
      clearInterval(timer);
      removeEventListener('resize', onResize);
      aqiChart.destroy();
      pollutantCharts.forEach((c) => c.destroy());
    },
  };
}

function renderLatest(container: HTMLElement, readings: readonly StoredReading[]): void {
  if (readings.length === 0) return clear(container, h('p', {}, 'No readings in this hour.'));
  const rows = readings.map((r) =>
    h('tr', {},
      h('td', {}, formatClock(r.ts)),
      h('td', {}, r.deviceId),
      h('td', {}, r.aqi ? String(r.aqi.value) : '–'),
      h('td', {}, r.aqi ? categoryBadge(r.aqi.category) : 'no AQI'),
      h('td', {}, r.quality.join(', ') || 'ok'),
      h('td', {}, h('a', { href: `#trace/${encodeURIComponent(r.readingId)}`, 'aria-label': `Trace reading ${r.readingId}` }, 'Trace')),
    ),
  );
  clear(container, h('table', {}, h('thead', {}, h('tr', {}, ...['Time', 'Device', 'AQI', 'Category', 'Quality', ''].map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, ...rows)));
}
