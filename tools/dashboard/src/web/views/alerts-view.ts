import { formatClock, formatDuration, pollutantLabel } from '../../shared/format';
import type { AlertItem } from '../api-types';
import { clear, h, setText } from '../dom';
import { pipelineNow, store, subscribe } from '../store';
import { categoryBadge } from './category-badge';
import type { View } from './view';

/** The timeline bars share one axis: the last six hours up to now. */
const TIMELINE_MS = 6 * 3_600_000;

/** Open and recent alerts, each with its timeline: first exceedance → raised → resolved. */
export function alertsView(): View {
  const heading = h('h2', { tabindex: '-1' }, 'Alerts');
  const summary = h('p', { class: 'summary', 'aria-live': 'polite' });
  const openList = h('ol', { class: 'alerts' });
  const recentList = h('ol', { class: 'alerts' });
  const root = h('section', { class: 'view alerts' }, heading, summary, h('h3', {}, 'Open'), openList, h('h3', {}, 'Recently resolved'), recentList);

  const render = () => {
    const open = store.alerts.filter((a) => a.status === 'open');
    const resolved = store.alerts.filter((a) => a.status === 'resolved');
    setText(summary, store.alertsError ? `The read API did not answer: ${store.alertsError}` : `${open.length} open, ${resolved.length} recently resolved`);
    const now = Math.max(pipelineNow(), ...store.alerts.map((a) => a.resolvedAt ?? a.raisedAt));
    clear(openList, ...(open.length ? open.map((a) => alertRow(a, now)) : [h('li', {}, 'No open alert.')]));
    clear(recentList, ...(resolved.length ? resolved.map((a) => alertRow(a, now)) : [h('li', {}, 'None.')]));
  };
  render();
  const unsubscribe = subscribe(['alerts'], render);
  return { root, heading, dispose: unsubscribe };
}

function alertRow(alert: AlertItem, now: number): HTMLElement {
  const end = alert.resolvedAt ?? now;
  const steps = [
    `first exceedance ${formatClock(alert.firstTs)}`,
    `raised ${formatClock(alert.raisedAt)}`,
    alert.resolvedAt ? `resolved ${formatClock(alert.resolvedAt)} (${formatDuration(alert.resolvedAt - alert.raisedAt)})` : `open for ${formatDuration(now - alert.raisedAt)}`,
  ];
  const start = now - TIMELINE_MS;
  const left = Math.max(0, (alert.firstTs - start) / TIMELINE_MS);
  const right = Math.min(1, Math.max(left, (end - start) / TIMELINE_MS));
  const bar = h('span', { class: `span ${alert.status}` });
  bar.style.left = `${(left * 100).toFixed(2)}%`;
  bar.style.width = `${Math.max(0.5, (right - left) * 100).toFixed(2)}%`;
  return h('li', { class: `alert ${alert.status}`, 'data-alert': alert.alertId },
    h('p', { class: 'what' },
      h('strong', {}, alert.status === 'open' ? '⚠ Open' : 'Resolved'), ' · ',
      h('a', { href: `#zone/${encodeURIComponent(alert.zoneId)}` }, `Zone ${alert.zoneId}`), ' · ',
      categoryBadge(alert.level), ` AQI ${alert.aqi} · ${pollutantLabel(alert.dominant)}`),
    h('p', { class: 'timeline-text' }, steps.join(' → ')),
    h('div', { class: 'timeline', 'aria-hidden': 'true' }, bar),
  );
}
