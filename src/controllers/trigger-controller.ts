import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {preview, warnOnce} from '../core/warn.js';

/** User-initiated triggers an element can react to. */
export type TriggerKind = 'click' | 'focus' | 'hover' | 'input' | 'submit' | 'invalid' | 'visible' | 'idle' | 'first-visit';

export interface Trigger {
  kind: TriggerKind;
  /** For `focus`, `hover` and `visible`: true when it starts, false when it ends. Else true. */
  active: boolean;
  /** The DOM event behind it, if any. */
  event?: Event;
}

export interface TriggerControllerOptions {
  /** The `trigger` attribute: space-separated kinds, `idle:N` with seconds. */
  triggers: () => string | null | undefined;
  /** The `for` attribute: id of the target in the same root; empty → the first slotted element. */
  for: () => string | null | undefined;
  /** Called for each trigger. */
  onTrigger: (trigger: Trigger) => void;
  /** Kinds this element supports; others are ignored with a warning. */
  allowed?: readonly TriggerKind[];
}

const ALL: readonly TriggerKind[] = ['click', 'focus', 'hover', 'input', 'submit', 'invalid', 'visible', 'idle', 'first-visit'];
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/** Resolves `for="id"` in the host's own root (document or shadow root), else its first slotted child. */
export function resolveTarget(host: Element, forId: string | null | undefined): Element | null {
  if (forId) {
    const root = host.getRootNode() as Document | ShadowRoot;
    return typeof root.getElementById === 'function' ? root.getElementById(forId) : null;
  }
  // The slotted control: the first child in the default slot (elements of ours, like a status
  // text an element adds to its own light DOM, carry a slot name and are skipped).
  let child = host.firstElementChild;
  while (child?.hasAttribute('slot')) child = child.nextElementSibling;
  return child;
}

/**
 * One MutationObserver per root for every controller waiting on a `for` id there: a page with
 * hundreds of hints pays for one observer, not hundreds notified on every DOM change.
 */
const watchers = new WeakMap<Node, {observer: MutationObserver; waiting: Set<() => void>}>();

function watchRoot(root: Node, check: () => void): () => void {
  let watcher = watchers.get(root);
  if (!watcher) {
    const waiting = new Set<() => void>();
    const observer = new MutationObserver(() => {
      for (const fn of [...waiting]) {
        try {
          fn();
        } catch {
          /* one element's failure does not stop the others from finding their targets */
        }
      }
    });
    observer.observe(root, {childList: true, subtree: true, attributes: true, attributeFilter: ['id']});
    watchers.set(root, (watcher = {observer, waiting}));
  }
  const current = watcher;
  current.waiting.add(check);
  return () => {
    current.waiting.delete(check);
    if (!current.waiting.size) {
      current.observer.disconnect();
      if (watchers.get(root) === current) watchers.delete(root);
    }
  };
}

/** Parses "click idle:5" into kinds and the idle delay; unknown words are warned about once. */
export function parseTriggers(value: string, allowed: readonly TriggerKind[] = ALL): {kinds: Set<TriggerKind>; idleMs: number} {
  const kinds = new Set<TriggerKind>();
  let idleMs = 0;
  for (const word of value.trim().split(/\s+/).filter(Boolean).slice(0, 20)) {
    const [name, arg] = word.split(':') as [string, string | undefined];
    if (!allowed.includes(name as TriggerKind)) {
      warnOnce(`trigger:${name.slice(0, 30)}`, `unknown trigger ${preview(word)} (use ${allowed.join(', ')}).`);
      continue;
    }
    if (name === 'idle') {
      const seconds = Number(arg ?? 30);
      if (!Number.isFinite(seconds) || seconds <= 0) {
        warnOnce('trigger-idle', `trigger "idle:${preview(arg)}" needs a positive number of seconds; used 30.`);
      }
      idleMs = (Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 86_400) : 30) * 1000;
    }
    kinds.add(name as TriggerKind);
  }
  return {kinds, idleMs};
}

/**
 * Wires the user triggers in `trigger` to the element named by `for` (or the slotted control),
 * and removes every listener, observer and timer on disconnect or when either attribute changes.
 * The target is never moved, cloned or re-parented: the host application owns it.
 */
