import {failed, reasonOf} from '../core/outcome.js';
import {html, nothing, type PropertyValues} from 'lit';
import {MiElement} from '../base/mi-element.js';
import {baseStyles} from '../base/base.styles.js';
import {BusController, applyPatch} from '../controllers/bus-controller.js';
import {formatDuration, formatPercent, formatter} from '../core/intl.js';
import {preview, warnOnce} from '../core/warn.js';
import {MiCompleteEvent, MiErrorEvent} from '../events.js';
import {rememberDuration, typicalDuration} from './durations.js';
import {styles} from './mi-progress.styles.js';

export type ProgressState = 'active' | 'paused' | 'success' | 'error';
export type ProgressVariant = 'bar' | 'ring' | 'steps';

const STATES = ['active', 'paused', 'success', 'error'];
const VARIANTS = ['bar', 'ring', 'steps'];
/** More steps than this cannot be read or drawn; the rest are dropped with a warning. */
const MAX_STEPS = 20;
const now = () => performance.now();
const ignore = (name: string, value: unknown) =>
  warnOnce('progress-' + name, `<mi-progress> cannot use ${name}=${preview(value)}; it is clamped or ignored.`);
/** `value` if it is a positive number up to `top`; else `fallback`, with a warning. */
const positive = (name: string, value: number, fallback: number, top = Infinity) =>
  value > 0 && value <= top && value < Infinity ? value : (ignore(name, value), fallback);

/**
 * @summary Honest system status: a bar, a ring or labelled steps, with time left, stalls and a
 * visible, announced end.
 *
 * Announced through the page's one announcer, never on every change: "Upload: Started" when a
 * run starts, "Upload: 50%, about 20 seconds left" each time progress crosses a multiple of
 * `announce-every` percent, each new step of `steps`, "Upload: 42%, stalled" when progress
 * stalls (with `eta`), and the end: "Upload: Complete" politely, "Upload: Failed. …"
 * assertively. A time-based `expected` run announces only its start and end (its percentages
 * are guesses).
 *
 * @csspart base - The element with `role="progressbar"`, around everything below.
 * @csspart label - The row with the label text and the status.
 * @csspart status - Percentage, step, time left or outcome (with ✓ / ✕ before it at the end).
 * @csspart track - The unfilled bar or ring.
 * @csspart indicator - The filled part.
 * @csspart steps - The list of steps (`variant="steps"`).
 * @csspart step - One step; its `::before` is its number, or ✓ once done.
 *
 * @cssprop [--mi-progress-height=0.375rem] - Thickness of the bar and of the step lines.
 * @cssprop [--mi-progress-ring-size=2.5rem] - Diameter of the ring.
 * @cssprop [--mi-accent] - Indicator colour while active.
 * @cssprop [--mi-success] - Indicator colour after success.
 * @cssprop [--mi-danger] - Indicator colour after an error.
 *
 * @fires {MiCompleteEvent} mi-complete - The work finished: `complete()`, a tracked promise, the value reaching `max`, a bus message.
 * @fires {MiErrorEvent} mi-error - The work failed: `fail()`, a tracked promise, a bus message. `message` is what was shown.
 */
export class MiProgress extends MiElement {
  static override styles = [baseStyles, styles];
  static override properties = {
    value: {type: Number},
    max: {type: Number},
    label: {},
    indeterminate: {type: Boolean},
    variant: {},
    steps: {},
    state: {reflect: true},
    eta: {type: Boolean},
    expected: {type: Number},
    expectedKey: {attribute: 'expected-key'},
    announceEvery: {attribute: 'announce-every', type: Number},
    stallAfter: {attribute: 'stall-after', type: Number},
  };

  /** Progress so far, 0 to `max`; for `steps`, the index of the current step. Absent: indeterminate. */
  declare value: number | null;

  /** The value that means done. For `steps`, the number of steps. */
  declare max: number;

  /** What is in progress ("Uploading photo.jpg"): the visible label and the accessible name. */
  declare label: string;

  /** Show activity without an amount, even when `value` is set. */
  declare indeterminate: boolean;

  /** `bar`, `ring` or `steps`. */
  declare variant: ProgressVariant;

  /** Comma-separated step names for `variant="steps"`, e.g. `Cart,Shipping,Payment`. */
  declare steps: string;

  /** `active`, `paused` (the run's clock stands still until `active` again), `success` or `error`. */
  declare state: ProgressState;

