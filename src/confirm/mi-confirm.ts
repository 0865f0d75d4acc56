import {failed, reasonOf} from '../core/outcome.js';
import {html, nothing, svg, type PropertyValues} from 'lit';
import {MiElement} from '../base/mi-element.js';
import {baseStyles} from '../base/base.styles.js';
import {BusController} from '../controllers/bus-controller.js';
import {TriggerController, resolveTarget} from '../controllers/trigger-controller.js';
import {duration, preview, warnOnce} from '../core/warn.js';
import {MiErrorEvent, MiPendingEvent, MiSuccessEvent} from '../events.js';
import {styles} from './mi-confirm.styles.js';

export type ConfirmState = 'idle' | 'pending' | 'success' | 'error';

/** What `action` receives. */
export interface ConfirmContext {
  /** The form's data (with the submitter's name/value); empty when the control is not in a form. */
  formData: FormData;
  /** The button that submitted, or the wrapped control. */
  submitter: HTMLElement | null;
  /** Aborted by `abort()` and by `timeout`. */
  signal: AbortSignal;
}

/** Remembers an attribute of the app's element (if any); the returned function puts it back as it was. */
const keep = (el: Element | null | undefined, name: string) => {
  const was = el?.getAttribute(name);
  return () => (was == null ? el?.removeAttribute(name) : el?.setAttribute(name, was));
};

/** Icon drawings per shown state (24×24, centred on 0,0); the tick is revealed by its mask's rect (see the styles). */
const ICONS: Partial<Record<ConfirmState, unknown>> = {
  pending: svg`<circle r="9"/>`,
  success: svg`<mask id="m"><rect x="-12" y="-12" width="24" height="24" fill="#fff"/></mask><path mask="url(#m)" d="M-7.5.5l5 5L7.5-5"/>`,
  error: svg`<circle r="9"/><path d="M0-5v6m0 4v.01"/>`,
};

/**
 * @summary Confirmation that never lies: wraps a form or button and binds pending, slow, success
 * and error feedback to the real outcome of its action.
 *
 * Announced: the pending text (politely) only when the action outlasts `pending-delay`, "Still
 * working…" once after `slow-after`, the success text once (politely) only after the outcome is
 * known to be a success, and the error once (assertively). A fast action announces only its
 * outcome. The status text is also the accessible description of the submitting control.
 *
 * @slot - The control whose action is confirmed: a `<form>` (submit) or a button (click).
 * @slot status - Used internally: the status text element this element adds to its own light DOM.
 * @csspart status - The status line next to the control (icon, text, retry).
 * @csspart icon - The spinner, tick or error icon.
 * @csspart retry - The Retry button shown after an error.
 * @cssprop [--mi-success=#146c2e] - Success colour.
 * @cssprop [--mi-danger=#b3261e] - Error colour.
 * @cssprop [--mi-duration=200ms] - Length of the tick drawing (≤ 300 ms); the spinner turns in 4×.
 * @fires {MiPendingEvent} mi-pending - Pending feedback became visible.
 * @fires {MiSuccessEvent} mi-success - The outcome is a success; `result` is what the action resolved to.
 * @fires {MiErrorEvent} mi-error - The outcome is an error; `error` is the reason, `message` what was shown.
 */
export class MiConfirm extends MiElement {
  static override styles = [baseStyles, styles];
  static override properties = {
    action: {attribute: false},
    isSuccess: {attribute: false},
    state: {reflect: true},
    successText: {attribute: 'success-text'},
    pendingText: {attribute: 'pending-text'},
    errorText: {attribute: 'error-text'},
    pendingDelay: {attribute: 'pending-delay', type: Number},
    pendingMin: {attribute: 'pending-min', type: Number},
    slowAfter: {attribute: 'slow-after', type: Number},
    timeout: {type: Number},
    duration: {type: Number},
    sticky: {type: Boolean},
    resetOnSuccess: {attribute: 'reset-on-success', type: Boolean},
    htmlFor: {attribute: 'for'},
  };

  /** The work to confirm: `(context) => Promise`. A plain value counts as the result, a throw as an error. */
  declare action: ((context: ConfirmContext) => unknown) | null;

  /** Decides whether a result is a success (may return a Promise). Default: a `Response` must be `ok`; anything else succeeds. */
  declare isSuccess: ((result: unknown) => unknown) | null;

