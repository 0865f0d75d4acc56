import {allowedUrl} from '../core/url.js';
import {html, nothing, type PropertyValues} from 'lit';
import {MiElement} from '../base/mi-element.js';
import {baseStyles} from '../base/base.styles.js';
import {BusController} from '../controllers/bus-controller.js';
import {formatList, formatter} from '../core/intl.js';
import {duration, ignored} from '../core/warn.js';
import {book} from '../core/ticker.js';
import {styles} from './mi-typing.styles.js';

/** Options of `pace()`. */
export interface PaceOptions {
  /** Typing speed in words (of five characters) per minute. Default 250. */
  wpm?: number;
  /** Shortest time shown, in ms. Default 600. */
  min?: number;
  /** Longest time shown, in ms. Default 4000. */
  max?: number;
  /** Aborting it ends the pace early: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** One person typing, or one paced reply. Times are on the performance.now() clock. */
interface Sender {
  name: string;
  avatar?: string | void;
  /** When it shows: `delay` after the burst began (a paced reply: at once). */
  from: number;
  /** When it is dropped: `timeout` after the last refresh, `linger` after a stop, or a paced reply's end. */
  end: number;
  /** How a paced reply's promise settles (it also takes the reply off the list). */
  done?: (error?: unknown) => void;
}

const ignore = (what: string, value: unknown) => ignored('<mi-typing>', what, value);

/** A name as short text: markup stays text (Lit binds it as a text node), a 1 MB name is cut. */
const clip = (value: unknown): string => (typeof value == 'string' ? (value.length > 100 ? `${value.slice(0, 100)}…` : value).trim() : '');

/** Only http(s) and relative URLs: `javascript:`, `data:` and the like are refused (none: no URL parse). */
const safeUrl = (value: unknown): string | void => {
  if (value) return allowedUrl(value) ? (value as string) : ignore('avatar', value);
};

/** A number of milliseconds ≥ 0 (at most a day), else `fallback` with one warning. */
const ms = (value: unknown, fallback: number, what: string): number => duration(value, fallback, '<mi-typing>', what);

/**
 * @summary A typing indicator for chats: who is typing, several senders aggregated, paced
 * chatbot replies.
 *
 * Announced once, politely, when someone starts typing ("Ana is typing…"), and again only when
 * another person joins; refreshes are silent, and so is stopping. `announce="off"` silences it.
 * The text is always in the accessibility tree (and on screen); the dots are decorative.
 *
 * @csspart avatar - The sender's picture (decorative, `alt=""`), 2em round.
 * @csspart bubble - The box around the dots and the text; in `variant="bubble"` a chat bubble
 *   at least 2.5em high (set `min-height` here to match your messages).
 * @csspart dots - The three dots (hidden from assistive technology).
 * @csspart dot - Each dot.
 * @csspart label - The text, e.g. "Ana is typing…".
 *
 * @cssprop [--mi-duration=200ms] - Speed of the bounce (a dot rises and falls in about two of it).
 * @cssprop [--mi-text=#1b1b1f] - Bubble text; the bubble background mixes 14 % of it into `--mi-surface`.
 * @cssprop [--mi-surface=#ffffff] - Base of the bubble background.
 */
export class MiTyping extends MiElement {
  static override styles = [baseStyles, styles];
  static override properties = {
    active: {type: Boolean, hasChanged: () => true},
    name: {},
    avatar: {},
    variant: {reflect: true},
    delay: {type: Number},
    linger: {type: Number},
    timeout: {type: Number},
  };

  /** Whether the person this element stands for is typing. Set it again (even to `true`) to refresh before `timeout`. */
  declare active: boolean;

  /** That person's name: "Ana is typing…". Also the name shown while `pace()` runs. */
  declare name: string;

  /** Picture beside the dots (http(s) or relative URL; decorative). Bus senders may bring their own. */
  declare avatar: string;

  /** `dots` (inline dots and text) or `bubble` (a chat bubble sized like a message). */
  declare variant: 'dots' | 'bubble';

  /** Milliseconds a sender must keep typing before it shows (a one-keystroke burst shows nothing). */
  declare delay: number;

  /** Milliseconds the indicator stays after a sender stops, so a short pause does not flicker. */
  declare linger: number;

  /** Milliseconds after a sender's last refresh before it is dropped as stale. `0`: never. */
  declare timeout: number;

  constructor() {
    super();
    this.active = false;
    this.name = '';
    this.avatar = '';
    this.variant = 'dots';
    this.delay = 400;
    this.linger = 500;
    this.timeout = 6000;
  }

  // NOTE: plain fields, not @state: every change goes through #tick(), which requests the update.
  #label = '';
  /** The senders on screen; one who is not in the previous list is new, and announced. */
  #shown: Sender[] = [];
  /** By key: the element itself (`active`), a bus sender's id or name, a pace() call's token. */
  readonly #senders = new Map<unknown, Sender>();

  // NOTE: protected, not #private: TypeScript counts a controller that is never read back as unused.
  protected readonly feed = new BusController(this, {
    topics: () => this.listen,
    // A message is one sender, `{name, active, avatar, id}`; without `active` it is a refresh.
    // It counts from when it was sent: a replayed one older than `timeout` shows nothing.
    onMessage: (detail, _topic, {time}) => {
      const {id, name, avatar, active = true} = (detail ?? {}) as Record<string, unknown>;
      if (!detail || typeof detail != 'object' || Array.isArray(detail) || typeof active != 'boolean') return ignore('message', detail);
      this.#track(typeof id == 'string' || typeof id == 'number' ? `${id}` : clip(name), name, safeUrl(avatar), active, time);
    },
  });

