import { formatClock, formatRate } from '../../shared/format';
import type { DeadLetterView, DlqHealth, HealthSnapshot, LatencySummary, RedriveView, TrimmedEvent } from '../../shared/messages';
import { getJson, postAction } from '../api';
import type { ListBody } from '../api-types';
import { clear, h, setText } from '../dom';
import { store, subscribe } from '../store';
import type { View } from './view';

const SHOWN_EVENTS = 25;

/** Pipeline health (every second): functions, latencies, DLQs with inspect and redrive, bus rate, recent events. */
export function pipelineView(): View {
  const heading = h('h2', { tabindex: '-1' }, 'Pipeline');
  const bus = h('p', { class: 'bus' }, 'Waiting for the first health snapshot…');
  const acceptedToStored = h('dd', {}, '–');
  const exceedanceToRaised = h('dd', {}, '–');
  const functions = h('tbody');
  const dlqBody = h('tbody');
  const inspect = h('div', { class: 'inspect', 'aria-live': 'polite' });
  const events = h('ul', { class: 'events' });
  const root = h('section', { class: 'view pipeline' },
    heading, bus,
    h('h3', {}, 'End-to-end latency'),
    h('dl', { class: 'latency' }, h('dt', {}, 'Accepted → stored (p50 / p99)'), acceptedToStored, h('dt', {}, 'Exceedance → alert raised (p50 / p99)'), exceedanceToRaised),
    h('h3', {}, 'Functions'),
    h('div', { class: 'table-wrap' }, h('table', {}, headRow('Service', 'Function', 'Invocations/s', 'Errors', 'p50', 'p99'), functions)),
    h('h3', {}, 'Dead-letter queues'),
    h('div', { class: 'table-wrap' }, h('table', {}, headRow('Queue', 'Depth', 'Fed by', 'Actions'), dlqBody)),
    inspect,
    h('h3', {}, 'Recent bus events'), events,
  );

  const dlqRows = new Map<string, { depth: HTMLElement; buttons: HTMLButtonElement[] }>();
  const renderHealth = (health: HealthSnapshot | null) => {
    if (!health) return;
    setText(bus, `Bus tail ${health.busConnected ? 'connected' : 'NOT connected'} · ${formatRate(health.busEventsPerSecond)} events/s · ${health.busEventsTotal} events seen`);
    setText(acceptedToStored, latencyText(health.latency.acceptedToStored, 'no ReadingsStored batch yet'));
    setText(exceedanceToRaised, latencyText(health.latency.exceedanceToRaised, 'no samples (no AlertRaiseLatency metric received)'));
    clear(
      functions,
      ...(health.functions.length === 0
        ? [h('tr', {}, h('td', { colspan: '6' }, 'No function runner attached, or no function ran yet.'))]
        : health.functions.map((f) =>
            h('tr', { class: f.errorsPerSecond > 0 ? 'failing' : '' },
              h('td', {}, f.service), h('td', {}, f.function), h('td', {}, formatRate(f.invocationsPerSecond)),
              h('td', {}, `${f.errors}${f.errorsPerSecond > 0 ? ` (${formatRate(f.errorsPerSecond)}/s)` : ''}`),
              h('td', {}, `${Math.round(f.p50DurationMs)} ms`), h('td', {}, `${Math.round(f.p99DurationMs)} ms`)),
          )),
    );
    for (const queue of health.dlq) {
      const row = dlqRows.get(queue.queue) ?? addDlqRow(queue);
      setText(row.depth, queue.depth === null ? 'not created' : `${queue.depth}${queue.depth > 0 ? ' ⚠' : ''}`);
      for (const button of row.buttons) button.disabled = queue.depth === null;
    }
  };

  const addDlqRow = (queue: DlqHealth) => {
    const depth = h('td', { class: 'depth' });
    const inspectButton = h('button', { type: 'button' }, 'Inspect');
    const redriveButton = h('button', { type: 'button' }, 'Redrive');
    inspectButton.addEventListener('click', () => void showMessages(queue.queue));
    redriveButton.addEventListener('click', () => void redrive(queue.queue));
    dlqBody.append(h('tr', { 'data-queue': queue.queue }, h('td', {}, queue.queue), depth, h('td', {}, queue.feeds.join('; ')), h('td', { class: 'actions' }, inspectButton, ' ', redriveButton)));
    const row = { depth, buttons: [inspectButton, redriveButton] };
    dlqRows.set(queue.queue, row);
    return row;
  };

  const showMessages = async (queue: string) => {
    clear(inspect, h('p', {}, `Reading ${queue}…`));
    try {
      const { items } = await getJson<ListBody<DeadLetterView>>(`/api/dlq/${encodeURIComponent(queue)}/messages?max=10`);
      clear(
        inspect,
        h('h4', {}, `${queue}: ${items.length === 0 ? 'empty' : `${items.length} message${items.length === 1 ? '' : 's'} (nothing consumed)`}`),
        items.length === 0
          ? null
          : h('div', { class: 'table-wrap' }, h('table', {}, headRow('Event', 'Error', 'Rule → target'),
              h('tbody', {}, ...items.map((m) =>
                h('tr', {},
                  h('td', {}, `${m.detailType ?? 'not an event'} ${m.eventId ?? m.messageId}`),
                  h('td', {}, `${m.attributes['ERROR_CODE'] ?? ''} ${m.attributes['ERROR_MESSAGE'] ?? ''}`.trim() || '–'),
                  h('td', {}, `${lastPart(m.attributes['RULE_ARN'])} → ${lastPart(m.attributes['TARGET_ARN'])}`)),
              )))),
      );
    } catch (error) {
      clear(inspect, h('p', {}, `Could not read ${queue}: ${(error as Error).message}`));
    }
  };

  const redrive = async (queue: string) => {
    clear(inspect, h('p', {}, `Redriving ${queue}…`));
    try {
      const result = await postAction<RedriveView>(`/api/dlq/${encodeURIComponent(queue)}/redrive`);
      clear(inspect, h('p', {}, `${queue}: redriven ${result.redriven}, failed ${result.failed.length}`), ...result.failed.map((f) => h('p', {}, `${f.messageId}: ${f.reason}`)));
    } catch (error) {
      clear(inspect, h('p', {}, `Redrive of ${queue} failed: ${(error as Error).message}`));
    }
  };

  const shown = new Map<string, HTMLElement>();
  const renderEvents = () => {
    for (const event of [...store.lastBatch]) {
      if (shown.has(event.id)) continue;
      const item = eventItem(event);
      shown.set(event.id, item);
      events.prepend(item);
    }
    while (events.children.length > SHOWN_EVENTS) {
      const last = events.lastElementChild as HTMLElement;
      shown.delete(last.dataset['event'] ?? '');
      last.remove();
    }
  };
  for (const event of [...store.events].reverse()) {
    const item = eventItem(event);
    shown.set(event.id, item);
    events.prepend(item);
  }

  renderHealth(store.health);
  const unsubscribeHealth = subscribe(['health'], () => renderHealth(store.health));
  const unsubscribeEvents = subscribe(['events'], renderEvents);
  return {
    root,
    heading,
    dispose: () => {
      unsubscribeHealth();
      unsubscribeEvents();
    },
  };
}

function eventItem(event: TrimmedEvent): HTMLElement {
  const first = event.readingIds[0];
  return h('li', { 'data-event': event.id },
    `${formatClock(Date.parse(event.time))} ${event.detailType} from ${event.source}`,
    event.readingCount > 0 ? ` · ${event.readingCount} reading${event.readingCount === 1 ? '' : 's'}` : '',
    event.alert ? ` · ${event.alert.level} in ${event.alert.zoneId ?? '?'}` : '',
    first ? ' · ' : '',
    first ? h('a', { href: `#trace/${encodeURIComponent(first)}` }, `trace ${first}`) : null,
  );
}

function headRow(...titles: string[]): HTMLElement {
  return h('thead', {}, h('tr', {}, ...titles.map((t) => h('th', { scope: 'col' }, t))));
}

function latencyText(summary: LatencySummary | null, empty: string): string {
  return summary ? `${Math.round(summary.p50Ms)} ms / ${Math.round(summary.p99Ms)} ms over ${summary.count} sample${summary.count === 1 ? '' : 's'}` : empty;
}

function lastPart(arn: string | undefined): string {
  return arn?.split(/[:/]/).pop() ?? '?';
}
