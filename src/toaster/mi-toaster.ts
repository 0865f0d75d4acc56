import {adoptStyles, html, nothing, render, type PropertyValues} from 'lit';
import {MiElement} from '../base/mi-element.js';
import {baseStyles} from '../base/base.styles.js';
import {BusController} from '../controllers/bus-controller.js';
import {duration, preview, warnOnce} from '../core/warn.js';
import {book} from '../core/ticker.js';
import {MiDismissEvent, MiHideEvent, MiShowEvent} from '../events.js';
import {styles} from './mi-toaster.styles.js';
import {normalize, readingTime, seen, toasters, type Notice, type ToastHandle, type ToastOptions, type ToastPatch} from './notice.js';

/** Default strings; each is overridable as `toaster.<key>` through the `strings` attribute, a provider or configure({strings}). */
const STRINGS = {
  label: 'Notifications',
  dismiss: 'Dismiss notification: {message}',
  more: '+{count} more',
  fewer: 'Show fewer',
  summary: '{count} new notifications',
  showAll: 'Show all',
  empty: 'No notifications',
  success: 'Success',
  warning: 'Warning',
  error: 'Error',
};
/** Notices are gathered this long before they are announced; a burst of more than BURST is summarised. */
const GATHER_MS = 200;
const BURST = 3;
/** Time spent applying bus messages per task (ms); the rest waits for the next task. */
const SLICE_MS = 8;
let seq = 0;

/** The focused element, inside open shadow roots too. */
const deepActive = (): Element | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

/** The open modal dialog around a node, across open shadow roots. */
const modalOf = (n: Node | null | undefined): Element | undefined => {
  for (; n; n = n.parentNode ?? (n as ShadowRoot).host) if ((n as Element).matches?.('dialog:modal')) return n as Element;
  return undefined;
};

/**
 * @summary System-initiated notices ("toasts") from `toast()`, from the bus topic `toast` or from
 * `show()`: stacked in the top layer, above dialogs and popovers opened later.
 *
 * What is announced: each notice's text once, through the page's shared announcer (errors
 * assertively, the rest politely); an update with new text once more. More than three notices at
 * once, or several that arrived while the tab was hidden, are announced as one summary
 * ("5 new notifications. <newest>"). The notices are never a live region themselves. Focus never
 * moves on its own: Alt+T (`hotkey`) moves it to the newest notice, Esc or the hotkey moves it back.
 *
 * @csspart layer - The top-layer box that holds the region.
 * @csspart region - The labelled `<section>` holding the stack.
 * @csspart list - The `<ol>` of notices.
 * @csspart toast - One notice (`data-kind` says which kind).
 * @csspart icon - The kind's badge.
 * @csspart body - Message, description, action.
 * @csspart message - The message.
 * @csspart description - The description.
 * @csspart action - The action link or button.
 * @csspart close - The dismiss button.
 * @csspart more - The "+N more" button that reveals notices beyond `max`.
 * @csspart expand - A summary's "Show all" button, which puts its notices back on the stack.
 *
 * @cssprop [--mi-toaster-width=24rem] - Width of the stack.
 * @cssprop [--mi-toaster-warning=#c77700] - Colour of warnings.
 *
 * @fires {MiShowEvent} mi-show - A new notice was added.
 * @fires {MiHideEvent} mi-hide - A notice left (`reason`: `timeout`, `dismiss`, `api`, or `expand` for a summary that opened into its notices).
 * @fires {MiDismissEvent} mi-dismiss - The user closed a notice or used its action.
 */
export class MiToaster extends MiElement {
  static override styles = [baseStyles, styles];
  static override properties = {
    position: {reflect: true},
    max: {type: Number},
    minDuration: {attribute: 'min-duration', type: Number},
    hotkey: {},
    label: {},
  };

  /** Where the stack sits: `top|bottom` + `-` + `start|center|end`. */
  declare position: string;

  /** How many notices are visible at once; older ones wait behind a "+N more" button. */
  declare max: number;

