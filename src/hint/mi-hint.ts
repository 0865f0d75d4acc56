import {html, nothing, type PropertyValues} from 'lit';
import {MiElement} from '../base/mi-element.js';
import {baseStyles} from '../base/base.styles.js';
import {BusController, MAX_TEXT, applyPatch} from '../controllers/bus-controller.js';
import {LoopController} from '../controllers/loop-controller.js';
import {TriggerController, resolveTarget, type Trigger, type TriggerKind} from '../controllers/trigger-controller.js';
import {formatter} from '../core/intl.js';
import {preview, warnOnce} from '../core/warn.js';
import {MiDismissEvent, MiHideEvent, MiShowEvent} from '../events.js';
import {styles} from './mi-hint.styles.js';

export type HintVariant = 'tooltip' | 'inline' | 'coach';
export type HintCue = 'swipe-left' | 'swipe-right' | 'scroll' | 'tap';

const VARIANTS: readonly string[] = ['tooltip', 'inline', 'coach'];
/** Each cue's default text; its arrow is drawn by the styles. */
const CUES: Record<HintCue, string> = {
  'swipe-left': 'Swipe left for more',
  'swipe-right': 'Swipe right for more',
  scroll: 'Scroll for more',
  tap: 'Tap here',
};
const TRIGGERS: readonly TriggerKind[] = ['click', 'focus', 'hover', 'input', 'invalid', 'visible', 'idle', 'first-visit'];
/** Reasons for which the user is already on the target and hears the hint as its description. */
const ON_TARGET = ['focus', 'hover', 'tap', 'click', 'input', 'invalid'];
/** Pointer grace: time to cross the gap from the target onto the tooltip (WCAG 1.4.13 hoverable). */
const GRACE_MS = 150;

/** The focused element, looking into shadow roots. */
function deepActive(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el as HTMLElement | null;
}

/**
 * @summary Guidance at the right moment: a tooltip, an inline hint, a coach mark or a gesture
 * cue next to a control, that remembers how often it was shown and whether it was dismissed.
 *
 * The hint is the target's accessible description (an element reference to a hidden copy of
 * the text in this element's light DOM, so it works across shadow roots): present while the
 * hint is relevant — always for focus/hover hints that may still show, otherwise while shown.
 * A hint that opens while the user is elsewhere (idle, first visit, bus, `show()`) is announced
 * politely once; one shown on focus, hover, tap, click, input or invalid is not (the description
 * is read with the control). Coach marks take focus instead of being announced.
 *
 * @slot - The target control, when `for` is not used.
 * @csspart hint - The box of every variant (also named `tooltip`, `inline` or `coach`).
 * @csspart tooltip - The floating box (top layer).
 * @csspart inline - The in-flow box under the field.
 * @csspart coach - The coach-mark callout (non-modal dialog).
 * @csspart text - The hint text.
 * @csspart heading - The coach mark's title.
 * @csspart step - "Step k of n".
 * @csspart dismiss - The "Got it" button.
 * @csspart cue - The gesture arrow.
 * @cssprop [--mi-hint-gap=8px] - Distance from the target and from the viewport edges.
 * @cssprop [--mi-hint-max-width=40ch] - Widest box (36ch for coach marks).
 * @fires {MiShowEvent} mi-show - It became visible.
 * @fires {MiHideEvent} mi-hide - It was hidden; `reason` says why (`blur`, `leave`, `escape`, `dismiss`, `outside`, `valid`, `gesture`, `tap`, `click`, `bus`, `method`).
 * @fires {MiDismissEvent} mi-dismiss - The user dismissed it on purpose (Esc, "Got it", doing the cued gesture); remembered with `once`.
 */
export class MiHint extends MiElement {
  static override styles = [baseStyles, styles];
  static override properties = {
    htmlFor: {attribute: 'for'},
    trigger: {},
    variant: {reflect: true},
    gesture: {attribute: 'cue', reflect: true},
    content: {},
    heading: {},
    once: {},
    times: {type: Number},
    snooze: {type: Number},
    step: {type: Number},
    steps: {type: Number},
    next: {},
    open: {type: Boolean, reflect: true},
    dismissText: {attribute: 'dismiss-text'},
    stepText: {attribute: 'step-text'},
  };

  /** Id of the target in the same root; empty: the first slotted element. */
  declare htmlFor: string;

