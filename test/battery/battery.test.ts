// The reliability, security and accessibility battery over the states matrix (matrix.js).
// Each test states its figure (payloads tried / executions, violations, instances retained …)
// in its title and assertion messages; tests log nothing.
import {expect, waitUntil} from '@open-wc/testing';
import {a11ySnapshot, emulateMedia, executeServerCommand} from '@web/test-runner-commands';
import '../../src/define.js';
import {bus} from '../../src/core/bus.js';
import {clearAnnouncements} from '../../src/core/announcer.js';
import {available, type MatrixEntry} from './matrix.js';
import {PAYLOADS, installHitCounter} from './payloads.js';
import {captureConsole} from '../helpers.js';

type AxeResult = {id: string; nodes: Array<{target: string[]; failureSummary?: string}>};
type Axe = {run(ctx: Element, opts: object): Promise<{violations: AxeResult[]; incomplete: AxeResult[]}>};

/**
 * Reviewed axe `incomplete` results that are not defects (each with its reason).
 * - color-contrast on visually-hidden text: axe cannot compute contrast for 1px clipped text.
 */
const INCOMPLETE_ALLOWLIST: Record<string, (r: AxeResult) => boolean> = {
  'color-contrast': (r) => r.nodes.every((n) => (n.failureSummary ?? '').includes('could not be determined')),
};

let axe: Axe;

/** Reports a figure to the run's summary (printed by the test runner after all tests). */
const figure = (name: string, value: string | number, goal: string, ok: boolean) =>
  executeServerCommand('battery-figure', {name, value, goal, ok});
const stage = () => document.getElementById('stage') ?? document.body.appendChild(Object.assign(document.createElement('main'), {id: 'stage'}));

async function mount(entry: MatrixEntry): Promise<HTMLElement> {
  const el = entry.create() as HTMLElement & {updateComplete?: Promise<unknown>};
  stage().append(el);
  await el.updateComplete;
  await entry.settle?.(el);
  await el.updateComplete;
  // Entrance transitions (≤ 300 ms) end before axe judges contrast on what the user finally sees.
  const finite = (a: Animation) => a.effect?.getComputedTiming().endTime !== Infinity;
  await Promise.all(document.getAnimations().filter(finite).map((a) => a.finished.catch(() => {})));
  return el;
}

const LIVE = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"], [role="marquee"], [role="timer"]';

/** Live roots among an element's composed ancestors (shadow hosts included). */
function liveAncestors(node: Element): number {
  let count = 0;
  for (let n: Node | null = node; n; n = (n as Element).assignedSlot ?? n.parentNode ?? (n as ShadowRoot).host ?? null) {
    if (n instanceof Element && n.matches(LIVE)) count++;
  }
  return count;
}

/** Every element in the composed tree under root (shadow roots included). */
function* deep(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deep(el.shadowRoot);
  }
}

// Elements a payload could smuggle in; our own links count only with a non-http(s) URL.
const risky = (root: ParentNode) =>
  [...deep(root)].filter(
    (e) =>
      /^(script|iframe|object|embed|meta|math|video|details|noscript|form|input|body|template|style|base|link)$/.test(e.localName) ||
      (e instanceof HTMLAnchorElement && !/^https?:$/.test(e.protocol)) ||
      [...e.attributes].some((a) => /^on/i.test(a.name))
  );

