// In-page half of the benchmark. The runner (bench/run.mjs) opens this page once per
// (figure, subject, repetition), calls bench.setup(), then one measurement, and closes the page.
// Every subject is driven through an adapter below that builds its closest equivalent of each of
// our elements; everything else (timing, visibility, frames) is shared.

const MSG = 'Saved your changes';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
/** Resolves after the next frame has been produced (rAF, then a task queued behind rendering). */
const paintedFrame = () =>
  new Promise((r) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => r();
      ch.port2.postMessage(0);
    })
  );

let S = null; // {subject, lib, stage, adapter, opts}

// ---------------------------------------------------------------------------------------------
// Adapters: how each subject builds each kind (named after our elements).
//   html(i, p)  → markup of one instance (p: a per-call prefix for unique ids)
//   create(container, n) → builds n instances by API, returns what to await (updateComplete)
//   teardown()  → removes what `create` put outside the container
// ---------------------------------------------------------------------------------------------
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function waitAll(items) {
  return Promise.all(items.map((x) => (x && typeof x.then === 'function' ? x : x?.updateComplete)));
}

const ADAPTERS = {
  ours: {
    tags: {progress: 'mi-progress', toaster: 'mi-toaster', typing: 'mi-typing', hint: 'mi-hint', confirm: 'mi-confirm'},
    toast: () => S.lib.toast ?? globalThis.mi?.toast,
    kinds: {
      progress: {html: (i) => `<mi-progress value="50" label="Upload ${i}"></mi-progress>`},
      typing: {html: (i) => `<mi-typing active delay="0" name="Ana ${i}"></mi-typing>`},
      hint: {html: (i) => `<mi-hint content="Hint ${i}"><button>Target ${i}</button></mi-hint>`},
      confirm: {html: (i) => `<mi-confirm success-text="Saved ${i}"><button>Save ${i}</button></mi-confirm>`},
      toaster: {
        create(container, n) {
          const toaster = ensureToaster(container, n);
          const toast = ADAPTERS.ours.toast();
          for (let i = 0; i < n; i++) toast(`Notice ${i}`, {duration: 0});
          return [toaster];
        },
        teardown: () => document.querySelectorAll('mi-toaster').forEach((t) => t.remove()),
      },
    },
    update: {html: '<mi-progress value="0" label="Upload"></mi-progress>', set: (el, v) => (el.value = v)},
    animations: {
      progress: '<mi-progress indeterminate label="Loading"></mi-progress>',
      typing: '<mi-typing active delay="0" name="Ana"></mi-typing>',
      toaster: (c) => {
        ensureToaster(c, 3);
        ADAPTERS.ours.toast()(MSG);
      },
    },
    latency: {
      'toast-click': {
        setup: (c) => {
          ensureToaster(c, 3);
          return button(c, () => ADAPTERS.ours.toast()(MSG));
        },
      },
      'toast-call': {setup: (c) => (ensureToaster(c, 3), () => ADAPTERS.ours.toast()(MSG))},
      'toast-bus': {setup: (c) => (ensureToaster(c, 3), () => (S.lib.bus ?? globalThis.mi?.bus).emit('toast', {message: MSG}))},
      'hint-focus': {
        tag: 'hint',
        setup: (c) => {
          c.innerHTML = `<mi-hint content="${MSG}"><button>Target</button></mi-hint>`;
          return 'tab';
        },
      },
      'confirm-click': {
        tag: 'confirm',
        setup: (c) => {
          c.innerHTML = `<mi-confirm success-text="${MSG}"><button>Save</button></mi-confirm>`;
          c.firstElementChild.action = () => Promise.resolve(true);
          return c.querySelector('button');
        },
      },
      'typing-bus': {
        tag: 'typing',
        setup: (c) => {
          c.innerHTML = `<mi-typing listen="chat" delay="0" name="x"></mi-typing>`;
          return () => (S.lib.bus ?? globalThis.mi?.bus).emit('chat', {active: true, name: MSG});
        },
      },
    },
    // Idle cost: typing indicators waiting (inactive), then all typing at once.
    idle: {
      // announce="off": the page's one announcer queue is not the indicators' own cost.
      html: (i) => `<mi-typing delay="0" announce="off" name="Ana ${i}"></mi-typing>`,
      activate: (c) => c.querySelectorAll('mi-typing').forEach((el) => (el.active = true)),
    },
    // The mixed page and the memory cycles use the kinds the anchors also have.
    mixed: ['progress', 'toaster', 'typing', 'hint'],
  },

  floor: {
    tags: {floor: 'bench-floor'},
    kinds: {floor: {html: (i) => `<bench-floor value="${i}"></bench-floor>`}},
    // The floor's busy mark is a CSS animation: no timer at all, the least an indicator can cost.
    idle: {
      html: (i) => `<bench-floor value="${i}"></bench-floor>`,
      activate: (c) => c.querySelectorAll('bench-floor').forEach((el) => (el.spin = true)),
    },
    update: {html: '<bench-floor></bench-floor>', set: (el, v) => (el.value = v)},
    animations: {spin: '<bench-floor spin></bench-floor>'},
    latency: {
      // The floor's feedback: a property set by the trigger renders the text, no animation.
      click: {setup: (c) => floorFeedback(c, true)},
      call: {setup: (c) => floorFeedback(c, false)},
      focus: {
        setup: (c) => {
          const show = floorFeedback(c, false);
          button(c, () => {}).addEventListener('focus', show);
          return 'tab';
        },
      },
    },
    mixed: ['floor'],
  },

  shoelace: {
    tags: {progress: 'sl-progress-bar', toaster: 'sl-alert', typing: 'sl-spinner', hint: 'sl-tooltip'},
    kinds: {
      progress: {html: (i) => `<sl-progress-bar value="50" label="Upload ${i}"></sl-progress-bar>`},
      typing: {html: () => `<sl-spinner></sl-spinner>`},
      hint: {html: (i) => `<sl-tooltip content="Hint ${i}"><button>Target ${i}</button></sl-tooltip>`},
      toaster: {
        create(container, n) {
          const alerts = [];
          for (let i = 0; i < n; i++) alerts.push(slToast(container, `Notice ${i}`));
          return alerts;
        },
        // alert.toast() moves the alert into a stack the SlAlert class keeps for good: empty it.
        teardown: () =>
          document.querySelectorAll('.sl-toast-stack').forEach((s) => {
            s.replaceChildren();
            s.remove();
          }),
      },
    },
    update: {html: '<sl-progress-bar value="0" label="Upload"></sl-progress-bar>', set: (el, v) => (el.value = v)},
    animations: {
      progress: '<sl-progress-bar indeterminate label="Loading"></sl-progress-bar>',
      typing: '<sl-spinner></sl-spinner>',
      toaster: (c) => slToast(c, MSG),
    },
    latency: {
      'toast-click': {setup: (c) => button(c, () => slToast(c, MSG))},
      'toast-call': {setup: (c) => () => slToast(c, MSG)},
      'hint-focus': {
        setup: (c) => {
          c.innerHTML = `<sl-tooltip content="${MSG}"><button>Target</button></sl-tooltip>`;
          return 'tab';
        },
      },
    },
    mixed: ['progress', 'toaster', 'typing', 'hint'],
  },

  webawesome: {
    tags: {progress: 'wa-progress-bar', toaster: 'wa-toast', typing: 'wa-spinner', hint: 'wa-tooltip'},
    kinds: {
      progress: {html: (i) => `<wa-progress-bar value="50" label="Upload ${i}"></wa-progress-bar>`},
      typing: {html: () => `<wa-spinner></wa-spinner>`},
      hint: {html: (i, p) => `<button id="${p}${i}">Target ${i}</button><wa-tooltip for="${p}${i}">Hint ${i}</wa-tooltip>`},
      toaster: {
        create(container, n) {
          const stack = waStack(container);
          const made = [];
          for (let i = 0; i < n; i++) made.push(stack.create(`Notice ${i}`, {duration: 0}));
          return made;
        },
      },
    },
    update: {html: '<wa-progress-bar value="0" label="Upload"></wa-progress-bar>', set: (el, v) => (el.value = v)},
    animations: {
      progress: '<wa-progress-bar indeterminate label="Loading"></wa-progress-bar>',
      typing: '<wa-spinner></wa-spinner>',
      toaster: (c) => waStack(c).create(MSG),
    },
    latency: {
      'toast-click': {setup: (c) => (waStack(c), button(c, () => waStack(c).create(MSG)))},
      'toast-call': {setup: (c) => (waStack(c), () => waStack(c).create(MSG))},
      'hint-focus': {
        setup: (c) => {
          c.innerHTML = `<button id="hint-target">Target</button><wa-tooltip for="hint-target">${MSG}</wa-tooltip>`;
          return 'tab';
        },
      },
    },
    mixed: ['progress', 'toaster', 'typing', 'hint'],
  },

  material: {
    tags: {progress: 'md-linear-progress', typing: 'md-circular-progress'},
    kinds: {
      progress: {html: (i) => `<md-linear-progress value="0.5" aria-label="Upload ${i}"></md-linear-progress>`},
      typing: {html: () => `<md-circular-progress indeterminate aria-label="Loading"></md-circular-progress>`},
    },
    update: {html: '<md-linear-progress value="0" aria-label="Upload"></md-linear-progress>', set: (el, v) => (el.value = v / 100)},
    animations: {
      progress: '<md-linear-progress indeterminate aria-label="Loading"></md-linear-progress>',
      typing: '<md-circular-progress indeterminate aria-label="Loading"></md-circular-progress>',
    },
    latency: {},
    mixed: ['progress', 'typing'],
  },

  spectrum: {
    tags: {progress: 'sp-progress-bar', toaster: 'sp-toast', typing: 'sp-progress-circle', hint: 'sp-tooltip'},
    kinds: {
      progress: {html: (i) => `<sp-progress-bar progress="50" label="Upload ${i}"></sp-progress-bar>`},
      typing: {html: () => `<sp-progress-circle indeterminate label="Loading"></sp-progress-circle>`},
      hint: {
        html: (i, p) =>
          `<button id="${p}${i}">Target ${i}</button><sp-overlay trigger="${p}${i}@hover" type="hint"><sp-tooltip>Hint ${i}</sp-tooltip></sp-overlay>`,
      },
      // Spectrum has no stack manager: a toast is an element that is opened in place.
      toaster: {html: (i) => `<sp-toast open variant="info">Notice ${i}</sp-toast>`},
    },
    update: {html: '<sp-progress-bar progress="0" label="Upload"></sp-progress-bar>', set: (el, v) => (el.progress = v)},
    animations: {
      progress: '<sp-progress-bar indeterminate label="Loading"></sp-progress-bar>',
      typing: '<sp-progress-circle indeterminate label="Loading"></sp-progress-circle>',
      toaster: (c) => spToast(c, MSG),
    },
    latency: {
      'toast-click': {setup: (c) => button(c, () => spToast(c, MSG))},
      'toast-call': {setup: (c) => () => spToast(c, MSG)},
      'hint-focus': {
        setup: (c) => {
          c.innerHTML = `<button id="hint-target">Target</button><sp-overlay trigger="hint-target@hover" type="hint"><sp-tooltip>${MSG}</sp-tooltip></sp-overlay>`;
          return 'tab';
        },
      },
    },
    mixed: ['progress', 'toaster', 'typing', 'hint'],
  },
};

