// The events table (filters, pages) and the event record view.

import { el, link, fmt, actorLabel, safeURL } from './dom.js';
import { get } from './api.js';
import { byteToUnit, highlight } from './spans.js';

export const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
  'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

const FILTERS = [
  ['actor', 'Actor', 'IRN'], ['source', 'Source', 'USAGOV'], ['target', 'Target', 'IRN'],
  ['cameo', 'CAMEO', '04'], ['claimant', 'Claimant', 'IRNMED'],
];
const PAGE = 50;

// renderEvents draws the filter form and one page of event records.
export async function renderEvents(page, params) {
  const limit = PAGE;
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  const q = {};
  for (const k of ['actor', 'source', 'target', 'plover', 'cameo', 'from', 'to', 'claimant']) {
    const v = params.get(k);
    if (v) q[k] = v;
  }
  page.append(el('h1', {}, 'Event records'), filterForm(q));
  const data = await get('/api/events', { ...q, limit, offset });
  const rows = data.events.map((r) =>
    el('tr', { dataset: { id: r.id } },
      el('td', {}, link(`/event/${r.id}`, `#${r.id}`)),
      el('td', { class: 'nowrap' }, r.first_date === r.last_date ? r.first_date : `${r.first_date} – ${r.last_date}`),
      el('td', { class: 'code' }, actorLabel(r.source)),
      el('td', { class: 'code' }, actorLabel(r.target)),
      el('td', { class: 'code' }, r.cameo),
      el('td', {}, r.plover || '—'),
      el('td', { class: 'num' }, fmt(r.goldstein)),
      el('td', { class: 'num' }, r.mentions),
      el('td', { class: 'num' }, r.articles),
      el('td', { class: 'num' }, r.outlets),
      el('td', { class: 'status' }, statusSummary(r)),
      el('td', { class: 'example' }, r.example)));
  const table = el('table', { class: 'events' },
    el('thead', {}, el('tr', {}, ['Record', 'Dates', 'Source', 'Target', 'CAMEO', 'PLOVER', 'Goldstein',
      'Reports', 'Articles', 'Outlets', 'Status', 'Example'].map((h) => el('th', {}, h)))),
    el('tbody', {}, rows));
  const pager = el('div', { class: 'pager' },
    offset > 0 ? link(`/events?${query(q, Math.max(0, offset - limit))}`, '← Previous') : el('span', { class: 'muted' }, '← Previous'),
    el('span', { class: 'muted' }, data.events.length ? `records ${offset + 1}–${offset + data.events.length}` : 'no records'),
    data.more ? link(`/events?${query(q, offset + limit)}`, 'Next →') : el('span', { class: 'muted' }, 'Next →'));
  page.append(rows.length ? table : el('p', { class: 'muted empty' }, 'No event records match.'), pager);
}

function query(q, offset) {
  const p = new URLSearchParams(q);
  if (offset) p.set('offset', offset);
  return p.toString();
}

function statusSummary(r) {
  const parts = [];
  for (const [k, label] of [['asserted', 'asserted'], ['claimed', 'claimed'], ['denied', 'denied'], ['negated', 'negated'], ['hypothetical', 'hypothetical']]) {
    if (r[k]) parts.push(`${r[k]} ${label}`);
  }
  return parts.join(', ');
}

function filterForm(q) {
  const inputs = FILTERS.map(([name, label, ph]) =>
    el('label', {}, label, el('input', { name, value: q[name] || '', placeholder: ph, size: 9, maxlength: 15, autocomplete: 'off' })));
  const plover = el('select', { name: 'plover' }, el('option', { value: '' }, 'any'),
    PLOVER.map((p) => el('option', { value: p, selected: q.plover === p }, p)));
  const form = el('form', { class: 'filters' },
    inputs,
    el('label', {}, 'PLOVER', plover),
    el('label', {}, 'From', el('input', { name: 'from', type: 'date', value: q.from || '' })),
    el('label', {}, 'To', el('input', { name: 'to', type: 'date', value: q.to || '' })),
    el('button', { type: 'submit' }, 'Filter'),
    el('a', { href: '#/events', class: 'reset' }, 'Clear'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) {
      const s = String(v).trim();
      if (s) p.set(k, ['from', 'to', 'plover'].includes(k) ? s : s.toUpperCase());
    }
    location.hash = `#/events?${p}`;
  });
  return form;
}

