// The dyad timeline: pick a source and a target; cooperation and conflict
// reports per day (per week or 30 days over long spans) as bars above and
// below the axis, their Goldstein sum as dots joined across consecutive
// periods, drawn as SVG.

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

// chart draws one bar pair per day from the first to the last (gaps
// filled); over more than half a year, per week, and over more than
// three and a half years, per 30 days.
function chart(days, from, to) {
  let t0 = parseDay(from || days[0].date), t1 = parseDay(to || days[days.length - 1].date);
  if (t1 < t0) t1 = t0;
  const span = Math.round((t1 - t0) / DAY) + 1;
  const width = span <= 183 ? 1 : span <= 1280 ? 7 : 30;
  const unit = { 1: 'day', 7: 'week', 30: '30 days' }[width];
  const n = Math.ceil(span / width);
  const buckets = Array.from({ length: n }, (_, i) => ({ date: dayString(t0 + i * width * DAY), events: 0, cooperation: 0, conflict: 0, goldstein: 0, seen: false }));
  for (const d of days) {
    const i = Math.floor((parseDay(d.date) - t0) / DAY / width);
    if (i < 0 || i >= n) continue;
    const b = buckets[i];
    b.events += d.events; b.cooperation += d.cooperation; b.conflict += d.conflict; b.goldstein += d.goldstein; b.seen = true;
  }
  const W = 960, H = 340, L = 48, R = 48, T = 20, B = 40;
  const pw = W - L - R, ph = H - T - B, mid = T + ph / 2;
  const maxCount = Math.max(1, ...buckets.map((d) => Math.max(d.cooperation, d.conflict)));
  const maxG = Math.max(1, ...buckets.map((d) => Math.abs(d.goldstein)));
  const bw = pw / n;
  const barW = Math.max(2, bw - 1);
  const y = (c) => (c / maxCount) * (ph / 2);
  const gy = (g) => mid - (g / maxG) * (ph / 2);
  const bars = [], runs = [], dots = [];
  let run = null;
  buckets.forEach((d, i) => {
    const x = L + i * bw;
    const cx = x + bw / 2;
    if (!d.seen) { run = null; return; }
    const label = width === 1 ? d.date : `${unit} from ${d.date}`;
    const tip = `${label}: ${d.cooperation} cooperation, ${d.conflict} conflict, ${d.events} reports, Goldstein ${fmt(d.goldstein)}`;
    const bx = cx - barW / 2;
    if (d.cooperation) bars.push(svg('rect', { class: 'bar coop', x: bx.toFixed(1), y: (mid - y(d.cooperation)).toFixed(1), width: barW.toFixed(1), height: y(d.cooperation).toFixed(1) }, svg('title', {}, tip)));
    if (d.conflict) bars.push(svg('rect', { class: 'bar conflict', x: bx.toFixed(1), y: mid, width: barW.toFixed(1), height: y(d.conflict).toFixed(1) }, svg('title', {}, tip)));
    const p = `${cx.toFixed(1)},${gy(d.goldstein).toFixed(1)}`;
    if (!run) { run = []; runs.push(run); }
    run.push(p); // consecutive periods are joined; a gap breaks the line
    dots.push(svg('circle', { class: 'goldstein-dot', cx: cx.toFixed(1), cy: gy(d.goldstein).toFixed(1), r: 2.5 }, svg('title', {}, tip)));
  });
  const ticks = [0, Math.floor((n - 1) / 2), n - 1].filter((v, i, a) => a.indexOf(v) === i);
  return el('figure', { class: 'chart' },
    svg('svg', { class: 'timeline', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': `cooperation and conflict per ${unit}` },
      svg('line', { class: 'axis', x1: L, x2: W - R, y1: mid, y2: mid }),
      svg('line', { class: 'axis', x1: L, x2: L, y1: T, y2: T + ph }),
      svg('text', { class: 'tick', x: L - 6, y: T + 10, 'text-anchor': 'end' }, String(maxCount)),
      svg('text', { class: 'tick', x: L - 6, y: mid + 4, 'text-anchor': 'end' }, '0'),
      svg('text', { class: 'tick', x: L - 6, y: T + ph, 'text-anchor': 'end' }, String(maxCount)),
      svg('text', { class: 'tick g', x: W - R + 6, y: T + 10 }, `+${fmt(maxG)}`),
      svg('text', { class: 'tick g', x: W - R + 6, y: T + ph }, `−${fmt(maxG)}`),
      ticks.map((i) => svg('text', { class: 'tick', x: L + i * bw + bw / 2, y: H - B + 18, 'text-anchor': 'middle' }, buckets[i].date)),
      bars,
      runs.filter((r) => r.length > 1).map((r) => svg('polyline', { class: 'goldstein', points: r.join(' ') })),
      dots),
    el('figcaption', { class: 'legend' },
      el('span', {}, `per ${unit}:`),
      el('span', { class: 'key coop' }, 'cooperation (quad classes 1–2), above'),
      el('span', { class: 'key conflict' }, 'conflict (3–4), below'),
      el('span', { class: 'key goldstein' }, 'Goldstein sum (right scale)')));
}

function totals(days) {
  const s = days.reduce((a, d) => ({ events: a.events + d.events, coop: a.coop + d.cooperation, conflict: a.conflict + d.conflict, g: a.g + d.goldstein }), { events: 0, coop: 0, conflict: 0, g: 0 });
  return el('p', { class: 'muted' }, `${days.length} days with reports · ${s.events} reports · ${s.coop} cooperation · ${s.conflict} conflict · Goldstein sum ${fmt(s.g)}`);
}