  /** `idle`, `pending`, `success` or `error`; reflected for styling. */
  declare state: ConfirmState;

  /** Shown and announced after a success. */
  declare successText: string;

  /** Shown and announced while pending. */
  declare pendingText: string;

  /** Replaces every error message. */
  declare errorText: string;

  /** Milliseconds before pending feedback appears (fast actions show none). */
  declare pendingDelay: number;

  /** Once shown, pending stays at least this many milliseconds, so it can be read. */
  declare pendingMin: number;

  /** Milliseconds after which pending says it is still working. */
  declare slowAfter: number;

  /** Milliseconds after which the action is aborted and counts as an error; 0: never. */
  declare timeout: number;

  /** Milliseconds the success stays before returning to idle. */
  declare duration: number;

  /** Keep the success until the next action. */
  declare sticky: boolean;

  /** Reset the wrapped form after a success. */
  declare resetOnSuccess: boolean;

  /** Id of the control (same root) when it is not the first child. */
  declare htmlFor: string;

  constructor() {
    super();
    this.action = null;
    this.isSuccess = null;
    this.state = 'idle';
    this.successText = '';
    this.pendingText = '';
    this.errorText = '';
    this.pendingDelay = 200;
    this.pendingMin = 500;
    this.slowAfter = 1000;
    this.timeout = 0;
    this.duration = 4000;
    this.sticky = false;
    this.resetOnSuccess = false;
    this.htmlFor = '';
    // A wrapped control's click or submit passes through us (a `for` control is followed by
    // #follow). NOTE: heard on the way down (capture), so an app handler on the control that stops
    // propagation (Vue's @click.stop) does not hide it from us.
    const wrapped = (event: Event) => this.htmlFor || !this.isConnected || this.#trigger(event);
    this.addEventListener('click', wrapped, true);
    this.addEventListener('submit', wrapped, true);
  }

  #busy = false;
  #token = 0;
  /** Until when a shown pending state stays (`pending-min` after it appeared); 0 while not shown. */
  #heldUntil = 0;
  #timers: Array<ReturnType<typeof setTimeout>> = [];
  #controller?: AbortController;
  /** What Retry presses again: the submitter, else the form's submit button (or the form). */
  #last?: HTMLElement;
  #status?: HTMLElement;
  #described: Element | null = null;
  #undescribe?: () => void;
  #release?: () => void;

