// DOM helpers. Every string from the server goes into the page as a text
// node or an attribute value, never as markup: no innerHTML anywhere.

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(node, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.setAttribute('class', v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// el creates an HTML element with attributes and children (nodes or text).
export function el(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

// svg creates an SVG element the same way.
export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

// safeURL returns u when it is an http or https URL, else null, so that a
// stored javascript: or data: URL never becomes a link.
export function safeURL(u) {
  return typeof u === 'string' && /^https?:\/\/[^\s]+$/i.test(u) ? u : null;
}

// link makes an in-page link to a route.
export function link(route, ...children) {
  return el('a', { href: '#' + route }, ...children);
}

// fmt formats a number with at most one decimal.
export function fmt(x) {
  if (typeof x !== 'number' || !isFinite(x)) return '';
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

// actorLabel names an actor code, or a dash for none.
export function actorLabel(code) {
  return code ? code : '—';
}
