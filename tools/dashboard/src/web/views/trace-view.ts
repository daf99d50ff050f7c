import { formatClock } from '../../shared/format';
import type { RuleVerdict, TraceHop, TraceResult } from '../../shared/messages';
import { getJson } from '../api';
import type { ListBody, StoredReading } from '../api-types';
import { clear, h } from '../dom';
import { categoryBadge } from './category-badge';
import type { View } from './view';

/** Trace a reading: its path through every hop, and for each event which rules matched and why the others did not. */
export function traceView(readingId: string | undefined): View {
  const heading = h('h2', { tabindex: '-1' }, 'Trace a reading');
  const input = h('input', { id: 'reading-id', name: 'readingId', type: 'text', required: '', placeholder: 'sensor-0042@1714564800000', autocomplete: 'off', spellcheck: 'false' });
  input.value = readingId ?? '';
  const form = h('form', { class: 'trace-form', role: 'search' }, h('label', { for: 'reading-id' }, 'Reading id'), input, h('button', { type: 'submit' }, 'Trace'));
  const result = h('div', { class: 'trace-result', 'aria-live': 'polite' });
  const root = h('section', { class: 'view trace' }, heading, form, result);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = input.value.trim();
    // The hash is the state: back/forward and a shared link show the same trace.
    if (id) location.hash = `#trace/${encodeURIComponent(id)}`;
  });
  if (readingId) void show(result, readingId);
  return { root, heading, dispose: () => undefined };
}

async function show(container: HTMLElement, readingId: string): Promise<void> {
  clear(container, h('p', {}, `Tracing ${readingId}…`));
  try {
    const [trace, stored] = await Promise.all([getJson<TraceResult>(`/api/trace/${encodeURIComponent(readingId)}`), storedReading(readingId)]);
    clear(
      container,
      h('p', { class: 'summary' }, trace.hops.length === 0
        ? `No event of ${readingId} among the last ${trace.window} bus events the dashboard holds.`
        : `${trace.hops.length} hop${trace.hops.length === 1 ? '' : 's'} of ${readingId}: ${trace.hops.map((hop) => hop.detailType).join(' → ')}`),
      stored,
      h('ol', { class: 'hops' }, ...trace.hops.map(hopItem)),
    );
  } catch (error) {
    clear(container, h('p', {}, `Trace failed: ${(error as Error).message}`));
  }
}

/** The reading as persist stored it (device readings route at its own timestamp), when it is stored. */
async function storedReading(readingId: string): Promise<HTMLElement | null> {
  const at = readingId.lastIndexOf('@');
  const ts = Number(readingId.slice(at + 1));
  if (at <= 0 || !Number.isInteger(ts)) return h('p', {}, 'That is not a readingId (<deviceId>@<epoch ms>).');
  const deviceId = readingId.slice(0, at);
  try {
    const body = await getJson<ListBody<StoredReading>>(`/api/devices/${encodeURIComponent(deviceId)}/readings?from=${ts}&to=${ts}`);
    const reading = body.items.find((r) => r.readingId === readingId);
    if (!reading) return h('p', { class: 'stored' }, 'Not stored (yet).');
    return h('p', { class: 'stored' },
      `Stored ${formatClock(reading.storedAt)} in zone ${reading.zoneId ?? 'none'}: `,
      reading.aqi ? h('span', {}, `AQI ${reading.aqi.value} `, categoryBadge(reading.aqi.category)) : 'no AQI',
      reading.quality.length ? ` · quality ${reading.quality.join(', ')}` : '');
  } catch {
    return h('p', { class: 'stored' }, 'Not stored (yet).');
  }
}

function hopItem(hop: TraceHop, index: number): HTMLElement {
  const matched = hop.rules.filter((r) => r.matched);
  const stamps = Object.entries(hop.stamps).map(([name, ms]) => `${name} ${formatClock(ms)}.${String(ms % 1000).padStart(3, '0')}`);
  return h('li', { class: 'hop', 'data-detail-type': hop.detailType },
    h('h3', {}, `${index + 1}. ${hop.detailType}`, h('span', { class: 'source' }, ` from ${hop.source}`)),
    h('p', {}, `Event ${hop.eventId} · bus time ${hop.time}${hop.producedAt ? ` · produced ${hop.producedAt}` : ''}${hop.batchId ? ` · batch ${hop.batchId}` : ''}`),
    stamps.length ? h('p', {}, stamps.join(' · ')) : null,
    h('details', {},
      h('summary', {}, `Rules: ${matched.length} matched (${matched.map((r) => r.rule).join(', ') || 'none'}), ${hop.rules.length - matched.length} did not`),
      h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, ...['Rule', 'Target', 'Verdict', 'Why'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, ...hop.rules.map(ruleRow)))),
    ),
  );
}

function ruleRow(rule: RuleVerdict): HTMLElement {
  return h('tr', { class: rule.matched ? 'matched' : 'unmatched' },
    h('td', {}, `${rule.rule} (${rule.service})`),
    h('td', {}, rule.target),
    h('td', {}, rule.matched ? '✓ matched' : '✗ no match'),
    h('td', {}, h('ul', {}, ...rule.reasons.map((r) => h('li', {}, r.message)))),
  );
}