  /** Shortest time a notice stays (ms). Reading time decides above it; a toast's `duration` replaces reading time. */
  declare minDuration: number;

  /** The key that moves focus to the newest notice and back, e.g. `Alt+T`, `Ctrl+Shift+N`, `F6`; empty: none. */
  declare hotkey: string;

  /** The region's accessible name (default: the `toaster.label` string, "Notifications"). */
  declare label: string;

  constructor() {
    super();
    this.position = 'bottom-end';
    this.max = 3;
    this.minDuration = 6000;
    this.hotkey = 'Alt+T';
    this.label = '';
    new BusController(this, {
      topics: () => this.listen.trim() || 'toast',
      onMessage: (detail) => {
        // Shown once per page: a toaster connected later does not replay it, and two toasters
        // listening to the same topic do not both show it.
        if (seen().has(detail as object)) return;
        if (detail !== null && typeof detail === 'object') seen().add(detail);
        // NOTE: a burst (1000 messages from a server) must not become one long task: messages are
        // applied in slices of at most 8 ms, one task each. The first slice runs right after the
        // emitting code (a microtask), so a single message is on screen in the next frame.
        if (this.#inbox.push(detail) === 1) queueMicrotask(this.#drain);
      },
    });
  }

  // NOTE: every internal member is #private: the minifier shortens those names (not public ones).
  /** Notices on the stack, oldest first (a summary holds its own). */
  #items: Notice[] = [];
  #byId = new Map<string, Notice>();
  /** Bus messages not applied yet. */
  #inbox: unknown[] = [];
  /** Notices whose text is still to be announced. */
  #queue = new Set<Notice>();
  /** Whether notices beyond `max` are shown. */
  #expanded = false;
  /** At a top position: the newest notice is on top. */
  #top = false;
  #gather?: ReturnType<typeof setTimeout>;
  /** Where focus was before the hotkey moved it here. */
  #returnTo?: HTMLElement;
  #hadFocus = false;
  /** The pointer is over the stack / focus is in it (tracked from events: `:hover` lags in Firefox). */
  #hovered = false;
  #focused = false;
  /** Something else entered the top layer since the last update. */
  #raise = false;
  /** Our own top-layer popover holding the stack: in our shadow root, or inside an open modal dialog. */
  #layer?: HTMLElement;
  /** Removes our document listeners on disconnect. */
  #listening?: AbortController;

  /** Shows a notice (or updates the one with the same `id`) and returns its handle; `toast()` calls this. */
  show(message: string, options?: ToastOptions): ToastHandle {
    const id = this.#patch(options, {message})?.id ?? '';
    return {id, update: (patch) => this.#byId.has(id) && this.#patch(patch, {id}), dismiss: () => this.dismiss(id)};
  }

  /** Dismisses the notice with this id, or every notice. */
  dismiss(id?: string): void {
    for (const n of id === undefined ? [...this.#items] : [this.#find(id)]) if (n) this.#drop(n, 'api');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    toasters().push(this);
    const signal = (this.#listening = new AbortController()).signal;
    // `toggle`: a popover or modal dialog opened (or closed) after us, see updated(). It does not
    // leave a shadow root: a dialog or popover opened inside a component is found after the
    // focus move or click that comes with it (both composed events).
    for (const [type, listener] of [
      ['keydown', this.#key],
      ['visibilitychange', this.#visibility],
      ['toggle', this.#toggle],
      ['focusin', this.#probe],
      ['click', this.#probe],
    ] as const)
      document.addEventListener(type, listener as EventListener, {signal, capture: true});
    if (this.#queue.size) this.#gather = setTimeout(this.#flush, GATHER_MS);
    // Moved in the DOM: render again so the layer (removed on disconnect) and its timers come back.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    const list = toasters();
    list.splice(list.indexOf(this), 1);
    this.#listening?.abort();
    clearTimeout(this.#gather);
    this.#gather = undefined;
    this.#layer?.remove();
    this.#sync();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.max = Math.floor(duration(this.max, 3, '<mi-toaster>', 'max', 1));
    this.minDuration = duration(this.minDuration, 6000, '<mi-toaster>', 'min-duration');
    if (this.#items.length <= this.max) this.#expanded = false;
    this.#hadFocus = !!this.#layer?.matches(':focus-within');
  }

  // NOTE: the stack is rendered from data into a layer of our own, not into render(): a modal
  // dialog makes everything outside it inert (even a top-layer popover), so while one is open the
  // layer moves into it, as the shared announcer's regions do. No node of the page is ever moved.
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    let layer = this.#layer;
    if (!layer) {
      layer = this.#layer = document.createElement('div');
      layer.setAttribute('part', 'layer');
      layer.setAttribute('data-mi-toaster', '');
      layer.popover = 'manual';
      adoptStyles(layer.attachShadow({mode: 'open'}), MiToaster.elementStyles);
    }
    const open = this.#items.length > 0 && this.isConnected;
    // An emptied stack leaves no pointer or focus behind (no leave event comes from removed nodes).
    if (!open) this.#hovered = this.#focused = false;
    const home = (open && this.#modal()) || this.renderRoot;
    if (open && layer.parentNode !== home) home.append(layer);
    // Its `close` does not leave a shadow root either: listen on the dialog itself.
    if (home !== this.renderRoot) home.addEventListener('close', this.#toggle, {signal: this.#listening?.signal});
    render(this.#stack(), layer.shadowRoot!, {host: this});
    try {
      // Re-entering the top layer puts us above whatever opened since.
      if (this.#raise || open !== layer.matches(':popover-open')) {
        layer.hidePopover();
        if (open) layer.showPopover();
      }
    } catch {
      /* not in a document, or no popover support: the stack is still fixed in place */
    }
    const ol = layer.shadowRoot!.querySelector('ol');
    const want = this.#visible();
    if (ol) {
      for (const n of want) {
        // NOTE: `part` takes a string (it forwards to part.value).
        n.el ??= Object.assign(document.createElement('li'), {tabIndex: -1, part: 'toast' as unknown as DOMTokenList});
        n.el.dataset.kind = n.kind;
        render(this.#notice(n), n.el, {host: this});
      }
      // Of the notices entering together, the newest BURST slide in: a burst does not animate a
      // thousand nodes (each one costs style and paint in the same frame).
      let entering = 0;
      for (let i = want.length; i--; ) if (want[i].el!.parentNode !== ol) want[i].el!.className = ++entering > BURST ? '' : 'in';
      // Keyed by notice, moving as little as possible: a focused notice keeps its node (and focus).
      const ordered = this.#top ? [...want].reverse() : want;
      const keep = new Set(ordered.map((n) => n.el));
      for (const li of [...ol.children]) if (!keep.has(li as HTMLLIElement)) li.remove();
      ordered.forEach((n, i) => ol.children[i] !== n.el && ol.insertBefore(n.el!, ol.children[i] ?? null));
    }
    // Focus never comes here on its own, but a notice that leaves must not drop it on <body>.
    const target = want.at(-1)?.el ?? this.#returnTo;
    if (this.#hadFocus && !layer.matches(':focus-within')) queueMicrotask(() => target?.focus());
    this.#raise = false;
    this.#sync();
  }

  /**
   * The topmost open modal dialog, in the document or an open shadow root: the one that holds
   * focus (everything outside the topmost one is inert), else the one our layer is in, else the
   * document's last.
   */
  #modal(): Element | undefined {
    return modalOf(deepActive()) ?? modalOf(this.#layer?.parentNode) ?? [...document.querySelectorAll('dialog:modal')].at(-1);
  }

  #visible(): Notice[] {
    return this.#expanded ? this.#items : this.#items.slice(-this.max);
  }

  #t(key: keyof typeof STRINGS, values?: Record<string, string | number>): string {
    return this.text(`toaster.${key}`, STRINGS[key], values);
  }

  #stack() {
    if (!this.#items.length) return nothing;
    let position = String(this.position);
    if (!/^(top|bottom)-(start|center|end)$/.test(position)) {
      warnOnce('toaster-position', `<mi-toaster> used bottom-end for position ${preview(position)}.`);
      position = 'bottom-end';
    }
    const [v, h] = position.split('-');
    this.#top = v === 'top';
    const hidden = this.#items.length - this.max;
    const more =
      hidden > 0
        ? html`<button part="more" aria-expanded=${this.#expanded} @click=${this.#more}>${this.#expanded ? this.#t('fewer') : this.#t('more', {count: hidden})}</button>`
        : nothing;
    // NOTE: a labelled region (a landmark users can jump to), never a live region: the text reaches
    // screen readers once, through the shared announcer.
    return html`<section part="region" class="${v} ${h} ${this.reducedMotion ? 'reduce' : ''} ${this.#expanded ? 'expanded' : ''}" aria-label=${this.label || this.#t('label')} @pointerenter=${this.#activity} @pointerleave=${this.#activity} @focusin=${this.#activity} @focusout=${this.#activity}>${this.#top ? nothing : more}<ol part="list"></ol>${this.#top ? more : nothing}</section>`;
  }

  /** One notice's content (its `<li>` is ours, one per notice). */
  #notice(n: Notice) {
    const {kind, action, message, description, group} = n;
    const label = kind === 'info' || kind === 'pending' ? '' : this.#t(kind);
    const act = () => {
      action?.onClick?.();
      this.#drop(n, 'dismiss');
    };
    return html`<span part="icon" aria-hidden="true"></span><div part="body">${label ? html`<span class="visually-hidden">${label}:</span>` : nothing}<p part="message">${message}</p>${description ? html`<p part="description">${description}</p>` : nothing}${action?.href ? html`<a part="action" href=${action.href} @click=${act}>${action.label}</a>` : action ? html`<button part="action" @click=${act}>${action.label}</button>` : nothing}${group ? html`<button part="expand" @click=${() => this.#unfold(n, true)}>${this.#t('showAll')}</button>` : nothing}</div><button part="close" aria-label=${this.#t('dismiss', {message})} @click=${() => this.#drop(n, 'dismiss')}></button>`;
  }

  /** The text announced for a notice: message, then description. */
  #spoken({message, description}: Notice): string {
    return description ? `${message}${/[.!?…:]$/.test(message) ? '' : '.'} ${description}` : message;
  }

  /** Validates app input (never thrown back at the app, even from hostile getters) and applies it. */
  #patch(raw: unknown, extra: object): Notice | undefined {
    try {
      return this.#apply(normalize({...(raw as object), ...extra}, true));
    } catch {
      warnOnce('toast-options', 'toast: ignored options it could not read.');
      return undefined;
    }
  }

  /** Adds or updates a notice from a validated patch. */
  #apply(patch: ToastPatch & {group?: Notice[]}): Notice | undefined {
    const items = this.#items;
    let n = this.#find(patch.id);
    if (patch.dismiss) {
      if (n) this.#drop(n, 'api');
      return undefined;
    }
    if (!n) {
      if (!patch.message) {
        warnOnce('toast-message', 'toast: ignored a notice without a message.');
        return undefined;
      }
      n = {id: `mi-toast-${++seq}`, message: '', kind: 'info', left: 0, end: 0};
      items.push(n);
      this.dispatchEvent(new MiShowEvent());
    } else if (!this.#visible().includes(n)) {
      // An update to a notice waiting behind "+N more" brings it forward.
      items.splice(items.indexOf(n), 1);
      items.push(n);
    }
    Object.assign(n, patch);
    this.#byId.set(n.id, n);
    // Errors, pending work, notices with an action (and summaries holding one) stay until dismissed.
    const d = n.duration;
    n.left =
      n.kind === 'error' || n.kind === 'pending' || n.action || n.group?.some((c) => c.left === Infinity) || (d !== undefined && (d <= 0 || d === Infinity))
        ? Infinity
        : Math.max(this.minDuration, d ?? readingTime(this.#spoken(n)));
    n.end = 0;
    n.away = document.visibilityState === 'hidden';
    this.#queue.add(n);
    this.#gather ??= setTimeout(this.#flush, GATHER_MS);
    this.requestUpdate();
    return n;
  }

  /** The notice with this id; one inside a summary comes out (the summary opens) to be updated or dismissed. */
  #find(id?: string): Notice | undefined {
    const n = id === undefined ? undefined : this.#byId.get(id);
    const summary = n && this.#items.find((s) => s.group?.includes(n));
    if (summary) this.#unfold(summary);
    return n;
  }

  #drop(n: Notice, reason: string): void {
    const index = this.#items.indexOf(n);
    if (index < 0) return;
    this.#items.splice(index, 1);
    for (const x of [n, ...(n.group ?? [])]) {
      this.#byId.delete(x.id);
      this.#queue.delete(x);
    }
    if (reason === 'dismiss') this.dispatchEvent(new MiDismissEvent());
    this.dispatchEvent(new MiHideEvent(reason));
    this.requestUpdate();
  }

  /**
   * A summary's notices take its place on the stack: all shown for "Show all" (`all`); for an
   * update or dismissal of one of them by id, within `max` as usual (no list opens by itself).
   */
  #unfold(summary: Notice, all = false): void {
    this.#items.splice(this.#items.indexOf(summary), 1, ...summary.group!);
    this.#byId.delete(summary.id);
    if (all) this.#expanded = true;
    // The summary leaves (its notices stay): every mi-show has its mi-hide.
    this.dispatchEvent(new MiHideEvent('expand'));
    this.requestUpdate();
  }

  /** Announces what is due, once per text; a burst becomes one summary. */
  #flush = (): void => {
    clearTimeout(this.#gather);
    this.#gather = undefined;
    // Announced when the burst has been applied; summarised on return when the tab is hidden.
    if (this.#inbox.length) this.#gather = setTimeout(this.#flush, GATHER_MS);
    if (this.#inbox.length || document.visibilityState === 'hidden') return;
    const due = [...this.#queue].filter((n) => this.#spoken(n) !== n.said);
    this.#queue.clear();
    for (const n of due) n.said = this.#spoken(n);
    const politeness = (error: boolean) => (error ? 'assertive' : 'polite');
    if (due.length > BURST) this.say(`${this.#t('summary', {count: due.length})}. ${due.at(-1)!.said}`, politeness(due.some((n) => n.kind === 'error')));
    else for (const n of due) this.say(n.said!, politeness(n.kind === 'error'));
    if (due.length) this.cue();
  };

  /** Applies queued bus messages for at most SLICE_MS, then yields to the page. */
  #drain = (): void => {
    const end = performance.now() + SLICE_MS;
    while (this.#inbox.length && performance.now() < end) {
      const detail = this.#inbox.shift();
      try {
        this.#apply(normalize(detail, false));
      } catch {
        warnOnce('toast-bus', 'toast: ignored a bus message it could not read.');
      }
    }
    if (this.#inbox.length) setTimeout(this.#drain);
  };

  /** Drops expired notices and runs the timers of visible ones unless paused (hover, focus inside, hidden tab, disconnected). */
  #sync = (): void => {
    const now = performance.now();
    for (const n of [...this.#items]) if (n.end && n.end <= now + 1) this.#drop(n, 'timeout');
    const paused = !this.isConnected || document.visibilityState === 'hidden' || this.#hovered || (this.#focused && !!this.#layer?.matches(':focus-within'));
    this.toggleState('paused', paused);
    const shown = new Set(this.#visible());
    let next = Infinity;
    for (const n of this.#items) {
      if (n.left === Infinity) continue;
      if (paused || !shown.has(n)) {
        if (n.end) [n.left, n.end] = [n.end - now, 0];
      } else {
        n.end ||= now + n.left;
        next = Math.min(next, n.end);
      }
    }
    // The next notice to expire wakes us (one timer for the page; Infinity: nothing to wait for).
    book(this.#sync, next);
  };

  #activity = (event: Event): void => {
    const {type} = event;
    if (type.startsWith('pointer')) this.#hovered = type === 'pointerenter';
    // Focus moving within the stack stays "in"; to anywhere else (or nowhere) is "out".
    else this.#focused = type === 'focusin' || !!this.#layer?.shadowRoot?.contains((event as FocusEvent).relatedTarget as Node | null);
    this.#sync();
  };

  #more = (): void => {
    this.#expanded = !this.#expanded;
    this.requestUpdate();
  };

  #visibility = (): void => {
    if (document.visibilityState !== 'hidden') {
      // NOTE: several notices that came while the tab was hidden become one summary, not a flood.
      const away = this.#items.filter((n) => n.away);
      for (const n of away) n.away = false;
      if (away.length > 1) {
        this.#items = this.#items.filter((n) => !away.includes(n));
        for (const n of away) this.#queue.delete(n);
        // It takes the most serious kind inside it, and stays while anything inside must stay.
        this.#apply({
          message: this.#t('summary', {count: away.length}),
          description: away.at(-1)!.message,
          kind: (['error', 'warning'] as const).find((k) => away.some((n) => n.kind === k)) ?? 'info',
          group: away,
        });
      }
      this.#flush();
    }
    this.requestUpdate();
  };

  #toggle = (event: Event): void => {
    if ((event.target as Element).hasAttribute('data-mi-toaster')) return;
    this.#raise ||= (event as ToggleEvent).newState === 'open';
    this.requestUpdate();
  };

  /**
   * After a focus move or a click (once the page has handled it): when a modal dialog opened or
   * closed, or something now covers the newest notice (a popover in a shadow root), move or
   * re-enter the top layer.
   */
  #probe = (): void => {
    setTimeout(() => {
      const li = this.#visible().at(-1)?.el;
      const layer = this.#layer;
      if (!li?.isConnected || !layer) return;
      const r = li.getBoundingClientRect();
      const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
      // The topmost element there, down through open shadow roots (a shadow root's own
      // elementFromPoint answers only for its tree in Firefox: asked of each topmost host in turn).
      let hit = document.elementFromPoint(x, y);
      for (let inner; (inner = hit?.shadowRoot?.elementFromPoint(x, y)) && inner !== hit; ) hit = inner;
      // Covered means something else is there: not our own layer (a notice scrolled under
      // another, or off-screen in a long expanded list, is not a reason to re-enter the top layer).
      const covered = x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight && !!hit && hit !== layer && !layer.shadowRoot?.contains(hit);
      if ((this.#modal() ?? this.renderRoot) !== layer.parentNode || covered) {
        this.#raise = true;
        this.requestUpdate();
      }
    });
  };

  #key = (event: KeyboardEvent): void => {
    const inside = !!this.#layer?.matches(':focus-within');
    // `Alt+T`, `ctrl+shift+n`, `F6`: the same modifiers exactly; the key compared by its code
    // (the physical key: Alt changes the character on macOS).
    const combo = (keys: string[]) => keys.map((k) => k.trim().toLowerCase()).sort().join();
    const hotkey =
      !!this.hotkey &&
      combo(String(this.hotkey).split('+')) === combo([...['alt', 'ctrl', 'shift', 'meta'].filter((m) => (event as unknown as Record<string, boolean>)[`${m}Key`]), event.code.replace(/^Key|^Digit/, '')]);
    if (!hotkey && !(inside && event.key === 'Escape')) return;
    if (inside) {
      if (!this.#returnTo?.isConnected) return;
      this.#returnTo.focus();
    } else {
      this.#returnTo = deepActive() as HTMLElement;
      const newest = this.#visible().at(-1)?.el;
      if (newest) newest.focus();
      else this.say(this.#t('empty'));
    }
    // Esc inside a modal dialog would also close it: it was ours.
    event.preventDefault();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mi-toaster': MiToaster;
  }
}
