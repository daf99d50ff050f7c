import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { getJson } from './api';
import { setText } from './dom';
import { startLive } from './live';
import { store, subscribe } from './store';
import { alertsView } from './views/alerts-view';
import { cityView } from './views/city-view';
import { pipelineView } from './views/pipeline-view';
import { traceView } from './views/trace-view';
import type { View } from './views/view';
import { zoneView } from './views/zone-view';

/** The hash is the route: #city, #zone/<id>, #alerts, #pipeline, #trace[/<readingId>]. */
function viewFor(hash: string): { view: View; nav: string } {
  const [name = '', ...rest] = hash.replace(/^#/, '').split('/');
  const arg = rest.length ? decodeURIComponent(rest.join('/')) : undefined;
  switch (name) {
    case 'zone':
      return arg ? { view: zoneView(arg), nav: 'city' } : { view: cityView(), nav: 'city' };
    case 'alerts':
      return { view: alertsView(), nav: 'alerts' };
    case 'pipeline':
      return { view: pipelineView(), nav: 'pipeline' };
    case 'trace':
      return { view: traceView(arg), nav: 'trace' };
    default:
      return { view: cityView(), nav: 'city' };
  }
}

function start(): void {
  const main = byId('main');
  let current: View | undefined;
  let first = true;
  const show = () => {
    current?.dispose();
    const { view, nav } = viewFor(location.hash);
    current = view;
    main.replaceChildren(view.root);
    for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
      if (link.dataset['view'] === nav) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    document.title = `${view.heading.textContent ?? ''} · Pulse`;
    // After a navigation (not on load), move focus to the new view so keyboard users land in it.
    if (!first) view.heading.focus();
    first = false;
  };
  addEventListener('hashchange', show);
  show();

  const connection = byId('connection');
  subscribe(['connection'], () => setText(connection, store.connected ? 'live' : 'reconnecting…'));
  void getJson<{ fleet: string | null }>('/api/session').then(
    (session) => setText(byId('fleet'), `Fleet ${session.fleet ?? 'unknown'}`),
    () => undefined,
  );
  startLive();
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html has no #${id}`);
  return element;
}

start();