function ensureToaster(container, max) {
  let toaster = document.querySelector('mi-toaster');
  if (!toaster) {
    toaster = document.createElement('mi-toaster');
    container.append(toaster);
  }
  toaster.max = Math.max(toaster.max ?? 0, max);
  return toaster;
}
function slToast(container, text) {
  const alert = document.createElement('sl-alert');
  alert.variant = 'primary';
  alert.textContent = text;
  container.append(alert);
  alert.toast();
  return alert;
}
function waStack(container) {
  let stack = document.querySelector('wa-toast');
  if (!stack) container.append((stack = document.createElement('wa-toast')));
  return stack;
}
function spToast(container, text) {
  const t = document.createElement('sp-toast');
  t.variant = 'info';
  t.textContent = text;
  t.open = true;
  container.append(t);
  return t;
}
function button(container, onClick) {
  const b = document.createElement('button');
  b.textContent = 'Save';
  b.addEventListener('click', onClick);
  container.prepend(b);
  return b;
}
function floorFeedback(container, withButton) {
  container.innerHTML = '<bench-floor></bench-floor>';
  const el = container.firstElementChild;
  const show = () => {
    el.text = MSG;
    el.open = true;
  };
  return withButton ? button(container, show) : show;
}

// ---------------------------------------------------------------------------------------------
// Visibility: is `text` drawn on screen? Searched through open shadow roots; effective opacity is
// the product along the flat tree (slots and shadow hosts included); visually-hidden live regions
// (tiny clipped boxes) and anything outside the viewport do not count.
// ---------------------------------------------------------------------------------------------
function* textNodes(root, text) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let n = walker.currentNode; n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      if (n.nodeValue.includes(text)) yield n;
    } else if (n.shadowRoot) yield* textNodes(n.shadowRoot, text);
  }
}
const flatParent = (n) => n.assignedSlot ?? (n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentNode);