  /** What shows it: `focus hover click input invalid visible idle:N first-visit` (coach marks ignore focus and hover). */
  declare trigger: string;

  /** `tooltip` (floating), `inline` (in flow, under the field) or `coach` (callout with "Got it"). */
  declare variant: HintVariant;

  /** Attribute `cue`: an animated gesture cue with its text, `swipe-left`, `swipe-right`, `scroll` or `tap`. */
  // NOTE: the property is `gesture` because MiElement's `cue()` plays sound/haptic cues.
  declare gesture: HintCue | '';

  /** The hint text (plain text). Empty with a `cue`: the cue's default text. */
  declare content: string;

  /** The coach mark's title. */
  declare heading: string;

  /** Loop key: show at most once under this key (a new key, e.g. `tour-v2`, shows it again). */
  declare once: string;

  /** With `once`: show at most this many times. */
  declare times: number | null;

  /** With `once`: a dismissal hides it for this many days, then it may show again. */
  declare snooze: number | null;

  /** Coach marks: this step's number, shown as "Step k of n" with `steps`. */
  declare step: number | null;

  /** Coach marks: the number of steps in the tour. */
  declare steps: number | null;

  /** Id of the hint to show after "Got it" (a tour); a first visit skips steps already done. */
  declare next: string;

  /** Whether it is showing. Setting it directly bypasses loops and fires no events; use `show()`. */
  declare open: boolean;

  /** Overrides the "Got it" label. */
  declare dismissText: string;

  /** Overrides "Step {step} of {steps}". */
  declare stepText: string;

  constructor() {
    super();
    this.htmlFor = '';
    this.trigger = 'focus hover';
    this.variant = 'tooltip';
    this.gesture = '';
    this.content = '';
    this.heading = '';
    this.once = '';
    this.times = null;
    this.snooze = null;
    this.step = null;
    this.steps = null;
    this.next = '';
    this.open = false;
    this.dismissText = '';
    this.stepText = '';
  }

  private reason = '';
  private focused = false;
  private hovered = false;
  private overTip = false;
  private grace?: ReturnType<typeof setTimeout>;
  /** A coach mark or inline hint that was showing when the element left: it shows again when it is back. */
  private resume = false;
  /** Shown again after a move: focus goes back into it only if the move lost it. */
  private resumed = false;
  private previousFocus: HTMLElement | null = null;
  /** Listeners that live while it is open. */
  private session?: AbortController;
  /** The hidden light-DOM copy of the text that the target's description points at. */
  private describer?: HTMLElement;
  private described: {target: Element; attr: string | null; count: number} | null = null;

  private readonly triggers = new TriggerController(this, {
    triggers: () => this.trigger,
    for: () => this.htmlFor,
    onTrigger: (t) => this.handleTrigger(t),
    allowed: TRIGGERS,
  });

  private readonly loops = new LoopController(this, () =>
    // NOTE: without `times`, a coach mark's `once` (and any `once` + `snooze`) counts dismissals,
    // not showings: a tour step the user never acknowledged comes back; a snooze can expire.
    !this.times && (this.snooze || this.kind === 'coach')
      ? {key: this.once, snooze: this.snooze}
      : {once: this.once, times: this.times, snooze: this.snooze}
  );

  protected readonly busController = new BusController(this, {
    topics: () => this.listen,
    onMessage: (detail) => this.handleMessage(detail),
  });

  /** Shows it if loops allow; returns whether it is showing. */
  show(): boolean {
    return this.reveal('method');
  }

  /** Hides it (not remembered as a dismissal). */
  hide(): void {
    this.conceal('method');
  }