// renderRecord draws one event record and every report of it.
export async function renderRecord(page, id) {
  if (!/^[1-9][0-9]*$/.test(id)) throw new Error(`no event record ${id}`);
  const data = await get(`/api/events/${id}`);
  const r = data.record;
  page.append(
    el('h1', {}, `Event record #${r.id}: `, el('span', { class: 'code' }, actorLabel(r.source)), ' → ',
      el('span', { class: 'code' }, actorLabel(r.target))),
    el('dl', { class: 'record' },
      dt('CAMEO', `${r.cameo} (root ${r.root})`), dt('PLOVER', r.plover || '—'),
      dt('Goldstein', fmt(r.goldstein)), dt('Quad class', r.quad_class),
      dt('Dates', r.first_date === r.last_date ? r.first_date : `${r.first_date} – ${r.last_date}`),
      dt('Reports', `${r.mentions} in ${r.articles} articles from ${r.outlets} outlets`),
      dt('Status', statusSummary(r)),
      dt('Links', link(`/events?source=${encodeURIComponent(r.source)}${r.target ? `&target=${encodeURIComponent(r.target)}` : ''}`, 'more of this dyad'),
        r.target ? [' · ', link(`/timeline?source=${encodeURIComponent(r.source)}&target=${encodeURIComponent(r.target)}`, 'dyad timeline')] : null)),
    el('h2', {}, `Evidence (${data.evidence.length})`),
    el('ol', { class: 'evidence' }, data.evidence.map(report)));
}

function dt(term, ...def) {
  return [el('dt', {}, term), el('dd', {}, ...def)];
}

// report draws one report: outlet, date, claimant, status, the sentence
// with its verb highlighted, and a link to the article.
function report(e) {
  const ev = e.event;
  const sentence = el('p', { class: 'sentence' });
  if (e.sentence) {
    const map = byteToUnit(e.sentence.text);
    const off = e.sentence.span[0];
    const a = ev.verb.span[0] - off, b = ev.verb.span[1] - off;
    const marks = [];
    if (a >= 0 && b > a && b < map.length) {
      marks.push({ start: map[a], end: map[b], kind: 'verb', key: `verb:${ev.verb.span[0]}:${ev.verb.span[1]}`, title: `${ev.cameo} ${ev.plover || ''}` });
    }
    highlight(sentence, e.sentence.text, marks);
  } else {
    // Without the sentence's span, the first occurrence of the verb.
    const i = ev.verb.text ? ev.text.indexOf(ev.verb.text) : -1;
    highlight(sentence, ev.text, i < 0 ? [] : [{ start: i, end: i + ev.verb.text.length, kind: 'verb', key: 'verb' }]);
  }
  const url = safeURL(e.url);
  return el('li', { class: 'report', dataset: { doc: e.doc_key } },
    el('div', { class: 'meta' },
      el('span', { class: 'outlet' }, e.outlet || 'unknown outlet'), ' · ',
      el('span', { class: 'date' }, ev.date || 'undated'), ' · ',
      'claimant ', el('span', { class: 'code' }, e.claimant || 'the writer'), ' · ',
      el('span', { class: `badge status-${ev.status}` }, ev.status),
      ev.negated ? el('span', { class: 'badge' }, 'negated') : null, ' · ',
      el('span', { class: 'code' }, `${ev.source.code} ${ev.cameo} ${ev.target ? ev.target.code : '—'}`)),
    sentence,
    el('div', { class: 'links' },
      link(`/doc/${e.doc_key}`, 'article: ', e.title || e.doc_id || e.doc_key),
      url ? [' · ', el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, 'original')] : null));
}
