// The states matrix: every element × state, built with DOM calls only (so it also runs under
// Trusted Types, where innerHTML strings throw). Shared by the WTR battery tests and the strict
// CSP page (scripts/battery/csp.mjs). Each entry: {tag, state, create(), settle?(el)}.
// `settle` drives the element into the state (calls methods, waits); it must not throw.

const wait = (ms) => new Promise((r) => setTimeout(r, ms));

/** Creates an element with attributes, properties and children. */
export function h(tag, attrs = {}, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  Object.assign(el, props);
  el.append(...children);
  return el;
}


const never = () => new Promise(() => {});
const form = () =>
  h('form', {}, {}, h('label', {}, {}, 'Message ', h('input', {name: 'message', value: 'Hello'})), h('button', {type: 'submit'}, {}, 'Send'));
const target = (id, text = 'Password') => h('button', {id, type: 'button'}, {}, text);
/** A wrapper holding a target and the hint that points at it (hints need a target beside them). */
const withTarget = (id, attrs, settle) => ({
  create: () => {
    const wrap = h('div', {}, {}, target(id), h('mi-hint', {for: id, ...attrs}));
    // The battery waits on updateComplete of what create() returns: forward the hint's.
    Object.defineProperty(wrap, 'updateComplete', {get: () => wrap.querySelector('mi-hint').updateComplete});
    return wrap;
  },
  settle: settle && ((wrap) => settle(wrap.querySelector('mi-hint'))),
});

export const MATRIX = [
  {tag: 'mi-provider', state: 'default', create: () => h('mi-provider', {motion: 'reduce'}, {}, h('p', {}, {}, 'Inside a provider'))},

  {tag: 'mi-progress', state: 'determinate', create: () => h('mi-progress', {value: '40', label: 'Uploading photo'})},
  {tag: 'mi-progress', state: 'indeterminate', create: () => h('mi-progress', {label: 'Loading page'})},
  {tag: 'mi-progress', state: 'paused', create: () => h('mi-progress', {value: '60', label: 'Sync', state: 'paused'})},
  {tag: 'mi-progress', state: 'eta', create: () => h('mi-progress', {value: '10', label: 'Download', eta: ''})},
  {tag: 'mi-progress', state: 'expected', create: () => h('mi-progress', {label: 'Preparing report', expected: '3000'})},
  {tag: 'mi-progress', state: 'ring', create: () => h('mi-progress', {value: '70', label: 'Storage used', variant: 'ring'})},
  {tag: 'mi-progress', state: 'ring-indeterminate', create: () => h('mi-progress', {label: 'Working', variant: 'ring'})},
  {tag: 'mi-progress', state: 'steps', create: () => h('mi-progress', {value: '1', label: 'Checkout', variant: 'steps', steps: 'Cart,Shipping,Payment'})},
  {tag: 'mi-progress', state: 'success', create: () => h('mi-progress', {value: '90', label: 'Upload'}), settle: (el) => el.complete()},
  {tag: 'mi-progress', state: 'error', create: () => h('mi-progress', {value: '30', label: 'Upload'}), settle: (el) => el.fail('Connection lost')},
  {tag: 'mi-progress', state: 'steps-success', create: () => h('mi-progress', {value: '2', label: 'Checkout', variant: 'steps', steps: 'Cart,Shipping,Payment'}), settle: (el) => el.complete()},

  {tag: 'mi-confirm', state: 'idle', create: () => h('mi-confirm', {'success-text': 'Message sent'}, {}, form())},
  {
    tag: 'mi-confirm',
    state: 'pending',
    create: () => h('mi-confirm', {'success-text': 'Message sent', 'pending-delay': '0'}, {}, form()),
    settle: async (el) => {
      el.track(never());
      await wait(50);
    },
  },
  {
    tag: 'mi-confirm',
    state: 'success',
    create: () => h('mi-confirm', {'success-text': 'Message sent', sticky: ''}, {}, form()),
    settle: async (el) => {
      await el.track(Promise.resolve('ok'));
      await wait(20);
    },
  },
  {
    tag: 'mi-confirm',
    state: 'error',
    create: () => h('mi-confirm', {'success-text': 'Message sent'}, {}, form()),
    settle: async (el) => {
      await el.track(Promise.reject(new Error('Server unavailable')));
      await wait(20);
    },
  },
  {tag: 'mi-confirm', state: 'button', create: () => h('mi-confirm', {'success-text': 'Copied'}, {}, h('button', {type: 'button'}, {}, 'Copy link'))},

  {tag: 'mi-typing', state: 'idle', create: () => h('mi-typing', {name: 'Ana'})},
  {tag: 'mi-typing', state: 'typing (dots)', create: () => h('mi-typing', {name: 'Ana', active: '', delay: '0'}), settle: () => wait(30)},
  {tag: 'mi-typing', state: 'typing (bubble)', create: () => h('mi-typing', {name: 'Ana', active: '', delay: '0', variant: 'bubble'}), settle: () => wait(30)},
  {
    tag: 'mi-typing',
    state: 'three senders',
    create: () => h('mi-typing', {listen: 'battery-typing', delay: '0'}),
    settle: async () => {
      for (const name of ['Ana', 'Ben', 'Cleo']) {
        document.dispatchEvent(new CustomEvent('mi:emit', {detail: {topic: 'battery-typing', detail: {name, active: true}}}));
      }
      await wait(30);
    },
  },

  {tag: 'mi-hint', state: 'tooltip-closed', ...withTarget('mx-t1', {content: 'At least 8 characters'})},
  {tag: 'mi-hint', state: 'tooltip-open', ...withTarget('mx-t2', {content: 'At least 8 characters'}, (el) => el.show())},
  {tag: 'mi-hint', state: 'inline', ...withTarget('mx-t3', {variant: 'inline', content: 'Format: DD/MM/YYYY'}, (el) => el.show())},
  {tag: 'mi-hint', state: 'coach', ...withTarget('mx-t4', {variant: 'coach', heading: 'New: saved searches', content: 'Save this search to get alerts.', step: '1', steps: '3'}, (el) => el.show())},
  {tag: 'mi-hint', state: 'cue', ...withTarget('mx-t5', {cue: 'swipe-left', content: 'Swipe for more photos'}, (el) => el.show())},

  {tag: 'mi-toaster', state: 'empty', create: () => h('mi-toaster')},
  {tag: 'mi-toaster', state: 'notices', create: () => h('mi-toaster', {max: '3'}), settle: async (el) => {
    el.show('Message received', {kind: 'info'});
    el.show('Ticket solved', {kind: 'success', description: 'Ana closed your ticket.'});
    el.show('Payment failed', {kind: 'error', action: {label: 'Retry'}});
    // Past the 200 ms entrance fade: axe measures contrast on what is finally shown.
    await wait(350);
  }},
];

/** Entries whose element is defined on this page. */
export const available = () => MATRIX.filter((e) => customElements.get(e.tag));

export {wait};