/** 0 when not drawn, else the effective opacity of the best-drawn occurrence of `text`. */
function drawnOpacity(text) {
  let best = 0;
  for (const node of textNodes(document.body, text)) {
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) continue;
    let opacity = 1;
    let hidden = false;
    // The flat tree: a slotted text node's parent is its slot, not its light-DOM parent.
    for (let el = flatParent(node), first = true; el && el.nodeType === 1; el = flatParent(el), first = false) {
      const cs = getComputedStyle(el);
      if (first && cs.visibility !== 'visible') hidden = true;
      opacity *= parseFloat(cs.opacity);
      if (opacity === 0 || cs.display === 'none') hidden = true;
      if (cs.display !== 'contents' && (cs.overflow !== 'visible' || cs.clip !== 'auto' || cs.clipPath !== 'none')) {
        const b = el.getBoundingClientRect();
        if (b.width < 4 || b.height < 4) hidden = true;
      }
      if (hidden) break;
    }
    if (!hidden) best = Math.max(best, opacity);
  }
  return best;
}

/** Effective opacity from which feedback counts as legible (a fade's first frames at a few % do not). */
const LEGIBLE = 0.6;

/**
 * Calls `check` once per frame from the trigger on; resolves to the first frame the text is drawn
 * at all (opacity > 0), the first it is legible (opacity ≥ LEGIBLE) and the first it is settled.
 */
