/** Display helpers shared by the page (and unit-tested on the server side). */

export const POLLUTANT_LABELS: Readonly<Record<string, { readonly label: string; readonly unit: string }>> = {
  pm25: { label: 'PM2.5', unit: 'µg/m³' },
  pm10: { label: 'PM10', unit: 'µg/m³' },
  o3: { label: 'O₃', unit: 'ppb' },
  no2: { label: 'NO₂', unit: 'ppb' },
  so2: { label: 'SO₂', unit: 'ppb' },
  co: { label: 'CO', unit: 'ppm' },
};

export function pollutantLabel(key: string): string {
  return POLLUTANT_LABELS[key]?.label ?? key;
}

/** "just now", "42 s", "5 min", "3 h 10 min", "2 d". */
export function formatAge(ms: number): string {
  if (!(ms >= 1_000)) return 'just now';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ${min % 60} min ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** HH:MM:SS in the viewer's time zone. */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const min = Math.round(ms / 60_000);
  return min < 120 ? `${min} min` : `${Math.floor(min / 60)} h ${min % 60} min`;
}

export function formatRate(perSecond: number): string {
  return perSecond >= 10 ? String(Math.round(perSecond)) : perSecond.toFixed(1);
}
