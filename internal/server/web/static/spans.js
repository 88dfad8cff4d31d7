// Spans from the server are byte offsets into UTF-8 text; JavaScript
// strings index UTF-16 code units. byteToUnit converts one to the other,
// and highlight draws nested, possibly crossing, spans over a text.

import { el } from './dom.js';

// pair reports whether s[i] starts a surrogate pair (a character beyond
// U+FFFF: 2 UTF-16 units, 4 UTF-8 bytes).
function pair(s, i) {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

// byteToUnit returns a table from every UTF-8 byte offset of s (0 to its
// byte length) to the UTF-16 index of the character holding that byte;
// the byte length maps to s.length.
export function byteToUnit(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (pair(s, i)) { n += 4; i++; }
    else n += 3;
  }
  const map = new Uint32Array(n + 1);
  let b = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    let bytes = 3, units = 1;
    if (c < 0x80) bytes = 1;
    else if (c < 0x800) bytes = 2;
    else if (pair(s, i)) { bytes = 4; units = 2; }
    for (let k = 0; k < bytes; k++) map[b + k] = i;
    b += bytes;
    i += units;
  }
  map[n] = s.length;
  return map;
}

// toUnits converts a byte span [start, end) with the table; null when the
// span is empty or outside the text.
export function toUnits(map, span) {
  if (!Array.isArray(span) || span.length !== 2) return null;
  const [start, end] = span;
  if (!(start >= 0 && end > start && end < map.length)) return null;
  return [map[start], map[end]];
}

const order = { quote: 0, mention: 1, actor: 1, verb: 2 };

// highlight fills container with text, each mark {start, end, kind,
// title, data} (UTF-16 indices) wrapped in <span class="hl hl-KIND">.
// Marks nest; a mark that crosses the end of an outer one is split into
// pieces that share its data-key.
export function highlight(container, text, marks) {
  const ms = marks
    .filter((m) => m && m.end > m.start)
    .map((m, i) => ({ ...m, i }))
    .sort((a, b) => a.start - b.start || b.end - a.end || (order[a.kind] ?? 9) - (order[b.kind] ?? 9) || a.i - b.i);
  const cuts = new Set([0, text.length]);
  for (const m of ms) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const stack = []; // [{mark, node}]
  const top = () => (stack.length ? stack[stack.length - 1].node : container);
  for (let p = 0; p + 1 < points.length; p++) {
    const a = points[p], b = points[p + 1];
    const chain = ms.filter((m) => m.start <= a && m.end >= b);
    let same = 0;
    while (same < stack.length && same < chain.length && stack[same].mark === chain[same]) same++;
    stack.length = same;
    for (const m of chain.slice(same)) {
      const node = el('span', {
        class: `hl hl-${m.kind}`,
        title: m.title || null,
        dataset: { kind: m.kind, key: m.key, ...(m.data || {}) },
      });
      top().append(node);
      stack.push({ mark: m, node });
    }
    top().append(document.createTextNode(text.slice(a, b)));
  }
}