  /** Hides it as the user's deliberate dismissal: remembered under `once`, then `next` shows. */
  dismiss(): void {
    this.finish('dismiss');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.describer ??= document.createElement('span');
    this.describer.hidden = true;
    this.append(this.describer);
    // NOTE: frameworks move elements (a keyed list re-ordered): a coach mark or inline hint the
    // user has not dismissed comes back with it. A tooltip belongs to focus/hover, which the move ended.
    if (this.resume) this.open = this.resumed = true;
    this.resume = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
    clearTimeout(this.grace);
    this.describe(null);
    this.describer?.remove();
    this.resume = this.open && this.kind !== 'tooltip';
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('variant') && !VARIANTS.includes(this.variant)) {
      warnOnce(`hint-variant:${preview(this.variant)}`, `<mi-hint> variant ${preview(this.variant)} is unknown; used "tooltip".`);
    }
    if (changed.has('gesture') && this.gesture && !this.cueSpec) {
      warnOnce(`hint-cue:${preview(this.gesture)}`, `<mi-hint> cue ${preview(this.gesture)} is unknown (use ${Object.keys(CUES).join(', ')}).`);
    }
    for (const name of ['times', 'snooze', 'step', 'steps'] as const) {
      const value = this[name];
      if (changed.has(name) && value !== null && !(value > 0 && value < 1e9)) {
        warnOnce(`hint-${name}`, `<mi-hint> ${name} needs a positive number, not ${preview(value)}; ignored.`);
        this[name] = null;
      }
    }
    // NOTE: written only when it changed: a text node replaced on every update costs each hint
    // a DOM mutation (and the accessibility tree an update) for nothing.
    const message = this.message;
    if (this.describer && this.describer.textContent !== message) this.describer.textContent = message;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const target = this.target;
    const pop = this.renderRoot.querySelector<HTMLElement>('[popover]');
    // Browsers without the popover API show the hint in flow instead of throwing on every update.
    const toggle = pop && 'showPopover' in pop && this.open !== pop.matches(':popover-open');
    if (this.open) {
      // NOTE: what placing and listening cost is paid when it shows, not by every closed hint.
      // CSS anchor positioning through the popover's implicit anchor (its `source`, an HTML
      // element); otherwise (SVG targets, older browsers) a small script places it.
      const anchors = target instanceof HTMLElement && CSS.supports('position-area', 'top');
      this.toggleState('anchored', anchors);
      if (toggle) (pop.showPopover as (options?: {source?: Element}) => void)({source: anchors ? target : undefined});
      if (!this.session) this.start(pop, target, anchors);
    } else {
      if (toggle) pop.hidePopover();
      this.stop();
    }
    if (this.open && changed.has('open') && this.kind === 'coach') {
      const active = deepActive();
      if (!this.resumed || !active || active === document.body) this.renderRoot.querySelector<HTMLElement>('[part=dismiss]')?.focus();
    }
    this.resumed = false;
    // NOTE: described while relevant: focus/hover hints from the start (so the description is
    // read together with the control on focus), others only while they show.
    const relevant =
      this.open || (this.kind !== 'coach' && /\b(focus|hover)\b/.test(this.trigger) && !!this.message && this.loops.allowed());
    this.describe(relevant ? target : null);
  }

  override render() {
    const kind = this.kind;
    const cue = this.cueSpec ? html`<span part="cue" aria-hidden="true"></span>` : nothing;
    // NOTE: the tooltip, what most hints are, is one template (the slot and the text inlined):
    // each nested template is one more clone per hint.
    if (kind === 'tooltip') {
      return html`<slot @slotchange=${this.handleSlotChange}></slot
        ><div popover="manual" part="hint tooltip" role="tooltip">${cue}<span part="text" id="body">${this.message}</span></div>`;
    }
    const body = html`${cue}<span part="text" id="body">${this.message}</span>`;
    const slot = html`<slot @slotchange=${this.handleSlotChange}></slot>`;
    if (kind === 'inline') return html`${slot}<div part="hint inline" ?hidden=${!this.open}>${body}</div>`;
    const {step, steps} = this;
    const numbers = formatter('NumberFormat', this.locale);
    return html`${slot}<div
        popover="manual"
        part="hint coach"
        role="dialog"
        tabindex="-1"
        aria-labelledby=${this.heading ? 'heading' : 'body'}
        aria-describedby=${this.heading ? 'body' : nothing}
      >
        ${step && steps && step <= steps
          ? html`<span part="step"
              >${this.stepText ||
              this.text('hint.step', 'Step {step} of {steps}', {step: numbers.format(step), steps: numbers.format(steps)})}</span
            >`
          : nothing}
        ${this.heading ? html`<span part="heading" id="heading">${this.heading.slice(0, MAX_TEXT)}</span>` : nothing} ${body}
        <button part="dismiss" @click=${this.handleGotIt}>${this.dismissText || this.text('hint.dismiss', 'Got it')}</button>
      </div>`;
  }

  /** The variant in force (unknown values fall back to `tooltip`). */
  private get kind(): HintVariant {
    return VARIANTS.includes(this.variant) ? this.variant : 'tooltip';
  }

  /** The default text of the cue, if it is a known one. */
  private get cueSpec(): string | undefined {
    return Object.hasOwn(CUES, this.gesture) ? CUES[this.gesture as HintCue] : undefined;
  }

  /** The text shown and used as the description. */
  private get message(): string {
    const cue = this.cueSpec;
    return (this.content || (cue ? this.text(`hint.${this.gesture}`, cue) : '')).slice(0, MAX_TEXT);
  }

  /** The target element (never our own description element). */
  private get target(): Element | null {
    const target = this.triggers.target;
    return target === this.describer ? null : target;
  }

  private reveal(reason: string, hops = 0): boolean {
    if (this.open) return true;
    if (!this.isConnected || !(this.message || this.heading)) return false;
    if (!this.loops.allowed()) {
      // A tour on a later visit: this step is done, so the next one takes its place.
      if (reason === 'first-visit' || reason === 'next') this.advance(hops);
      return false;
    }
    this.reason = reason;
    if (this.kind === 'coach') this.previousFocus = deepActive();
    this.open = true;
    this.loops.shown();
    if (this.kind !== 'coach' && !ON_TARGET.includes(reason)) this.say(this.message);
    this.cue();
    this.dispatchEvent(new MiShowEvent());
    return true;
  }

  private conceal(reason: string): void {
    // Closed while away (by the app, or a bus message applied on reconnect): it does not come back.
    this.resume = false;
    if (!this.open) return;
    clearTimeout(this.grace);
    this.hovered = this.overTip = false;
    if (this.kind === 'coach') {
      // Focus goes back where it was (or to the target after a first-visit tour step), before
      // the next step saves where focus is.
      const active = deepActive();
      if (!active || active === document.body || this.shadowRoot?.contains(active)) {
        const back = this.previousFocus && this.previousFocus !== document.body ? this.previousFocus : this.target;
        (back as HTMLElement | null)?.focus?.();
      }
      this.previousFocus = null;
    }
    this.open = false;
    this.dispatchEvent(new MiHideEvent(reason));
  }

  /** A deliberate dismissal: remembered, announced to listeners, then the tour goes on. */
  private finish(reason: string): void {
    this.resume = false;
    if (!this.open) return;
    this.loops.dismissed();
    this.dispatchEvent(new MiDismissEvent());
    this.conceal(reason);
    if (reason === 'dismiss') this.advance(0);
  }

  private advance(hops: number): void {
    const next = this.next && hops < 20 ? resolveTarget(this, this.next) : null;
    if (next instanceof MiHint) next.reveal('next', hops + 1);
  }

  /** Hides a focus/hover hint once neither the focus nor the pointer is on it any more. */
  private settle(blur: boolean): void {
    const r = this.reason;
    const transient = r === 'focus' || r === 'hover' || (blur && (r === 'tap' || r === 'click' || r === 'input'));
    if (transient && !this.focused && !this.hovered && !this.overTip) this.conceal(blur ? 'blur' : 'leave');
  }

  private later(): void {
    clearTimeout(this.grace);
    this.grace = setTimeout(() => this.settle(false), GRACE_MS);
  }

  /** Listeners for the time it is open. */
  private start(pop: HTMLElement | null, target: Element | null, anchors: boolean): void {
    const session = (this.session = new AbortController());
    const on = (node: EventTarget, type: string, fn: (e: Event) => void, capture = false) =>
      node.addEventListener(type, fn, {signal: session.signal, capture, passive: type === 'scroll'});
    const kind = this.kind;
    if (kind !== 'inline') on(document, 'keydown', this.handleKeydown);
    if (kind === 'tooltip') {
      on(document, 'pointerdown', (e) => {
        const path = e.composedPath();
        if (!path.includes(this) && !(target && path.includes(target))) this.conceal('outside');
      });
      // The pointer may cross onto the tooltip (WCAG 1.4.13 hoverable).
      if (pop) for (const type of ['pointerenter', 'pointerleave']) on(pop, type, this.handlePointer);
    }
    if (target && this.reason === 'invalid') {
      on(target, 'input', () => (target as HTMLInputElement).validity?.valid && this.conceal('valid'));
    }
    if (target && this.cueSpec) {
      // Doing the gesture is the best dismissal there is.
      for (const type of ['scroll', 'pointerdown']) on(target, type, () => this.finish('gesture'), true);
    }
    if (pop && target && !anchors) {
      // NOTE: fallback for browsers without CSS anchor positioning: above (or below) the
      // target, kept inside the viewport, re-placed on scroll and resize.
      const place = () => {
        pop.style.setProperty('inset', '0 auto auto 0');
        const a = target.getBoundingClientRect();
        const p = pop.getBoundingClientRect();
        const gap = 8;
        const maxX = document.documentElement.clientWidth - p.width - gap;
        const maxY = document.documentElement.clientHeight - p.height - gap;
        let top = a.top - p.height - gap;
        if (top < gap) top = a.bottom + gap;
        const left = Math.max(gap, Math.min(a.left + (a.width - p.width) / 2, maxX));
        pop.style.setProperty('inset', `${Math.max(gap, Math.min(top, maxY))}px auto auto ${left}px`);
      };
      place();
      on(window, 'scroll', place, true);
      on(window, 'resize', place);
    }
  }

  private stop(): void {
    this.session?.abort();
    this.session = undefined;
  }

  /**
   * Adds the hint text to the target's description (after what it had), and takes only that
   * away again: the page's own `aria-describedby` comes back as it was, other hints stay.
   */
  private describe(target: Element | null): void {
    const old = this.described;
    if (old?.target === target) return;
    if (old) {
      const rest = (old.target.ariaDescribedByElements ?? []).filter((e) => e !== this.describer);
      if (old.attr && rest.length === old.count) old.target.setAttribute('aria-describedby', old.attr);
      else old.target.ariaDescribedByElements = rest.length ? rest : null;
    }
    this.described = null;
    if (!target || !this.describer) return;
    const before = target.ariaDescribedByElements ?? [];
    this.described = {target, attr: target.getAttribute('aria-describedby'), count: before.length};
    target.ariaDescribedByElements = [...before, this.describer];
  }

  private handleTrigger({kind, active, event}: Trigger): void {
    if (this.kind === 'coach' && (kind === 'focus' || kind === 'hover')) return;
    if (kind === 'hover') {
      // NOTE: the pointer event says which pointer acted; `(hover: none)` only describes the
      // primary one (and headless browsers report it for a mouse), so it is not consulted.
      if ((event as PointerEvent | undefined)?.pointerType === 'touch') {
        // NOTE: a tap toggles; nothing is prevented, so the control still gets its own tap,
        // focus and click. (Touch pointers "leave" on every lift: that is not a hover end.)
        if (active && !/\bclick\b/.test(this.trigger)) {
          if (this.open) this.conceal('tap');
          else this.reveal('tap');
        }
        return;
      }
      this.hovered = active;
      if (active) this.reveal('hover');
      else this.later();
    } else if (kind === 'focus') {
      this.focused = active;
      if (active) this.reveal('focus');
      else this.settle(true);
    } else if (kind === 'click') {
      if (this.open) this.conceal('click');
      else this.reveal('click');
    } else if (active) this.reveal(kind);
  }

  private handleMessage(detail: unknown): void {
    const patch: {open?: boolean; content?: string; text?: string; heading?: string; step?: number; steps?: number} = {};
    applyPatch(patch, detail, {open: 'boolean', content: 'string', text: 'string', heading: 'string', step: 'number', steps: 'number'}, 'mi-hint');
    const {open, text, ...rest} = patch;
    Object.assign(this, rest, text === undefined ? {} : {content: text});
    if (open === true) this.reveal('bus');
    else if (open === false) this.conceal('bus');
  }

  private readonly handleKeydown = (e: Event) => {
    // Esc already handled by the page (a listbox closing, another hint) is left alone.
    if ((e as KeyboardEvent).key !== 'Escape' || e.defaultPrevented || !this.open) return;
    // NOTE: Esc closes the hint, not the dialog around it.
    e.preventDefault();
    this.finish('escape');
  };

  private readonly handlePointer = (e: Event) => {
    this.overTip = e.type === 'pointerenter';
    if (this.overTip) clearTimeout(this.grace);
    else this.later();
  };

  private readonly handleGotIt = () => this.dismiss();

  /** A framework may render (or replace) the slotted target after us: keep it first, our text last. */
  private readonly handleSlotChange = () => {
    const d = this.describer;
    if (d && (d.parentNode !== this || d.nextElementSibling)) this.append(d);
    // Only a new target needs an update: the slotchange of the first render brings none.
    if (resolveTarget(this, this.htmlFor) !== this.triggers.target) this.requestUpdate();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mi-hint': MiHint;
  }
}
