import { formatAge, pollutantLabel } from '../../shared/format';
import type { AlertItem, ZoneStatus } from '../api-types';
import { clear, h, setText } from '../dom';
import { referenceNow, store, subscribe } from '../store';
import { paintCategory } from './category-badge';
import type { View } from './view';

interface Tile {
  readonly item: HTMLLIElement;
  readonly link: HTMLAnchorElement;
  readonly aqi: HTMLElement;
  readonly category: HTMLElement;
  readonly dominant: HTMLElement;
  readonly age: HTMLElement;
  readonly alert: HTMLElement;
}

/** Every zone as a tile: AQI, category (colour and name), dominant pollutant, age; open alerts stand out. */
export function cityView(): View {
  const heading = h('h2', { tabindex: '-1' }, 'City');
  const summary = h('p', { class: 'summary', 'aria-live': 'polite' });
  const grid = h('ul', { class: 'tiles', 'aria-label': 'Zones' });
  const root = h('section', { class: 'view city' }, heading, summary, grid);
  const tiles = new Map<string, Tile>();

  const render = () => {
    if (store.zonesError) setText(summary, `The read API did not answer: ${store.zonesError}`);
    else if (!store.zonesLoaded) setText(summary, 'Loading zones…');
    const open = openAlertsByZone(store.alerts);
    const now = referenceNow();
    const wanted = new Set(store.zones.map((z) => z.zoneId));
    for (const [zoneId, tile] of tiles) {
      if (wanted.has(zoneId)) continue;
      tile.item.remove();
      tiles.delete(zoneId);
    }
    // Zones with an open alert first (worst first), then by id: an alert is never below the fold.
    const ordered = [...store.zones].sort((a, b) => (open.get(b.zoneId)?.severity ?? -1) - (open.get(a.zoneId)?.severity ?? -1) || a.zoneId.localeCompare(b.zoneId));
    ordered.forEach((zone, i) => {
      const tile = tiles.get(zone.zoneId) ?? createTile(zone.zoneId);
      tiles.set(zone.zoneId, tile);
      // Keep DOM order = zone order without re-inserting (re-inserting would drop keyboard focus).
      if (grid.children[i] !== tile.item) grid.insertBefore(tile.item, grid.children[i] ?? null);
      updateTile(tile, zone, open.get(zone.zoneId), now);
    });
    if (store.zonesLoaded && !store.zonesError) {
      const alerting = store.zones.filter((z) => open.has(z.zoneId)).map((z) => z.zoneId);
      setText(summary, `${store.zones.length} zone${store.zones.length === 1 ? '' : 's'} · ${alerting.length === 0 ? 'no open alert' : `open alert${alerting.length === 1 ? '' : 's'} in ${alerting.join(', ')}`}`);
    }
  };

  render();
  const unsubscribe = subscribe(['zones', 'alerts', 'clock'], render);
  return { root, heading, dispose: unsubscribe };
}

function createTile(zoneId: string): Tile {
  const aqi = h('span', { class: 'aqi' });
  const category = h('span', { class: 'category' });
  const dominant = h('span', { class: 'dominant' });
  const age = h('span', { class: 'age' });
  const alert = h('span', { class: 'alert-badge' });
  const link = h('a', { class: 'tile', href: `#zone/${encodeURIComponent(zoneId)}`, 'data-zone': zoneId }, h('span', { class: 'zone-name' }, zoneId), h('span', { class: 'reading' }, aqi, category), dominant, age, alert);
  return { item: h('li', {}, link), link, aqi, category, dominant, age, alert };
}

function updateTile(tile: Tile, zone: ZoneStatus, openAlert: AlertItem | undefined, now: number): void {
  setText(tile.aqi, `AQI ${zone.aqi}`);
  setText(tile.category, zone.category);
  paintCategory(tile.category, zone.category);
  setText(tile.dominant, `Dominant: ${pollutantLabel(zone.dominant)}`);
  setText(tile.age, `Last reading ${formatAge(now - zone.updatedAt)}`);
  tile.link.classList.toggle('alerting', openAlert !== undefined);
  if (openAlert) setText(tile.alert, `⚠ Open alert: ${openAlert.level}`);
  else clear(tile.alert);
  tile.link.setAttribute(
    'aria-label',
    `Zone ${zone.zoneId}: AQI ${zone.aqi}, ${zone.category}, dominant ${pollutantLabel(zone.dominant)}${openAlert ? `, open alert ${openAlert.level}` : ''}`,
  );
}

export function openAlertsByZone(alerts: readonly AlertItem[]): Map<string, AlertItem> {
  const open = new Map<string, AlertItem>();
  for (const alert of alerts) if (alert.status === 'open' && (open.get(alert.zoneId)?.severity ?? -1) < alert.severity) open.set(alert.zoneId, alert);
  return open;
}
