// The states matrix: every element × state, built with DOM calls only (so it also runs under
// Trusted Types, where innerHTML strings throw). Shared by the WTR battery tests and the strict
// CSP page (scripts/battery/csp.mjs). Each entry: {tag, state, create(), settle?(el)}.
// `settle` drives the element into the state (calls methods, waits); it must not throw.

/** Creates an element with attributes, properties and children. */
export function h(tag, attrs = {}, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  Object.assign(el, props);
  el.append(...children);
  return el;
}

const wait = (ms) => new Promise((r) => setTimeout(r, ms));

export const MATRIX = [
  {tag: 'mi-provider', state: 'default', create: () => h('mi-provider', {motion: 'reduce'}, {}, h('p', {}, {}, 'Inside a provider'))},
];

/** Entries whose element is defined on this page. */
export const available = () => MATRIX.filter((e) => customElements.get(e.tag));

export {wait};