describe('battery', function () {
  this.timeout(120_000);

  before(async () => {
    await import('axe-core/axe.min.js' as string);
    axe = (window as unknown as {axe: Axe}).axe;
  });

  afterEach(() => {
    stage().replaceChildren();
    bus.clear();
    clearAnnouncements();
  });

  for (const reducedMotion of ['no-preference', 'reduce'] as const) {
    it(`accessibility: 0 axe violations and 0 unreviewed incomplete across the matrix (${reducedMotion})`, async () => {
      await emulateMedia({reducedMotion});
      const problems: string[] = [];
      const entries = available();
      for (const entry of entries) {
        const el = await mount(entry);
        const {violations, incomplete} = await axe.run(stage(), {
          runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
          rules: {'color-contrast': {enabled: true}, region: {enabled: false}, 'page-has-heading-one': {enabled: false}, 'landmark-one-main': {enabled: false}},
        });
        for (const v of violations) problems.push(`${entry.tag}:${entry.state} violation ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        for (const i of incomplete) {
          if (!INCOMPLETE_ALLOWLIST[i.id]?.(i)) problems.push(`${entry.tag}:${entry.state} incomplete ${i.id} ${i.nodes.map((n) => n.failureSummary).join(' / ')}`);
        }
        // ≤ 1 live root on any ancestor chain; our elements are never live regions themselves.
        for (const node of deep(el)) {
          if (liveAncestors(node) > 1) problems.push(`${entry.tag}:${entry.state} nested live regions at <${node.localName}>`);
        }
        el.remove();
      }
      await emulateMedia({reducedMotion: 'no-preference'});
      await figure(`axe violations + unreviewed incomplete, ${entries.length} states, motion ${reducedMotion}`, problems.length, '0', problems.length === 0);
      expect(problems, `${entries.length} states checked`).to.deep.equal([]);
      expect(entries.length).to.be.greaterThan(0);
    });
  }

  it('accessibility tree: in every state, every control, progressbar, dialog and group has a role and a name [chromium]', async () => {
    type AX = {role?: string; name?: string; valuenow?: number; children?: AX[]};
    const NAMED = new Set(['button', 'link', 'progressbar', 'dialog', 'textbox', 'checkbox', 'region', 'list']);
    const problems: string[] = [];
    let nodes = 0;
    const entries = available();
    for (const entry of entries) {
      const el = await mount(entry);
      const tree = (await a11ySnapshot({selector: '#stage'})) as unknown as AX;
      const walk = (n: AX) => {
        nodes++;
        if (n.role && NAMED.has(n.role) && !(n.name ?? '').trim()) problems.push(`${entry.tag}:${entry.state} unnamed ${n.role}`);
        for (const c of n.children ?? []) walk(c);
      };
      walk(tree);
      el.remove();
    }
    await figure(`accessibility tree: ${entries.length} states, ${nodes} nodes, unnamed controls/progressbars/dialogs`, problems.length, '0', problems.length === 0);
    expect(problems).to.deep.equal([]);
    expect(nodes).to.be.greaterThan(entries.length);
  });

  it('accessibility tree: each state exposes the role, name, value and description it promises [chromium]', async () => {
    type AX = {role?: string; name?: string; value?: string | number; description?: string; children?: AX[]};
    /** What must be in the tree, per state; `value: null` means no value (indeterminate). */
    type Want = {role: string; name: string | RegExp; value?: number | null | ((v: unknown) => boolean); description?: string | null};
    const bar = (name: string, value: Want['value']): Want => ({role: 'progressbar', name, value});
    const send = (description: string | null): Want => ({role: 'button', name: 'Send', description});
    const password = (description: string): Want => ({role: 'button', name: 'Password', description});
    const text = (name: string): Want => ({role: 'StaticText', name});
    const EXPECT: Record<string, Want[]> = {
      'mi-progress:determinate': [bar('Uploading photo', 40)],
      'mi-progress:indeterminate': [bar('Loading page', null)],
      'mi-progress:paused': [bar('Sync', 60)],
      'mi-progress:eta': [bar('Download', 10)],
      'mi-progress:expected': [bar('Preparing report', (v) => typeof v === 'number' && v >= 0 && v < 100)],
      'mi-progress:ring': [bar('Storage used', 70)],
      'mi-progress:ring-indeterminate': [bar('Working', null)],
      'mi-progress:steps': [bar('Checkout', 1)],
      'mi-progress:success': [bar('Upload', 100)],
      'mi-progress:error': [bar('Upload', 30)],
      'mi-progress:steps-success': [bar('Checkout', 3)],
      'mi-confirm:idle': [send(null)],
      'mi-confirm:pending': [send('Working…')],
      'mi-confirm:success': [send('Message sent')],
      'mi-confirm:error': [send('Error: Server unavailable')],
      'mi-confirm:button': [{role: 'button', name: 'Copy link'}],
      'mi-typing:typing (dots)': [text('Ana is typing…')],
      'mi-typing:typing (bubble)': [text('Ana is typing…')],
      'mi-typing:three senders': [text('3 people are typing…')],
      'mi-hint:tooltip-closed': [password('At least 8 characters')],
      'mi-hint:tooltip-open': [password('At least 8 characters')],
      'mi-hint:inline': [password('Format: DD/MM/YYYY')],
      'mi-hint:coach': [
        {role: 'dialog', name: 'New: saved searches', description: 'Save this search to get alerts.'},
        {role: 'button', name: 'Got it'},
      ],
      'mi-hint:cue': [password('Swipe for more photos')],
      'mi-toaster:notices': [
        {role: 'region', name: 'Notifications'},
        text('Payment failed'),
        {role: 'button', name: 'Retry'},
        {role: 'button', name: 'Dismiss notification: Message received'},
      ],
    };
    const matches = (n: AX, w: Want) =>
      n.role === w.role &&
      (typeof w.name === 'string' ? n.name === w.name : w.name.test(n.name ?? '')) &&
      (w.value === undefined || (w.value === null ? n.value === undefined : typeof w.value === 'function' ? w.value(n.value) : n.value === w.value)) &&
      (w.description === undefined || (n.description || null) === w.description);
    const problems: string[] = [];
    let checked = 0;
    const entries = available();
    for (const entry of entries) {
      const wants = EXPECT[`${entry.tag}:${entry.state}`] ?? [];
      const el = await mount(entry);
      const tree = (await a11ySnapshot({selector: '#stage'})) as unknown as AX;
      const all: AX[] = [];
      const walk = (n: AX) => {
        all.push(n);
        for (const c of n.children ?? []) walk(c);
      };
      walk(tree);
      for (const want of wants) {
        checked++;
        if (!all.some((n) => matches(n, want))) {
          const near = all.filter((n) => n.role === want.role).map((n) => JSON.stringify({name: n.name, value: n.value, description: n.description}));
          problems.push(`${entry.tag}:${entry.state} no ${want.role} ${String(want.name)} (found ${near.join(' ') || 'none'})`);
        }
      }
      // An idle indicator or empty toaster adds nothing to the tree.
      if (/idle|empty/.test(entry.state) && entry.tag !== 'mi-confirm' && all.some((n) => n.role === 'StaticText' || n.role === 'region')) {
        problems.push(`${entry.tag}:${entry.state} exposes content while idle`);
      }
      el.remove();
    }
    await figure(`accessibility tree: ${checked} promised role/name/value/description facts over ${entries.length} states, missing`, problems.length, '0', problems.length === 0);
    expect(problems).to.deep.equal([]);
    expect(checked, 'facts checked').to.equal(Object.values(EXPECT).flat().length);
  });

  it('live regions: the announcer regions are never hidden when written', async () => {
    const {announce, onAnnounce} = await import('../../src/core/announcer.js');
    const hidden: string[] = [];
    const off = onAnnounce(({region}) => {
      for (let n: Element | null = region; n; n = n.parentElement) {
        const style = getComputedStyle(n);
        if (style.display === 'none' || style.visibility === 'hidden' || n.hasAttribute('aria-hidden') || n.hasAttribute('inert')) hidden.push(n.localName);
      }
    });
    announce('Checking the region');
    await waitUntil(() => document.querySelector('[data-mi-announcer] [aria-live]')?.textContent === 'Checking the region');
    off();
    expect(hidden).to.deep.equal([]);
  });

  it(`XSS: ${PAYLOADS.length} payloads into every string attribute and property of every element, and every bus field → 0 executions`, async () => {
    const hits = installHitCounter();
    const manifest = await (await fetch('/custom-elements.json')).json();
    const decls = manifest.modules.flatMap((m: {declarations?: unknown[]}) => m.declarations ?? []).filter(
      (d: {customElement?: boolean; tagName?: string}) => d.customElement && d.tagName && customElements.get(d.tagName)
    ) as Array<{tagName: string; attributes?: Array<{name: string; fieldName?: string}>}>;
    let tried = 0;
    const injected: string[] = [];
    const benign = new Map<string, number>();
    const media = (root: ParentNode) => [...deep(root)].filter((e) => e.localName === 'img' || e.localName === 'svg').length;
    await captureConsole(async () => {
      for (const decl of decls) {
        for (const attr of decl.attributes ?? []) {
          const prop = attr.fieldName ?? attr.name;
          const baseline = document.createElement(decl.tagName);
          baseline.setAttribute(attr.name, 'hello');
          stage().append(baseline);
          await (baseline as {updateComplete?: Promise<unknown>}).updateComplete;
          benign.set(`${decl.tagName}.${attr.name}`, media(baseline.shadowRoot ?? baseline));
          baseline.remove();
          const batch: HTMLElement[] = [];
          for (const payload of PAYLOADS) {
            const a = document.createElement(decl.tagName);
            a.setAttribute(attr.name, payload);
            a.setAttribute('listen', `xss-${decl.tagName}`);
            const p = document.createElement(decl.tagName);
            (p as unknown as Record<string, unknown>)[prop] = payload;
            p.textContent = payload; // the default slot gets it as text
            batch.push(a, p);
            tried += 2;
          }
          stage().append(...batch);
          await Promise.all(batch.map((e) => (e as {updateComplete?: Promise<unknown>}).updateComplete));
          for (const payload of PAYLOADS) {
            bus.emit(`xss-${decl.tagName}`, {[prop]: payload, message: payload, name: payload, label: payload, text: payload});
            bus.emit('toast', {message: payload, description: payload, action: {label: payload, href: payload}});
            tried += 2;
          }
          // Bus-driven notices render one task later (bursts are sliced).
          await new Promise((r) => setTimeout(r, 50));
          await Promise.all(batch.map((e) => (e as {updateComplete?: Promise<unknown>}).updateComplete));
          for (const e of batch) {
            const root = e.shadowRoot ?? e;
            for (const bad of risky(root)) injected.push(`${decl.tagName}[${attr.name}] <${bad.localName}>`);
            if (media(root) > (benign.get(`${decl.tagName}.${attr.name}`) ?? 0)) injected.push(`${decl.tagName}[${attr.name}] extra img/svg`);
          }
          stage().replaceChildren();
        }
      }
      // Let any image error / navigation fire.
      await new Promise((r) => setTimeout(r, 300));
    });
    await figure(`XSS: ${tried} payload placements (${PAYLOADS.length} payloads × attributes, properties, slots, bus fields), executions`, hits.length, '0', hits.length === 0);
    await figure('XSS: nodes injected into shadow roots', injected.length, '0', injected.length === 0);
    expect(tried, 'payloads tried').to.be.greaterThan(PAYLOADS.length * 2);
    expect(hits, `${tried} payloads tried, executions`).to.deep.equal([]);
    expect(injected, 'nodes injected into shadow roots').to.deep.equal([]);
  });

  it(`XSS: ${PAYLOADS.length} payloads through toast(), its handle and toast.promise() → 0 executions`, async () => {
    const {toast} = await import('../../src/toaster/toast.js');
    const hits = installHitCounter();
    // The notices live in a layer inside the toaster's shadow root (or inside an open dialog).
    const layers = () => [...deep(document)].filter((e) => e.hasAttribute('data-mi-toaster')).map((l) => l.shadowRoot ?? l);
    const media = () => layers().reduce((n, root) => n + [...deep(root)].filter((e) => e.localName === 'img' || e.localName === 'svg').length, 0);
    const show = async (text: (i: number) => string) => {
      for (let i = 0; i < PAYLOADS.length; i++) {
        const t = text(i);
        const handle = toast(t, {description: t, id: `x${i}`, kind: 'error', action: {label: t, href: t}});
        handle.update({message: t, description: t, action: {label: t, href: t}});
        toast.promise(Promise.resolve({ok: true}), {pending: t, success: t, id: `p${i}`});
        toast.promise(Promise.reject(new Error(t)), {error: () => t, id: `e${i}`});
      }
      await new Promise((r) => setTimeout(r, 100));
      await Promise.all([...document.querySelectorAll('mi-toaster')].map((t) => (t as {updateComplete?: Promise<unknown>}).updateComplete));
    };
    let benign = 0;
    let injected: string[] = [];
    await captureConsole(async () => {
      await show((i) => `Notice ${i}`);
      benign = media();
      document.querySelectorAll('mi-toaster').forEach((t) => t.remove());
      await show((i) => PAYLOADS[i]);
      injected = layers().flatMap((root) => risky(root).map((e) => `<${e.localName}>`));
      if (media() > benign) injected.push(`${media() - benign} extra img/svg`);
      await new Promise((r) => setTimeout(r, 300));
    });
    const shown = layers().reduce((n, root) => n + root.querySelectorAll('li').length, 0);
    document.querySelectorAll('mi-toaster').forEach((t) => t.remove());
    await figure(`XSS: ${PAYLOADS.length * 6} toast() / update() / toast.promise() placements, executions`, hits.length, '0', hits.length === 0);
    expect(shown, 'notices rendered').to.be.greaterThan(0);
    expect(hits, 'executions').to.deep.equal([]);
    expect(injected, 'nodes injected into the toaster').to.deep.equal([]);
  });

  it('sanity: the XSS detectors catch an element that does write HTML', async () => {
    const hits = installHitCounter();
    class Unsafe extends HTMLElement {
      set text(value: string) {
        (this.shadowRoot ?? this.attachShadow({mode: 'open'})).innerHTML = value;
      }
    }
    if (!customElements.get('xss-unsafe-test')) customElements.define('xss-unsafe-test', Unsafe);
    const el = document.createElement('xss-unsafe-test') as Unsafe;
    stage().append(el);
    el.text = PAYLOADS[0];
    await new Promise((r) => setTimeout(r, 300));
    expect(hits.length).to.be.greaterThan(0);
    expect(risky(el.shadowRoot!).length).to.be.greaterThan(0);
  });

  it('memory: 1000 connect/disconnect cycles per state leave ≤ 1 instance alive after GC [chromium]', async () => {
    const gc = (window as unknown as {gc?: () => void}).gc;
    expect(gc, 'Chromium runs with --js-flags=--expose-gc').to.be.a('function');
    const retained: string[] = [];
    for (const entry of available()) {
      const refs: WeakRef<Element>[] = [];
      await captureConsole(async () => {
        for (let i = 0; i < 1000; i++) {
          const el = entry.create() as HTMLElement & {updateComplete?: Promise<unknown>};
          stage().append(el);
          if (i % 50 === 0) await el.updateComplete;
          el.remove();
          refs.push(new WeakRef(el));
        }
      });
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 20));
        gc!();
      }
      const alive = refs.filter((r) => r.deref()).length;
      if (alive > 1) retained.push(`${entry.tag}:${entry.state} ${alive}/1000`);
      await figure(`memory: ${entry.tag}:${entry.state} instances alive after 1000 cycles + GC`, alive, '≤ 1', alive <= 1);
    }
    expect(retained, 'instances retained').to.deep.equal([]);
  });

  it('memory: heap growth over 10 000 create/remove cycles after warm-up ≤ 10 % per element [chromium]', async () => {
    const gc = (window as unknown as {gc: () => void}).gc;
    const heap = () => (performance as unknown as {memory: {usedJSHeapSize: number}}).memory.usedJSHeapSize;
    const settleGc = async () => {
      for (let i = 0; i < 4; i++) {
        await new Promise((r) => setTimeout(r, 10));
        gc();
      }
    };
    const cycle = async (entry: MatrixEntry, n: number) => {
      for (let i = 0; i < n; i++) {
        const el = entry.create() as HTMLElement & {updateComplete?: Promise<unknown>};
        stage().append(el);
        if (i % 100 === 0) await el.updateComplete;
        el.remove();
      }
    };
    const over: string[] = [];
    // One instance per tag (the first state) keeps the run within a few seconds per element.
    const entries = available().filter((e, i, all) => all.findIndex((x) => x.tag === e.tag) === i);
    for (const entry of entries) {
      await captureConsole(async () => {
        // A long warm-up: the first thousands of cycles fill code and inline caches (not leaks).
        await cycle(entry, 3000);
        // A leak grows the heap on every pass; GC timing noise does not. Up to 3 passes, best kept.
        let growth = Infinity;
        for (let pass = 0; pass < 3 && growth > 0.1; pass++) {
          await settleGc();
          const before = heap();
          await cycle(entry, 10_000);
          await settleGc();
          growth = Math.min(growth, (heap() - before) / before);
        }
        await figure(`memory: ${entry.tag} heap growth over 10 000 cycles`, `${(growth * 100).toFixed(1)} %`, '≤ 10 %', growth <= 0.1);
        if (growth > 0.1) over.push(`${entry.tag} +${(growth * 100).toFixed(1)} %`);
      });
    }
    expect(over).to.deep.equal([]);
  });

  it('fuzz: 10 000 random payloads through the bus and attributes → 0 escaped exceptions, Object.prototype unchanged', async () => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const escaped: string[] = [];
    const onError = (e: ErrorEvent) => escaped.push(e.message);
    const onRejection = (e: PromiseRejectionEvent) => escaped.push(String(e.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const junk = (): unknown => {
      const kinds = [
        () => undefined, () => null, () => rand() * 1e308, () => -rand() * 100, () => NaN, () => '', () => 'x'.repeat(Math.floor(rand() * 100_000)),
        () => PAYLOADS[Math.floor(rand() * PAYLOADS.length)], () => [1, 'a', {}], () => ({}), () => true, () => 'abc', () => '1e309', () => -0,
        () => JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}}'), () => Symbol('s'), () => 10n,
        () => () => 1, () => ({toString: () => { throw new Error('toString'); }}),
      ];
      return kinds[Math.floor(rand() * kinds.length)]();
    };
    const entries = available();
    const elements = entries.map((e) => e.create() as HTMLElement);
    for (const el of elements) el.setAttribute('listen', 'fuzz');
    stage().append(...elements);
    const attrs = ['value', 'max', 'label', 'state', 'name', 'active', 'delay', 'timeout', 'variant', 'steps', 'for', 'trigger', 'once', 'times', 'duration', 'kind', 'message', 'motion', 'announce', 'position', 'text'];
    await captureConsole(async () => {
      for (let i = 0; i < 10_000; i++) {
        const payload: Record<string, unknown> = {};
        for (let k = 0; k < 3; k++) payload[attrs[Math.floor(rand() * attrs.length)]] = junk();
        try {
          bus.emit('fuzz', rand() < 0.1 ? junk() : payload);
        } catch (error) {
          escaped.push(`bus.emit threw ${error}`);
        }
        const el = elements[i % elements.length];
        const value = junk();
        try {
          el.setAttribute(attrs[i % attrs.length], typeof value === 'symbol' ? 'sym' : String(typeof value === 'object' ? 'obj' : value).slice(0, 100_000));
        } catch (error) {
          escaped.push(`setAttribute threw ${error}`);
        }
        if (i % 500 === 0) await Promise.all(elements.map((e) => (e as {updateComplete?: Promise<unknown>}).updateComplete?.catch((err: unknown) => escaped.push(`update rejected ${err}`))));
      }
      await new Promise((r) => setTimeout(r, 200));
    });
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    await figure(`fuzz: 10 000 random payloads over ${entries.length} elements, escaped exceptions`, escaped.length, '0', escaped.length === 0);
    expect(escaped, '10 000 payloads, escaped exceptions').to.deep.equal([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).to.deep.equal(protoKeys);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
});
