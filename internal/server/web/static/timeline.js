// The dyad timeline: pick a source and a target; daily cooperation and
// conflict reports as bars above and below the axis, the day's Goldstein
// sum as a line, drawn as SVG.

import { el, svg, fmt, link } from './dom.js';
import { get } from './api.js';

const DAY = 86400000;

// renderTimeline draws the form and, when source and target are set, the chart.
export async function renderTimeline(page, params) {
  const q = { source: params.get('source') || '', target: params.get('target') || '', from: params.get('from') || '', to: params.get('to') || '' };
  page.append(el('h1', {}, 'Dyad timeline'), await form(q));
  if (!q.source || !q.target) {
    page.append(el('p', { class: 'muted' }, 'Pick a source and a target actor (codes match as prefixes: IRN matches IRNGOV).'));
    return;
  }
  const data = await get('/api/series', q);
  page.append(el('h2', {}, el('span', { class: 'code' }, data.source), ' → ', el('span', { class: 'code' }, data.target),
    ' ', link(`/events?source=${encodeURIComponent(data.source)}&target=${encodeURIComponent(data.target)}`, '(event records)')));
  if (!data.days.length) {
    page.append(el('p', { class: 'muted empty' }, 'No reports for this dyad.'));
    return;
  }
  page.append(chart(data.days, q.from, q.to), totals(data.days));
}

async function form(q) {
  // Actor codes from the network, for the inputs' suggestions.
  let actors = [];
  try {
    const n = await get('/api/network', { limit: 300 });
    actors = [...new Set(n.edges.flatMap((e) => [e.source, e.target]).filter(Boolean))].sort();
  } catch {
    // suggestions are optional
  }
  const f = el('form', { class: 'filters' },
    el('label', {}, 'Source', el('input', { name: 'source', value: q.source, list: 'actors', placeholder: 'IRN', size: 9, maxlength: 15, required: true })),
    el('label', {}, 'Target', el('input', { name: 'target', value: q.target, list: 'actors', placeholder: 'USA', size: 9, maxlength: 15, required: true })),
    el('label', {}, 'From', el('input', { name: 'from', type: 'date', value: q.from })),
    el('label', {}, 'To', el('input', { name: 'to', type: 'date', value: q.to })),
    el('button', { type: 'submit' }, 'Draw'),
    el('datalist', { id: 'actors' }, actors.map((a) => el('option', { value: a }))));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(f)) {
      const s = String(v).trim();
      if (s) p.set(k, k === 'source' || k === 'target' ? s.toUpperCase() : s);
    }
    location.hash = `#/timeline?${p}`;
  });
  return f;
}

function parseDay(s) {
  const [y, m, d] = s.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function dayString(t) {
  return new Date(t).toISOString().slice(0, 10);
}

// chart draws one bar pair per day from the first to the last (gaps filled).
function chart(days, from, to) {
  const byDay = new Map(days.map((d) => [d.date, d]));
  let t0 = parseDay(from || days[0].date), t1 = parseDay(to || days[days.length - 1].date);
  if (t1 - t0 > 3660 * DAY) t0 = t1 - 3660 * DAY; // ten years at most
  const n = Math.round((t1 - t0) / DAY) + 1;
  const W = 960, H = 340, L = 48, R = 48, T = 20, B = 40;
  const pw = W - L - R, ph = H - T - B, mid = T + ph / 2;
  const maxCount = Math.max(1, ...days.map((d) => Math.max(d.cooperation, d.conflict)));
  const maxG = Math.max(1, ...days.map((d) => Math.abs(d.goldstein)));
  const bw = pw / n;
  const y = (c) => (c / maxCount) * (ph / 2);
  const gy = (g) => mid - (g / maxG) * (ph / 2);
  const bars = [], line = [];
  for (let i = 0; i < n; i++) {
    const date = dayString(t0 + i * DAY);
    const d = byDay.get(date);
    const x = L + i * bw;
    if (!d) continue;
    const tip = `${date}: ${d.cooperation} cooperation, ${d.conflict} conflict, ${d.events} reports, Goldstein ${fmt(d.goldstein)}`;
    if (d.cooperation) bars.push(svg('rect', { class: 'bar coop', x, y: mid - y(d.cooperation), width: Math.max(1, bw - 1), height: y(d.cooperation) }, svg('title', {}, tip)));
    if (d.conflict) bars.push(svg('rect', { class: 'bar conflict', x, y: mid, width: Math.max(1, bw - 1), height: y(d.conflict) }, svg('title', {}, tip)));
    line.push(`${(x + bw / 2).toFixed(1)},${gy(d.goldstein).toFixed(1)}`);
  }
  const ticks = [0, Math.floor((n - 1) / 2), n - 1].filter((v, i, a) => a.indexOf(v) === i);
  return el('figure', { class: 'chart' },
    svg('svg', { class: 'timeline', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': 'daily cooperation and conflict' },
      svg('line', { class: 'axis', x1: L, x2: W - R, y1: mid, y2: mid }),
      svg('line', { class: 'axis', x1: L, x2: L, y1: T, y2: T + ph }),
      svg('text', { class: 'tick', x: L - 6, y: T + 10, 'text-anchor': 'end' }, String(maxCount)),
      svg('text', { class: 'tick', x: L - 6, y: mid + 4, 'text-anchor': 'end' }, '0'),
      svg('text', { class: 'tick', x: L - 6, y: T + ph, 'text-anchor': 'end' }, String(maxCount)),
      svg('text', { class: 'tick g', x: W - R + 6, y: T + 10 }, `+${fmt(maxG)}`),
      svg('text', { class: 'tick g', x: W - R + 6, y: T + ph }, `−${fmt(maxG)}`),
      ticks.map((i) => svg('text', { class: 'tick', x: L + i * bw + bw / 2, y: H - B + 18, 'text-anchor': 'middle' }, dayString(t0 + i * DAY))),
      bars,
      line.length > 1 ? svg('polyline', { class: 'goldstein', points: line.join(' ') }) : null,
      line.map((p) => { const [cx, cy] = p.split(','); return svg('circle', { class: 'goldstein-dot', cx, cy, r: 2.5 }); })),
    el('figcaption', { class: 'legend' },
      el('span', { class: 'key coop' }, 'cooperation (quad classes 1–2), above'),
      el('span', { class: 'key conflict' }, 'conflict (3–4), below'),
      el('span', { class: 'key goldstein' }, 'Goldstein sum (right scale)')));
}

function totals(days) {
  const s = days.reduce((a, d) => ({ events: a.events + d.events, coop: a.coop + d.cooperation, conflict: a.conflict + d.conflict, g: a.g + d.goldstein }), { events: 0, coop: 0, conflict: 0, g: 0 });
  return el('p', { class: 'muted' }, `${days.length} days with reports · ${s.events} reports · ${s.coop} cooperation · ${s.conflict} conflict · Goldstein sum ${fmt(s.g)}`);
}
