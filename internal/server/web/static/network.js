// The actor network: nodes are actors, edges (source → target) weighted
// by event records, laid out by a small deterministic force simulation
// and drawn as SVG.

import { el, svg, fmt } from './dom.js';
import { get } from './api.js';
import { PLOVER } from './events.js';

// renderNetwork draws the network of the event records matching the filters.
export async function renderNetwork(page, params) {
  const q = {};
  for (const k of ['actor', 'plover', 'from', 'to']) if (params.get(k)) q[k] = params.get(k);
  const limit = Math.min(300, Math.max(1, parseInt(params.get('limit') || '80', 10) || 80));
  page.append(el('h1', {}, 'Actor network'), form(q, limit));
  const data = await get('/api/network', { ...q, limit });
  if (!data.edges.length) {
    page.append(el('p', { class: 'muted empty' }, 'No edges.'));
    return;
  }
  page.append(draw(data.edges), el('p', { class: 'muted' },
    `${data.edges.length} edges, heaviest first. Width: event records; colour: mean Goldstein (green cooperative, red hostile). Click an actor or an edge for its events.`));
}

function form(q, limit) {
  const f = el('form', { class: 'filters' },
    el('label', {}, 'Actor', el('input', { name: 'actor', value: q.actor || '', placeholder: 'IRN', size: 9, maxlength: 15 })),
    el('label', {}, 'PLOVER', el('select', { name: 'plover' }, el('option', { value: '' }, 'any'),
      PLOVER.map((p) => el('option', { value: p, selected: q.plover === p }, p)))),
    el('label', {}, 'From', el('input', { name: 'from', type: 'date', value: q.from || '' })),
    el('label', {}, 'To', el('input', { name: 'to', type: 'date', value: q.to || '' })),
    el('label', {}, 'Edges', el('input', { name: 'limit', type: 'number', min: 1, max: 300, value: limit })),
    el('button', { type: 'submit' }, 'Draw'));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(f)) {
      const s = String(v).trim();
      if (s) p.set(k, k === 'actor' ? s.toUpperCase() : s);
    }
    location.hash = `#/network?${p}`;
  });
  return f;
}

// layout places nodes with a Fruchterman-Reingold simulation from
// positions on a circle (heaviest first), so the same edges always give
// the same picture.
export function layout(nodes, edges, W, H) {
  const n = nodes.length;
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.6;
  nodes.forEach((v, i) => {
    const a = (2 * Math.PI * i) / n;
    v.x = W / 2 + (W / 3) * Math.cos(a);
    v.y = H / 2 + (H / 3) * Math.sin(a);
  });
  let temp = W / 8;
  for (let it = 0; it < 300; it++) {
    for (const v of nodes) { v.dx = 0; v.dy = 0; }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        let d = Math.hypot(dx, dy);
        if (d < 0.01) { dx = 0.01 * (i - j); dy = 0.01; d = Math.hypot(dx, dy); }
        const f = (k * k) / d;
        a.dx += (dx / d) * f; a.dy += (dy / d) * f;
        b.dx -= (dx / d) * f; b.dy -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const a = e.a, b = e.b;
      if (a === b) continue;
      const dx = a.x - b.x, dy = a.y - b.y;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = ((d * d) / k) * (1 + Math.log2(1 + e.records) / 4);
      a.dx -= (dx / d) * f; a.dy -= (dy / d) * f;
      b.dx += (dx / d) * f; b.dy += (dy / d) * f;
    }
    for (const v of nodes) {
      // gravity keeps small components on the canvas
      v.dx += (W / 2 - v.x) * 0.05 * k / 10; v.dy += (H / 2 - v.y) * 0.05 * k / 10;
      const d = Math.max(0.01, Math.hypot(v.dx, v.dy));
      v.x += (v.dx / d) * Math.min(d, temp);
      v.y += (v.dy / d) * Math.min(d, temp);
      v.x = Math.min(W - 40, Math.max(40, v.x));
      v.y = Math.min(H - 20, Math.max(20, v.y));
    }
    temp = Math.max(0.5, temp * 0.98);
  }
}

function colour(g) {
  if (g > 0.5) return '#2e7d32';
  if (g < -0.5) return '#c62828';
  return '#757575';
}

function draw(edgesIn) {
  const W = 960, H = 600;
  const byCode = new Map();
  const node = (code) => {
    if (!byCode.has(code)) byCode.set(code, { code, weight: 0 });
    return byCode.get(code);
  };
  const edges = edgesIn.filter((e) => e.source && e.target).map((e) => ({ ...e, a: node(e.source), b: node(e.target) }));
  for (const e of edges) { e.a.weight += e.records; e.b.weight += e.records; }
  const nodes = [...byCode.values()].sort((x, y) => y.weight - x.weight || (x.code < y.code ? -1 : 1));
  layout(nodes, edges, W, H);
  const maxR = Math.max(1, ...edges.map((e) => e.records));
  const pairs = new Set(edges.map((e) => `${e.source}\u0000${e.target}`));
  const lines = edges.map((e) => {
    const w = 1 + 5 * Math.sqrt(e.records / maxR);
    const mx = e.b.x - e.a.x, my = e.b.y - e.a.y, d = Math.max(1, Math.hypot(mx, my));
    const r = radius(e.b) + 2;
    // An edge with one the other way is drawn beside it, not over it.
    const off = pairs.has(`${e.target}\u0000${e.source}`) ? 4 : 0;
    const ox = (-my / d) * off, oy = (mx / d) * off;
    const line = svg('line', {
      class: 'edge', x1: (e.a.x + ox).toFixed(1), y1: (e.a.y + oy).toFixed(1),
      x2: (e.b.x - (mx / d) * r + ox).toFixed(1), y2: (e.b.y - (my / d) * r + oy).toFixed(1),
      stroke: colour(e.goldstein), 'stroke-width': w.toFixed(1), 'marker-end': 'url(#arrow)',
      dataset: { source: e.source, target: e.target },
    }, svg('title', {}, `${e.source} → ${e.target}: ${e.records} records, ${e.mentions} reports, mean Goldstein ${fmt(e.goldstein)}`));
    line.addEventListener('click', () => { location.hash = `#/events?source=${encodeURIComponent(e.source)}&target=${encodeURIComponent(e.target)}`; });
    return line;
  });
  const circles = nodes.map((v) => {
    const g = svg('g', { class: 'node', transform: `translate(${v.x.toFixed(1)},${v.y.toFixed(1)})`, dataset: { code: v.code } },
      svg('circle', { r: radius(v).toFixed(1) }),
      svg('text', { y: -radius(v) - 4, 'text-anchor': 'middle' }, v.code),
      svg('title', {}, `${v.code}: ${v.weight} event records`));
    g.addEventListener('click', () => { location.hash = `#/events?actor=${encodeURIComponent(v.code)}`; });
    return g;
  });
  return el('figure', { class: 'chart' },
    svg('svg', { class: 'network', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': 'actor network' },
      svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' },
        svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' }))),
      lines, circles));
}

function radius(v) {
  return 4 + Math.min(16, Math.sqrt(v.weight) * 2);
}
