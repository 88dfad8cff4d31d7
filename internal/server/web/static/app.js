// The page's router: the location hash names a view and its parameters
// (#/events?actor=IRN, #/event/12, #/doc/KEY, #/timeline?source=IRN&target=USA,
// #/network). Each view renders into <main id="view"> and marks it
// data-state="ready" (or "error") when done, and data-route with the hash
// it renders, so that a reader can tell this route's state from the last.

import { el } from './dom.js';
import { get } from './api.js';
import { renderEvents, renderRecord } from './events.js';
import { renderArticle } from './article.js';
import { renderTimeline } from './timeline.js';
import { renderNetwork } from './network.js';

const views = {
  events: (main, rest, params) => renderEvents(main, params),
  event: (main, rest) => renderRecord(main, rest),
  doc: (main, rest) => renderArticle(main, rest),
  timeline: (main, rest, params) => renderTimeline(main, params),
  network: (main, rest, params) => renderNetwork(main, params),
};

// parseHash splits "#/view/rest?query" into its parts.
export function parseHash(hash) {
  const h = hash.replace(/^#\/?/, '');
  const [path, query = ''] = h.split('?', 2);
  const [name, ...rest] = path.split('/');
  return { name: name || 'events', rest: rest.join('/'), params: new URLSearchParams(query) };
}

let generation = 0;

async function route() {
  const main = document.getElementById('view');
  const { name, rest, params } = parseHash(location.hash);
  const view = views[name];
  const gen = ++generation;
  main.dataset.state = 'loading';
  main.dataset.view = name;
  main.dataset.route = location.hash;
  for (const a of document.querySelectorAll('nav a')) {
    a.classList.toggle('active', a.dataset.nav === name || (name === 'event' && a.dataset.nav === 'events'));
  }
  main.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  try {
    if (!view) throw new Error(`no page ${name}`);
    const page = el('div', { class: `page page-${name}` });
    await view(page, decodeURIComponent(rest), params);
    if (gen !== generation) return; // a later navigation won
    main.replaceChildren(page);
    main.dataset.state = 'ready';
  } catch (err) {
    if (gen !== generation) return;
    main.replaceChildren(el('div', { class: 'error', role: 'alert' }, String(err.message || err)));
    main.dataset.state = 'error';
  }
}

async function showCounts() {
  try {
    const h = await get('/healthz');
    const c = h.counts;
    document.getElementById('counts').textContent =
      `${c.documents} documents · ${c.records} event records · ${c.events} reports · ${c.quotes} quotes`;
  } catch {
    // the header line is a nicety; the views report their own errors
  }
}

window.addEventListener('hashchange', route);
route();
showCounts();
