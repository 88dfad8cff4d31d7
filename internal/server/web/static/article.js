// The article view: the document's text with actor mentions, event verbs
// and quotes highlighted by their spans, a legend, and its events beside.

import { el, link, actorLabel, safeURL } from './dom.js';
import { get } from './api.js';
import { byteToUnit, toUnits, highlight } from './spans.js';

// renderArticle draws the stored document key.
export async function renderArticle(page, key) {
  if (!/^[0-9a-f]{32}$/.test(key)) throw new Error(`no document ${key}`);
  const d = await get(`/api/documents/${key}`);
  const doc = d.document;
  const text = doc.text || '';
  const map = byteToUnit(text);
  const marks = [];
  for (const m of d.mentions) {
    const u = toUnits(map, m.span);
    if (u) marks.push({ start: u[0], end: u[1], kind: 'mention', key: `mention:${m.span[0]}:${m.span[1]}`, title: `${m.code} (${m.kind})`, data: { code: m.code } });
  }
  d.events.forEach((e, i) => {
    const u = toUnits(map, e.event.verb.span);
    if (u) marks.push({ start: u[0], end: u[1], kind: 'verb', key: `verb:${e.event.verb.span[0]}:${e.event.verb.span[1]}`, title: `${e.event.source.code} ${e.event.cameo} ${e.event.target ? e.event.target.code : '—'}`, data: { event: i } });
  });
  for (const q of d.quotes) {
    const u = toUnits(map, q.content.span);
    if (u) marks.push({ start: u[0], end: u[1], kind: 'quote', key: `quote:${q.content.span[0]}:${q.content.span[1]}`, title: `quote ${q.id}${q.speaker ? ` by ${q.speaker.code}` : ''}` });
  }
  // Several events can share a verb: draw it once.
  const seen = new Set();
  const unique = marks.filter((m) => (seen.has(m.key) ? false : (seen.add(m.key), true)));
  const body = el('div', { class: 'article-text', lang: 'en' });
  highlight(body, text, unique);

  const url = safeURL(doc.url);
  page.append(
    el('h1', {}, doc.title || doc.id || d.key),
    el('p', { class: 'meta' },
      el('span', { class: 'outlet' }, doc.source || 'unknown outlet'), ' · ', doc.date || 'undated', ' · id ',
      el('span', { class: 'code' }, doc.id), ' · key ', el('span', { class: 'code' }, d.key),
      url ? [' · ', el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, 'original')] : null),
    el('div', { class: 'legend' },
      el('span', { class: 'hl hl-mention' }, 'actor mention'),
      el('span', { class: 'hl hl-verb' }, 'event verb'),
      el('span', { class: 'hl hl-quote' }, 'quote'),
      el('span', { class: 'muted' }, `${d.mentions.length} mentions · ${d.events.length} events · ${d.quotes.length} quotes`)),
    el('div', { class: 'article' },
      body,
      el('aside', { class: 'doc-events' },
        el('h2', {}, `Events (${d.events.length})`),
        d.events.length ? el('ol', {}, d.events.map((e, i) => eventItem(e, i, body))) : el('p', { class: 'muted' }, 'No events coded.'),
        el('h2', {}, `Quotes (${d.quotes.length})`),
        d.quotes.length ? el('ol', { class: 'quotes' }, d.quotes.map(quoteItem)) : el('p', { class: 'muted' }, 'No quotes.'))));
}

function eventItem(e, i, body) {
  const ev = e.event;
  const show = (x) => {
    x.preventDefault();
    const key = `verb:${ev.verb.span[0]}:${ev.verb.span[1]}`;
    const first = [...body.querySelectorAll('.hl-verb')].find((n) => n.dataset.key === key);
    if (!first) return;
    for (const n of body.querySelectorAll('.flash')) n.classList.remove('flash');
    first.classList.add('flash');
    first.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  return el('li', { class: 'doc-event', dataset: { event: i } },
    el('a', { href: '#', class: 'code', onclick: show },
      `${actorLabel(ev.source.code)} → ${actorLabel(ev.target ? ev.target.code : '')}`),
    ' ', el('span', { class: 'code' }, ev.cameo), ' ', ev.plover || '', ' ',
    el('span', { class: `badge status-${ev.status}` }, ev.status),
    e.claimant ? [' via ', el('span', { class: 'code' }, e.claimant)] : null,
    el('div', { class: 'small' }, '“', ev.verb.text, '” · ', link(`/event/${e.record_id}`, `record #${e.record_id}`)));
}

function quoteItem(q) {
  return el('li', {},
    el('span', { class: 'code' }, q.speaker ? q.speaker.code : (q.speaker_text && q.speaker_text.text) || 'unknown'),
    q.cue && q.cue.text ? ` ${q.cue.text}: ` : ': ',
    el('q', {}, q.content.text));
}