  /**
   * Shows typing for a human-like time for `text` (its length at `wpm`, kept within `[min, max]`),
   * then resolves, so the caller can show the reply. Aborting `options.signal` ends it early and
   * rejects with the signal's reason (an `AbortError`); so does disconnecting the element.
   */
  pace(text: string, options?: PaceOptions): Promise<void> {
    options ??= {};
    const signal = options.signal;
    // Five characters make a word: length / 5 / wpm minutes, kept within [min, max].
    const time = Math.max(ms(options.min, 600, 'min'), Math.min(ms(options.max, 4000, 'max'), ((typeof text == 'string' ? text.length : 0) * 12_000) / (ms(options.wpm, 250, 'wpm') || 250)));
    return new Promise((resolve, reject) => {
      // An aborted signal rejects with its reason (thrown in here, that rejects the promise).
      signal?.throwIfAborted();
      const key = {};
      const now = performance.now();
      const abort = () => {
        done(signal!.reason);
        this.#tick();
      };
      // Settles the promise and takes the reply off the list (#tick() does that when it ends).
      const done = (error?: unknown) => {
        this.#senders.delete(key);
        signal?.removeEventListener('abort', abort);
        if (error === undefined) resolve();
        else reject(error);
      };
      signal?.addEventListener('abort', abort);
      // A paced reply shows at once (no delay) and ends at a fixed time (no linger, no timeout).
      this.#senders.set(key, {name: clip(this.name), from: now, end: now + time, done});
      this.#tick();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the DOM: what ended meanwhile is dropped, what still runs is shown again.
    this.#tick();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const sender of this.#senders.values()) sender.done?.(new DOMException('Disconnected', 'AbortError'));
    book(this.#tick);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // (One warning per page, however often it renders.)
    if (this.variant != 'dots' && this.variant != 'bubble') ignore('variant', this.variant);
    if (changed.has('active') || changed.has('name')) this.#track(this, this.name, '', this.active);
    else this.#tick();
  }

  override render() {
    const avatar = this.#shown.find((sender) => sender.avatar)?.avatar || safeUrl(this.avatar);
    return this.#label
      ? html`${avatar ? html`<img part="avatar" src=${avatar} alt="" data-mi-own />` : nothing}<span part="bubble"><span part="dots" aria-hidden="true"><span part="dot"></span><span part="dot"></span><span part="dot"></span></span><span part="label">${this.#label}</span></span>`
      : nothing;
  }

  /** Records that a sender is typing (or stopped) as of `now`. */
  #track(key: unknown, name: unknown, avatar: string | void, active: boolean, now = performance.now()): void {
    const linger = ms(this.linger, 500, 'linger');
    // `timeout` 0: never.
    const end = now + (ms(this.timeout, 6000, 'timeout') || Infinity);
    let sender = this.#senders.get(key);
    if (active) {
      if (!sender) this.#senders.set(key, (sender = {from: now + ms(this.delay, 400, 'delay')} as Sender));
      sender.name = clip(name);
      sender.avatar = avatar || sender.avatar;
      sender.end = end;
    } else if (sender) {
      // Stopped before it ever showed: a short burst leaves no trace. A second stop does not extend the linger.
      if (this.#shown.includes(sender)) sender.end = Math.min(sender.end, now + linger);
      else this.#senders.delete(key);
    }
    this.#tick();
  }

  /** Drops what has ended, shows what is due, and books the next moment anything changes. */
  readonly #tick = (): void => {
    const now = performance.now();
    const shown: Sender[] = [];
    let next = Infinity;
    for (const [key, sender] of this.#senders) {
      if (now >= sender.end) {
        this.#senders.delete(key);
        sender.done?.();
      } else next = Math.min(next, now < sender.from ? sender.from : (shown.push(sender), sender.end));
    }
    book(this.#tick, this.isConnected ? next : Infinity);

    const label = this.#describe(shown);
    // Once per person: a refresh or a language change is not news, and stopping is silent.
    if (shown.some((sender) => !this.#shown.includes(sender))) this.say(label, 'polite', true);
    this.#label = label;
    this.#shown = shown;
    this.toggleState('typing', !!label);
    this.requestUpdate();
  };

  /** "Ana is typing…", "Ana and Ben are typing…", "3 people are typing…" in the element's language. */
  #describe(shown: Sender[]): string {
    // A name counts once (two paces, one person in two tabs); each unnamed sender is someone else.
    const people = [...new Set(shown.map((sender) => sender.name || {}))];
    const names = people.filter((person) => typeof person == 'string');
    const count = people.length;
    if (!count) return '';
    const lang = this.locale;
    // NOTE: {count} is formatted only when the text has it: the first number formatted on a page
    // loads Intl's language data (≈ 20 ms), and "Ana is typing…" should not wait for that.
    const phrase = (key: string, fallback: string) =>
      this.text(`typing.${key}`, fallback, {
        name: names[0] ?? '',
        names: formatList(names, lang),
        get count() {
          return formatter('NumberFormat', lang).format(count);
        },
      });
    if (count == 1) return names[0] ? phrase('one', '{name} is typing…') : phrase('someone', 'Someone is typing…');
    if (count == 2 && names[1]) return phrase('two', '{names} are typing…');
    // NOTE: plural forms beyond "other" (Polish "3 osoby", "5 osób") come from typing.many.few etc.
    return phrase(`many.${formatter('PluralRules', lang).select(count)}`, phrase('many', '{count} people are typing…'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mi-typing': MiTyping;
  }
}