  /** Show and announce the time left, estimated from the observed rate, and say when progress stalls. */
  declare eta: boolean;

  /** Typical duration (ms) of work without progress events: the value follows the clock, never reaching `max` before `complete()`. */
  declare expected: number | null;

  /** Learns the typical duration of this work from past runs under this key; it then replaces `expected`. */
  declare expectedKey: string;

  /** Announce progress each time it crosses a multiple of this percentage. */
  declare announceEvery: number;

  /** With `eta`: this long (ms) without progress counts as a stall. */
  declare stallAfter: number;

  constructor() {
    super();
    this.value = null;
    this.max = 100;
    this.label = '';
    this.indeterminate = false;
    this.variant = 'bar';
    this.steps = '';
    this.state = 'active';
    this.eta = false;
    this.expected = null;
    this.expectedKey = '';
    this.announceEvery = 25;
    this.stallAfter = 10_000;
  }

  /** Sanitised view of the properties, worked out in willUpdate. */
  #total = 100;
  #statusText = '';
  #current?: number;
  #list?: string[];
  #every = 25;
  #wait = 10_000;
  /** The duration an `expected` run paces itself by (learned or given); 0 when off. */
  #pace = 0;

  /** The run's clock is performance.now() minus the time spent paused: it stands still while paused. */
  #lost = 0;
  #pausedAt?: number;

  /** The current run, on that clock: its start, its last progress, its token, what was said, the measured rate. */
  #runStart = now();
  #since = 0;
  #run = 0;
  #tracking = false;
  #ready = false;
  #startSaid = false;
  #bucket = 0;
  #mark?: [time: number, value: number];
  #rate = 0;
  #stalled = false;
  #notify = false;
  #note = '';
  #failure: unknown;
  /** The next wake-up: the `expected` clock's tick, or the end of the stall wait. */
  #timer?: ReturnType<typeof setTimeout>;

  protected readonly bus = new BusController(this, {
    topics: () => this.listen,
    onMessage: (detail) => {
      const before = this.state;
      applyPatch(this, detail, {value: 'number', max: 'number', state: 'string', label: 'string'}, 'mi-progress');
      // A bus message is a system event: the outcome it brings fires mi-complete / mi-error.
      this.#notify ||= this.state !== before;
    },
  });

  /** Estimated time left in ms (from the observed rate, or from the expected duration); undefined when unknown. It stands still while paused. */
  get timeLeft(): number | undefined {
    const left = this.#pace ? this.#pace - this.#clock() + this.#runStart : (this.#total - this.#current!) / this.#rate;
    return left > 0 && left < Infinity ? left : undefined;
  }

  /**
   * Shows the progress of `promise` as a new run (indeterminate unless `value` or `expected` is
   * set). Fulfilment completes it; rejection, or a result with `ok: false` such as a failed fetch
   * `Response`, fails it. Reaching `max` meanwhile does not end it. Returns `promise`.
   */
  track<T>(promise: PromiseLike<T>): PromiseLike<T> {
    const run = ++this.#run;
    const end = (result: unknown, rejected?: 1) =>
      run === this.#run && (rejected || failed(result) ? this.fail(reasonOf(result), result) : this.complete());
    this.#restart();
    this.#tracking = true;
    this.state = 'active';
    Promise.resolve(promise).then(end, (error: unknown) => end(error, 1));
    return promise;
  }

  /** Ends the run successfully: full, ✓, announced, `mi-complete`. */
  complete(): void {
    this.#settle('success');
  }

  /** Ends the run with an error: `message` is shown and announced assertively; `mi-error` carries it and `error`. */
  fail(message?: string, error?: unknown): void {
    this.#settle('error', String(message ?? '').slice(0, 500), error);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Resumes the clock of an `expected` run after a move in the DOM.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!STATES.includes(this.state)) {
      ignore('state', this.state);
      this.state = 'active';
    }
    const s = this.state;
    const active = s === 'active';
    // Pausing stops the clock; resuming adds the pause to the time lost, so the clock goes on from where it stood.
    if (s === 'paused') this.#pausedAt ??= now();
    else if (this.#pausedAt !== undefined) {
      this.#lost += now() - this.#pausedAt;
      this.#pausedAt = undefined;
    }
    if (active && /success|error/.test(changed.get('state'))) this.#restart();
    else if (changed.has('expected') || changed.has('expectedKey')) this.#findPace();
    if (!VARIANTS.includes(this.variant)) ignore('variant', this.variant);
    this.#every = positive('announce-every', this.announceEvery, 25, 100);
    this.#wait = positive('stall-after', this.stallAfter, 10_000);