function watchFeedback(t0, text, {timeout = 3000} = {}) {
  return new Promise((resolve) => {
    const out = {visible: null, visibleFrame: null, legible: null, legibleFrame: null, settled: null, opacityAtFirst: null};
    let frames = 0;
    const tick = () => {
      frames++;
      const now = performance.now();
      const o = drawnOpacity(text);
      if (out.visible === null && o > 0) {
        out.visible = now - t0;
        out.visibleFrame = frames;
        out.opacityAtFirst = o;
      }
      if (out.legible === null && o >= LEGIBLE) {
        out.legible = now - t0;
        out.legibleFrame = frames;
        // The same frame once it has been rendered (a task queued behind this frame's style,
        // layout and paint): counts work the page leaves for the frame, not only what ran before.
        out.legiblePainted = null;
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          out.legiblePainted = performance.now() - t0;
          if (out.settled !== null) resolve(out);
        };
        ch.port2.postMessage(0);
      }
      if (o >= 0.99) {
        out.settled = now - t0;
        out.settledFrame = frames;
        if (out.legiblePainted !== null) resolve(out);
        return;
      }
      if (now - t0 > timeout) return resolve(out);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

// ---------------------------------------------------------------------------------------------
// Setup and loading
// ---------------------------------------------------------------------------------------------
async function setup({subject, libUrl, css = []}) {
  await Promise.all(
    css.map(
      (href) =>
        new Promise((resolve, reject) => {
          const link = Object.assign(document.createElement('link'), {rel: 'stylesheet', href});
          link.onload = resolve;
          link.onerror = () => reject(new Error(`css ${href} failed`));
          document.head.append(link);
        })
    )
  );
  let stage;
  if (subject === 'spectrum') {
    stage = document.createElement('sp-theme');
    stage.setAttribute('system', 'spectrum');
    stage.setAttribute('color', 'light');
    stage.setAttribute('scale', 'medium');
  } else stage = document.createElement('div');
  stage.id = 'stage';
  document.body.append(stage);
  S = {subject, libUrl, stage, adapter: ADAPTERS[subject], lib: null};
  if (document.visibilityState !== 'visible') throw new Error('page is hidden: requestAnimationFrame would not run');
  return true;
}

/** Fetches the bundle, then times its evaluation up to the moment every element is defined. */
async function load() {
  const source = await (await fetch(S.libUrl)).text();
  const url = URL.createObjectURL(new Blob([source], {type: 'text/javascript'}));
  const t0 = performance.now();
  S.lib = await import(url);
  const t1 = performance.now();
  const tags = Object.entries(S.adapter.tags);
  const defined = tags.filter(([, tag]) => customElements.get(tag)).map(([kind]) => kind);
  if (S.stage.localName === 'sp-theme') await customElements.whenDefined('sp-theme');
  return {startup: t1 - t0, defined, missing: tags.filter(([kind]) => !defined.includes(kind)).map(([kind]) => kind)};
}

function container() {
  const c = document.createElement('div');
  S.stage.append(c);
  return c;
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------
let uid = 0;
/** Builds `n` instances of each kind in `kinds`, interleaved; returns what to await. */
function build(c, kinds, n) {
  const prefix = `u${uid++}-`;
  let html = '';
  const byApi = [];
  for (const kind of kinds) if (S.adapter.kinds[kind].create) byApi.push(kind);
  const htmlKinds = kinds.filter((k) => !byApi.includes(k));
  for (let i = 0; i < n; i++) for (const kind of htmlKinds) html += S.adapter.kinds[kind].html(i, prefix);
  c.innerHTML = html;
  const items = [];
  for (const kind of byApi) items.push(...S.adapter.kinds[kind].create(c, n));
  for (const el of c.querySelectorAll('*')) if ('updateComplete' in el) items.push(el);
  return items;
}

/** n instances of `kind` (or of every mixed kind): time to all updateComplete, and to the painted frame. */
async function render({kind, n}) {
  const kinds = kind === 'mixed' ? S.adapter.mixed : [kind];
  const c = container();
  await paintedFrame();
  const t0 = performance.now();
  const items = build(c, kinds, n);
  await waitAll(items);
  const t1 = performance.now();
  await paintedFrame();
  const t2 = performance.now();
  return {updateComplete: t1 - t0, painted: t2 - t0, instances: kinds.length * n, nodes: document.getElementsByTagName('*').length};
}

/** `n` synchronous value updates to one progress element: time and renders performed. */
async function update({n}) {
  const c = container();
  c.innerHTML = S.adapter.update.html;
  const el = c.firstElementChild;
  await el.updateComplete;
  await paintedFrame();
  let renders = 0;
  const original = el.render;
  el.render = function (...args) {
    renders++;
    return original.apply(this, args);
  };
  const t0 = performance.now();
  for (let i = 1; i <= n; i++) S.adapter.update.set(el, i % 100);
  await el.updateComplete;
  const t1 = performance.now();
  await paintedFrame();
  const t2 = performance.now();
  return {updateComplete: t1 - t0, painted: t2 - t0, renders};
}

/** Long tasks and frame gaps while one element animates for `ms`. */
async function smooth({animation, ms}) {
  const c = container();
  await paintedFrame();
  const longtasks = [];
  const po = new PerformanceObserver((list) => longtasks.push(...list.getEntries().map((e) => e.duration)));
  po.observe({type: 'longtask'});
  const frames = [];
  let running = true;
  const tick = (t) => {
    frames.push(t);
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  await frame();
  const spec = S.adapter.animations[animation];
  if (typeof spec === 'function') spec(c);
  else c.innerHTML = spec;
  await sleep(ms);
  running = false;
  await sleep(60); // late longtask entries
  po.disconnect();
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  const sorted = [...gaps].sort((a, b) => a - b);
  const interval = sorted[sorted.length >> 1] || 16.7;
  return {
    longTasks: longtasks.length,
    longTaskMs: longtasks.reduce((a, b) => a + b, 0),
    frames: frames.length,
    maxGap: sorted[sorted.length - 1] ?? null,
    droppedFrames: gaps.reduce((sum, g) => sum + Math.max(0, Math.round(g / interval) - 1), 0),
  };
}

/**
 * What `n` waiting indicators cost while nothing happens: timers pending and timer calls over a
 * `ms` window, first idle (inactive), then all active; long tasks within the two windows (not
 * while building or activating them).
 */
async function idle({n, ms}) {
  const spec = S.adapter.idle;
  const {setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci} = window;
  const live = new Set();
  let calls = 0;
  window.setTimeout = (handler, delay, ...args) => {
    calls++;
    const id = st(() => {
      live.delete(id);
      if (typeof handler === 'function') handler(...args);
    }, delay);
    live.add(id);
    return id;
  };
  window.clearTimeout = (id) => (live.delete(id), ct(id));
  window.setInterval = (handler, delay, ...args) => {
    calls++;
    const id = si(handler, delay, ...args);
    live.add(id);
    return id;
  };
  window.clearInterval = (id) => (live.delete(id), ci(id));
  const longtasks = [];
  const po = new PerformanceObserver((list) => longtasks.push(...list.getEntries()));
  po.observe({type: 'longtask'});
  const wait = (t) => new Promise((r) => st(r, t));
  const settle = async (c) => {
    await waitAll([...c.children]);
    await paintedFrame();
    await wait(100);
  };
  let inWindows = 0;
  const window_ = async () => {
    const [before, start] = [calls, performance.now()];
    await wait(ms);
    const end = performance.now();
    inWindows += longtasks.filter((t) => t.startTime >= start && t.startTime < end).length;
    return {pending: live.size, calls: calls - before};
  };
  try {
    const c = container();
    c.innerHTML = Array.from({length: n}, (_, i) => spec.html(i)).join('');
    await settle(c);
    const quiet = await window_();
    spec.activate(c);
    await settle(c);
    const busy = await window_();
    po.disconnect();
    return {timersIdle: quiet.pending, callsIdle: quiet.calls, timersActive: busy.pending, callsActive: busy.calls, longTasks: inWindows};
  } finally {
    Object.assign(window, {setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci});
  }
}

// Latency: prepare (builds the page, returns how the runner should trigger), then the runner
// clicks / presses Tab, or the page calls the trigger itself; then `latencyResult`.
let pending = null;
async function latencyPrepare({scenario}) {
  const spec = S.adapter.latency[scenario];
  const c = container();
  const trigger = spec.setup(c);
  await Promise.all([...c.querySelectorAll('*')].map((el) => el.updateComplete));
  await paintedFrame();
  await sleep(50);
  const start = (t0) => (pending = watchFeedback(t0, MSG));
  const stamp = (e) => (e.timeStamp > 0 && e.timeStamp <= performance.now() ? e.timeStamp : performance.now());
  if (trigger === 'tab') {
    document.addEventListener('keydown', (e) => start(stamp(e)), {capture: true, once: true});
    return {input: 'tab'};
  }
  if (trigger instanceof Element) {
    trigger.addEventListener('click', (e) => start(stamp(e)), {capture: true, once: true});
    const r = trigger.getBoundingClientRect();
    return {input: 'click', x: r.left + r.width / 2, y: r.top + r.height / 2};
  }
  S.call = trigger;
  return {input: 'call'};
}
function latencyCall() {
  const t0 = performance.now();
  pending = watchFeedback(t0, MSG);
  S.call();
  return true;
}
async function latencyResult() {
  for (let i = 0; i < 100 && !pending; i++) await sleep(10);
  if (!pending) return {error: 'the trigger never arrived'};
  return pending;
}

/** Heap and live-node baseline, then `cycles` × create/remove of the mixed page; forced GC around. */
async function gc() {
  for (let i = 0; i < 4; i++) {
    globalThis.gc?.();
    await sleep(30);
  }
  return performance.memory?.usedJSHeapSize ?? null;
}
async function cycles({cycles, n, kinds = S.adapter.mixed}) {
  const per = Math.max(1, Math.round(n / kinds.length));
  for (let k = 0; k < cycles; k++) {
    const c = container();
    await waitAll(build(c, kinds, per));
    await paintedFrame();
    c.remove();
    for (const kind of kinds) S.adapter.kinds[kind].teardown?.();
    await paintedFrame();
  }
  await sleep(500); // let exit animations and short timers finish: retained, not in flight
  return {instancesPerCycle: per * kinds.length};
}

/** What this subject can be measured on (the runner asks before it plans the run). */
function capabilities() {
  const a = S.adapter;
  return {kinds: Object.keys(a.kinds), animations: Object.keys(a.animations), latency: Object.fromEntries(Object.entries(a.latency).map(([k, v]) => [k, v.tag ?? (k.startsWith('toast') ? 'toaster' : null)])), mixed: a.mixed, tags: a.tags};
}

window.bench = {capabilities, setup, load, render, update, idle, smooth, latencyPrepare, latencyCall, latencyResult, gc, cycles};