export class TriggerController implements ReactiveController {
  /** The element the triggers are attached to, if resolved. */
  target: Element | null = null;
  private cleanups: Array<() => void> = [];
  private signature = '';
  private connected = false;
  private stopWatching?: () => void;
  private warnTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: TriggerControllerOptions
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.attach();
  }

  hostUpdate(): void {
    const signature = `${this.options.triggers() ?? ''}|${this.options.for() ?? ''}`;
    const target = resolveTarget(this.host, this.options.for());
    if (signature !== this.signature || target !== this.target) this.attach();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.detach();
    this.stopWaiting();
  }

  /** Re-resolves the target and re-attaches (e.g. after the app rendered the `for` element). */
  attach(): void {
    this.detach();
    if (!this.connected) return;
    const forId = this.options.for();
    this.signature = `${this.options.triggers() ?? ''}|${forId ?? ''}`;
    const target = resolveTarget(this.host, forId);
    this.target = target;
    // NOTE: with `for`, keep watching: frameworks re-create the node with the same id (a React
    // key change, a Vue v-if), and the triggers must follow the element that is on the page.
    if (forId) this.waitFor(forId);
    else this.stopWaiting();
    if (!target) return;
    const {kinds, idleMs} = parseTriggers(this.options.triggers() ?? '', this.options.allowed);
    const fire = (kind: TriggerKind, active: boolean, event?: Event) => this.options.onTrigger({kind, active, event});
    const listen = (node: EventTarget, type: string, fn: (e: Event) => void, opts?: AddEventListenerOptions) => {
      node.addEventListener(type, fn, opts);
      this.cleanups.push(() => node.removeEventListener(type, fn, opts));
    };

    if (kinds.has('click')) listen(target, 'click', (e) => fire('click', true, e));
    if (kinds.has('focus')) {
      listen(target, 'focusin', (e) => fire('focus', true, e));
      listen(target, 'focusout', (e) => {
        // Focus moving between parts of the same target is not a blur.
        const next = (e as FocusEvent).relatedTarget as Node | null;
        if (!next || !target.contains(next)) fire('focus', false, e);
      });
    }
    if (kinds.has('hover')) {
      listen(target, 'pointerenter', (e) => fire('hover', true, e));
      listen(target, 'pointerleave', (e) => fire('hover', false, e));
    }
    if (kinds.has('input')) listen(target, 'input', (e) => fire('input', true, e));
    if (kinds.has('submit')) listen(target, 'submit', (e) => fire('submit', true, e));
    // `invalid` does not bubble: capture it for a wrapping element.
    if (kinds.has('invalid')) listen(target, 'invalid', (e) => fire('invalid', true, e), {capture: true});
    if (kinds.has('visible') && typeof IntersectionObserver !== 'undefined') {
      const observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) fire('visible', entry.isIntersecting);
        },
        {threshold: 0.5}
      );
      observer.observe(target);
      this.cleanups.push(() => observer.disconnect());
    }
    if (kinds.has('idle') && idleMs > 0) this.watchIdle(idleMs, () => fire('idle', true));
    if (kinds.has('first-visit')) {
      // Fired once per connection; loops (once/times) decide whether that means "show".
      const id = requestAnimationFrame(() => fire('first-visit', true));
      this.cleanups.push(() => cancelAnimationFrame(id));
    }
  }

  /** The app may render the `for` target after us (frameworks do): attach when it appears. */
  private waitFor(forId: string): void {
    if (this.stopWatching || typeof MutationObserver === 'undefined') return;
    this.stopWatching = watchRoot(this.host.getRootNode(), () => {
      const now = resolveTarget(this.host, this.options.for());
      if (now && now !== this.target) this.attach();
    });
    clearTimeout(this.warnTimer);
    if (this.target) return;
    this.warnTimer = setTimeout(() => {
      if (!this.target) warnOnce(`for:${forId.slice(0, 40)}`, `no element with id ${preview(forId)} next to <${this.host.localName}>.`);
    }, 2000);
  }

  private stopWaiting(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    clearTimeout(this.warnTimer);
  }

  private watchIdle(ms: number, onIdle: () => void): void {
    let timer = setTimeout(onIdle, ms);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, ms);
    };
    for (const type of ACTIVITY) window.addEventListener(type, reset, {passive: true, capture: true});
    this.cleanups.push(() => {
      clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, reset, {capture: true});
    });
  }

  private detach(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.target = null;
  }
}