  /** Listens to a `for` control (made once `for` is set). */
  #follow?: TriggerController;
  // NOTE: protected, not #private: TypeScript counts a controller that is never read back as unused.
  // (An element that listens to no topic costs the controller no bus work.)
  protected readonly feed = new BusController(this, {topics: () => this.listen, onMessage: (detail) => this.#bus(detail)});

  /** Follows a promise you started yourself; resolves to whether it was a success once known (never rejects). */
  track(promise: unknown): Promise<boolean> {
    return this.#settle(this.#begin(), promise);
  }

  /** Presses the control again (focus moves to it): a form is resubmitted with its current values. */
  retry(): void {
    const last = this.#last;
    if (this.#busy || !last) return;
    last.focus();
    if (last instanceof HTMLFormElement) last.requestSubmit();
    else last.click();
  }

  /** Cancels a pending action through its AbortSignal and returns to idle, silently. */
  abort(): void {
    if (!this.#busy) return;
    this.#controller!.abort();
    this.#reset();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // NOTE: a move (frameworks reorder by removing and inserting the same node in one task) is
    // not an end: the run, its timers and its held control carry on. Only an element still out
    // of the page a microtask later lets go (the app's request itself is never aborted here).
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#reset();
      this.#describe(null);
      this.#status?.remove();
      this.#status = undefined;
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // NOTE: most confirms wrap their control: they pay for no trigger controller. One added now
    // connects at once.
    if (this.htmlFor) {
      // (#trigger keeps the one that fits the control: a form's submit, anything else's click.
      // Without `for` it listens to nothing: the wrapped control is heard through the host.)
      this.#follow ??= new TriggerController(this, {
        triggers: () => (this.htmlFor ? 'click submit' : ''),
        for: () => this.htmlFor,
        onTrigger: ({event}) => this.#trigger(event!),
      });
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // A new control (rendered later, or `for` changed) takes over the description.
    if (this.#status && !this.#target()?.contains(this.#described)) this.#describe(this.#control());
  }

  override render() {
    const state = this.state;
    // NOTE: idle renders only the control's slot: nothing to show, and 1000 idle instances stay cheap.
    return html`<slot @slotchange=${this.#slotChange}></slot>${state === 'idle'
      ? nothing
      : html`<span part="status"><svg part="icon" viewBox="-12 -12 24 24" aria-hidden="true">${ICONS[state]}</svg><slot name="status"></slot>${state === 'error' && typeof this.action === 'function'
          ? html`<button part="retry" @click=${this.retry}>${this.text('confirm.retry', 'Retry')}</button>`
          : nothing}</span>`}`;
  }

  /** The wrapped (or `for`) element; never our own status text, which carries a slot name. */
  #target(): Element | null {
    return resolveTarget(this, this.htmlFor);
  }

  /** The control the status describes: a form's default submit button, else the target itself. */
  #control(): Element | null {
    const target = this.#target();
    if (!(target instanceof HTMLFormElement)) return target;
    return [...target.elements].find((el) => (el as HTMLButtonElement).type === 'submit') ?? target;
  }

  /**
   * The status text lives in our own light DOM (one span we add, slotted back): the control's
   * description must reference it, and element references cannot point into a shadow root.
   */
  #statusText(): HTMLElement | undefined {
    if (!this.#status) {
      this.#status = document.createElement('span');
      this.#status.slot = 'status';
      this.append(this.#status);
    }
    return this.#status;
  }

  /** Starts a run: busy at once (a second submit is refused), pending UI only after the delay. */
  #begin(control = this.#control()): number {
    this.#end();
    const token = this.#token;
    const delay = duration(this.pendingDelay, 200, '<mi-confirm>', 'pending-delay');
    const timeout = duration(this.timeout, 0, '<mi-confirm>', 'timeout');
    const controller = (this.#controller = new AbortController());
    this.#heldUntil = 0;
    this.#show('idle');
    this.#hold(true, control);
    this.#later(delay, () => {
      this.#heldUntil = performance.now() + duration(this.pendingMin, 500, '<mi-confirm>', 'pending-min');
      this.#pend(this.pendingText || this.text('confirm.pending', 'Working…'));
      this.dispatchEvent(new MiPendingEvent());
    });
    this.#later(Math.max(delay, duration(this.slowAfter, 1000, '<mi-confirm>', 'slow-after')), () => this.#pend(this.text('confirm.slow', 'Still working…')));
    if (timeout) {
      this.#later(timeout, () => {
        const reason = this.text('confirm.timeout', 'timed out');
        const error = new DOMException(reason, 'TimeoutError');
        controller.abort(error);
        this.#finish(token, false, error, reason);
      });
    }
    return token;
  }

  #pend(text: string): void {
    this.say(this.#show('pending', text));
  }

  async #settle(token: number, work: unknown): Promise<boolean> {
    let ok = false;
    let value: unknown;
    try {
      value = await work;
      const check = this.isSuccess;
      ok = typeof check === 'function' ? Boolean(await check(value)) : !failed(value);
    } catch (error) {
      value = error;
    }
    return this.#finish(token, ok, value, ok ? '' : reasonOf(value));
  }

  /** Applies a known outcome, once per run, after a shown pending state has been readable. */
  #finish(token: number, ok: boolean, value: unknown, message: string): boolean {
    if (token !== this.#token) return ok;
    this.#end();
    const apply = () => {
      this.#hold(false);
      const text = this.#show(
        ok ? 'success' : 'error',
        ok
          ? message || this.successText || this.text('confirm.success', 'Done')
          : this.errorText || this.text('confirm.error', 'Error: {reason}', {reason: message || this.text('confirm.unknown', 'something went wrong')})
      );
      this.say(text, ok ? 'polite' : 'assertive');
      if (ok) {
        this.cue();
        const form = this.#target();
        if (this.resetOnSuccess && form instanceof HTMLFormElement) form.reset();
        if (!this.sticky) this.#later(duration(this.duration, 4000, '<mi-confirm>', 'duration'), () => this.#show('idle'));
      }
      this.dispatchEvent(ok ? new MiSuccessEvent(value) : new MiErrorEvent(value, text));
    };
    const wait = this.#heldUntil - performance.now();
    if (wait > 0) this.#later(wait, apply);
    else apply();
    return ok;
  }

  /** Ends the current run: its timers stop and its late outcome is ignored. */
  #end(): void {
    for (const timer of this.#timers.splice(0)) clearTimeout(timer);
    this.#token++;
  }

  #reset(): void {
    this.#end();
    this.#hold(false);
    this.#show('idle');
  }

  /** Shows a state and its text, cut to 500 characters (nobody reads a 1 MB error); returns the text shown. */
  #show(state: ConfirmState, text = ''): string {
    this.state = state;
    text = text.slice(0, 500);
    // Idle adds nothing: the status text is made by the first run that has something to say.
    const status = text ? this.#statusText() : this.#status;
    if (status) status.textContent = text;
    return text;
  }

  /** NOTE: aria-disabled, not disabled: a disabled button drops focus; a second press is refused by us. */
  #hold(busy: boolean, control?: Element | null): void {
    this.#busy = busy;
    this.toggleState('busy', busy);
    // Give the control back as the app had it (an aria-disabled of its own is kept).
    this.#release?.();
    this.#release = keep(control, 'aria-disabled');
    if (control) {
      control.setAttribute('aria-disabled', 'true');
      this.#describe(control);
    }
  }

  /**
   * The status text becomes the control's accessible description, added to any it already has;
   * the control's own `aria-describedby` is put back as it was when we let go of it.
   */
  #describe(control: Element | null): void {
    const status = control !== this.#described && this.#statusText();
    if (!status) return;
    this.#undescribe?.();
    this.#undescribe = keep(control, 'aria-describedby');
    this.#described = control;
    if (control) control.ariaDescribedByElements = [...(control.ariaDescribedByElements ?? []), status];
  }

  #later(ms: number, fn: () => void): void {
    this.#timers.push(setTimeout(fn, ms));
  }

  /** The control's submit (a form) or click (anything else); not our status text or Retry. */
  #trigger(event: Event): void {
    const target = this.#target() as HTMLButtonElement | null;
    const submit = target instanceof HTMLFormElement;
    if (event.type !== (submit ? 'submit' : 'click') || !target?.contains(event.target as Node)) return;
    const action = this.action;
    if (typeof action !== 'function') {
      // No action: the form submits natively (or app code calls track()).
      if (action) warnOnce('confirm-action', '<mi-confirm> action is not a function.');
      return;
    }
    event.preventDefault();
    // NOTE: a second submit while busy is refused here; the control keeps focus (aria-disabled).
    if (this.#busy) return;
    const submitter = submit ? (event as SubmitEvent).submitter : target;
    const form = ((submit ? target : target.form) as HTMLFormElement | null) ?? undefined;
    // NOTE: built once: each FormData fires the form's `formdata` event, which apps may handle.
    let formData: FormData;
    try {
      // The submitter's name/value, when it is one of the form's submit buttons.
      formData = new FormData(form, submitter);
    } catch {
      formData = new FormData(form); // not a submit button: the form's data alone
    }
    const control = (this.#last = (submitter ?? this.#control()) as HTMLElement);
    const token = this.#begin(control);
    let result: unknown;
    try {
      result = action({formData, submitter, signal: this.#controller!.signal});
    } catch (error) {
      result = Promise.reject(error); // reported like a rejection, a task later
    }
    this.#settle(token, result);
  }

  #bus(detail: unknown): void {
    const {state, message, id} = (detail ?? {}) as Record<string, unknown>;
    if (id != null && String(id) !== this.id) return;
    const text = typeof message === 'string' ? message : '';
    if (state === 'pending') {
      if (!this.#busy) this.#begin();
    } else if (state === 'success' || state === 'error') {
      this.#finish(this.#busy ? this.#token : this.#begin(), state === 'success', detail, text);
    } else if (state === 'idle') this.#reset();
    else warnOnce('confirm-bus', `<mi-confirm> ignored a bus state ${preview(state)}.`);
  }

  #slotChange = () => {
    // Children added after our status text (parser, framework): it goes back after them.
    if (this.#status && this.#status !== this.lastElementChild) this.append(this.#status);
    // A new first child may be a new control to describe (see updated()).
    if (this.#status) this.requestUpdate();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mi-confirm': MiConfirm;
  }
}