    // String(): an array of names works as well as the attribute's comma-separated text.
    let list = this.variant === 'steps' ? String(this.steps ?? '').split(',').map((step) => step.trim()).filter(Boolean) : [];
    if (list.length > MAX_STEPS) {
      ignore('steps', `${list.length} entries (at most ${MAX_STEPS})`);
      list = list.slice(0, MAX_STEPS);
    }
    const total = (this.#total = list.length || positive('max', Number(this.max), 100));
    const steps = (this.#list = list.length ? list : undefined);

    // `expected`: ease toward max along the clock — 80 % at the expected time — and stop short of it.
    if (this.#pace && active) {
      this.value = Math.round(total * Math.min(0.99, 1 - Math.exp((-1.6 * (this.#clock() - this.#runStart)) / this.#pace)) * 10) / 10;
    }

    // Junk (NaN, ±Infinity) is ignored — indeterminate; a finite value outside 0…max is clamped.
    let v = this.value === null ? (steps ? 0 : undefined) : Number(this.value);
    if (v !== undefined && !(v >= 0 && v <= total)) {
      if (changed.has('value')) ignore('value', v);
      v = Number.isFinite(v) ? Math.min(Math.max(v, 0), total) : undefined;
    }
    if (this.indeterminate && !steps) v = undefined;
    this.#current = s === 'success' && v !== undefined ? total : v;

    if (changed.has('value')) {
      this.#stalled = false;
      this.#since = this.#clock();
      if (active && v !== undefined && !this.#pace) {
        this.#measure(v);
        // Reaching max ends a run that no promise is tracking.
        if (v === total && !this.#tracking) this.#settle('success');
      }
    }
    this.style?.setProperty('--_p', String(s === 'success' || (v === undefined && s === 'error') ? 1 : (v ?? 0) / total));
    this.#statusText = this.#status();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const s = this.state, v = this.#current, list = this.#list, total = this.#total;
    const active = s === 'active';
    const bucket = v === undefined || list || this.#pace ? 0 : Math.floor((v / total) * (100 / this.#every) + 1e-9);
    let message = '';

    if (!this.#ready) {
      // What the page shows when it loads is not news; a run starts when a value first moves off 0.
      this.#startSaid = !!list || v !== 0;
    } else if (changed.has('state') && (s === 'success' || s === 'error')) {
      message = this.#statusText;
      if (s === 'success') {
        if (this.expectedKey) rememberDuration(this.expectedKey, this.#clock() - this.#runStart);
        if (this.#notify) {
          this.dispatchEvent(new MiCompleteEvent());
          this.cue();
        }
      } else if (this.#notify) this.dispatchEvent(new MiErrorEvent(this.#failure, this.#note));
    } else if (active && !this.#startSaid && v !== 0) {
      this.#startSaid = true;
      this.#bucket = bucket;
      message = this.text('progress.started', 'Started');
    } else if (active && (list ? changed.has('value') : (bucket > this.#bucket && v! < total) || changed.has('stall'))) {
      // (A tracked run at 100 % waits for its promise: "Complete" follows, so 100 % is not news.)
      message = this.#statusText;
    }
    // Only the end of a failed run is said while in `error`: assertively.
    if (message) this.say(this.text('progress.announce', '{label}: {status}', {label: this.#name(), status: message}), s === 'error' ? 'assertive' : undefined);
    this.#bucket = Math.max(bucket, this.#bucket);
    this.#ready = true;
    this.#notify = false;

    // Only while connected (a removed element keeps no timer, so it can be collected) and active:
    // an `expected` run ticks; with `eta`, a stall is no new value for `stall-after` ms of the run's clock.
    clearTimeout(this.#timer);
    if (active && this.isConnected) {
      if (this.#pace) this.#timer = setTimeout(() => this.requestUpdate(), 200);
      else if (this.eta && v !== undefined && !list && !this.#stalled) {
        this.#timer = setTimeout(() => {
          this.#stalled = true;
          // (Marks the update: a name that is not a property counts as changed when the old value differs from undefined.)
          this.requestUpdate('stall', 0);
        }, this.#since + this.#wait - this.#clock());
      }
    }
  }

  override render() {
    const s = this.state, v = this.#current, list = this.#list, status = this.#statusText;
    const moving = v === undefined && (s === 'active' || s === 'paused');
    const done = (i: number) => i < v! || s === 'success';
    // NOTE: one element carries the role and the whole state; progressbar children are
    // presentational, so the visible label and status are not read twice. One line on purpose:
    // whitespace between tags would be text nodes, cloned and laid out in every instance.
    return html`<div part="base" class=${(this.variant === 'ring' ? 'ring ' : '') + (moving ? 'indeterminate' : '')} role="progressbar" aria-label=${this.#name()} aria-valuemin="0" aria-valuemax=${this.#total} aria-valuenow=${v ?? nothing} aria-valuetext=${status || nothing} aria-busy=${s === 'active'}><div part="label">${this.label}<span part="status">${status}</span></div>${list
      ? html`<ol part="steps">${list.map((step, i) => html`<li part="step" class=${done(i) ? 'done' : ''} aria-current=${i === v && !done(i) ? 'step' : nothing}>${step}</li>`)}</ol>`
      : html`<div part="track"><div part="indicator"></div></div>`}</div>`;
  }

  /** The accessible name: the label, or "Progress". */
  #name(): string {
    return this.label || this.text('progress.label', 'Progress');
  }

  /** What is shown and read as the value: "42%, about 20 seconds left", "Step 2 of 3: Shipping", "Complete". */
  #status(): string {
    const s = this.state, v = this.#current, list = this.#list, total = this.#total;
    if (s === 'error') return this.text('progress.failed', 'Failed. {message}', {message: this.#note}).trim();
    if (s === 'success') return this.text('progress.done', 'Complete');
    const locale = this.locale;
    // A step index is whole: value="1.5" is step 2, never "Step 2.5 of 3: undefined".
    const i = Math.min(Math.floor(v ?? 0), total - 1);
    const left = this.timeLeft;
    const parts = [
      list
        ? this.text('progress.step', 'Step {n} of {total}: {step}', {n: i + 1, total, step: list[i]})
        : v === undefined
          ? ''
          : formatPercent(v / total, locale),
      s === 'paused'
        ? this.text('progress.paused', 'paused')
        : !this.eta || list || v === undefined || v === total
          ? '' // no time to tell
          : this.#stalled
            ? this.text('progress.stalled', 'stalled')
            : left
              ? this.text('progress.left', 'about {time} left', {time: formatDuration(left, locale)})
              : this.#pace
                ? this.text('progress.longer', 'taking longer than usual')
                : '',
    ].filter(Boolean);
    // (A list of one is that one item: no ListFormat needed for the common "42%".)
    return parts[1] ? formatter('ListFormat', locale, {type: 'unit'}).format(parts) : parts[0] ?? '';
  }

  /** The run's clock (ms): performance.now() without the time spent paused. */
  #clock(): number {
    return (this.#pausedAt ?? now()) - this.#lost;
  }

  /** Starts a new run: the clock, the learned pace, the rate and what was announced start over. */
  #restart(): void {
    this.#runStart = this.#since = this.#clock();
    this.#startSaid = this.#stalled = false;
    this.#bucket = this.#rate = 0;
    this.#mark = undefined;
    this.#findPace();
  }

  #settle(state: ProgressState, message = '', error?: unknown): void {
    this.#run++;
    this.#tracking = false;
    this.#notify = true;
    this.#note = message;
    this.#failure = error;
    this.state = state;
  }

  /** The rate (value per ms) over windows of ≥ 250 ms, smoothed (EMA) so the estimate does not jump. */
  #measure(v: number): void {
    const t = this.#clock();
    const [t0, v0] = this.#mark ?? [t, Infinity];
    // A value going back starts a new window; a window is measured once it is 250 ms long.
    if (v < v0 || t - t0 >= 250) {
      const rate = (v - v0) / (t - t0);
      if (v >= v0) this.#rate = this.#rate ? this.#rate * 0.7 + rate * 0.3 : rate;
      this.#mark = [t, v];
    }
  }

  /** `expected` mode's pace: the duration learned under `expected-key`, else `expected`, else 0 (off). */
  #findPace(): void {
    const given = this.expected!;
    this.#pace = (this.expectedKey && typicalDuration(this.expectedKey)) || (given === null ? 0 : positive('expected', given, 0));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mi-progress': MiProgress;
  }
}
