import {hasDom, pageSingleton} from './global.js';
import {warnOnce} from './warn.js';
import {isLeaderTab} from './leader.js';

export type Politeness = 'polite' | 'assertive';

export interface AnnounceOptions {
  /** `polite` (default) waits for the user to be idle; `assertive` interrupts (errors only). */
  politeness?: Politeness | 'off';
  /**
   * The element the message is about. If it has left the page by the time the message's turn
   * comes, the message is dropped: a component that re-rendered or was removed does not speak
   * for an element nobody can see any more.
   */
  source?: Element;
}

/** What was written to a live region, for logs (the demo's "what a screen reader hears"). */
export interface Announcement {
  message: string;
  politeness: Politeness;
  /** The live region element that received the text. */
  region: HTMLElement;
  /** When it was written, on the `performance.now()` clock. */
  time: number;
}

/** Regions must exist this long before their first write, or screen readers miss it. */
export const REGION_WAIT_MS = 150;
/** Minimum gap between two writes, so consecutive messages are not swallowed. */
export const WRITE_GAP_MS = 150;
/** Announcement text longer than this is cut (nobody listens to a 1 MB message). */
export const MAX_MESSAGE = 500;
/** Text is cleared this long after the last write, so browsing the page finds no stale message. */
const CLEAR_AFTER_MS = 7000;

const HIDDEN: Record<string, string> = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: '0',
  border: '0',
  overflow: 'hidden',
  'clip-path': 'inset(50%)',
  'white-space': 'nowrap',
};

interface RegionPair {
  polite: HTMLElement;
  assertive: HTMLElement;
  container: HTMLElement;
  createdAt: number;
}

interface Queued {
  message: string;
  politeness: Politeness;
  /** Weak, so a queued message never keeps a removed element alive. */
  source?: WeakRef<Element>;
}

interface AnnouncerState {
  queue: Queued[];
  timer: ReturnType<typeof setTimeout> | undefined;
  lastWriteAt: number;
  page: RegionPair | undefined;
  /** Regions placed inside open modal dialogs (which hide everything outside them). */
  modal: WeakMap<Element, RegionPair>;
  listeners: Set<(a: Announcement) => void>;
  observer: MutationObserver | undefined;
}

/** Pending "clear this region" timers (weak: a region removed with its dialog is forgotten). */
const clearTimers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

const state = (): AnnouncerState =>
  pageSingleton('announcer', () => ({
    queue: [],
    timer: undefined,
    lastWriteAt: 0,
    page: undefined,
    modal: new WeakMap(),
    listeners: new Set(),
    observer: undefined,
  }));

function createRegions(parent: Element): RegionPair {
  const container = document.createElement('div');
  container.setAttribute('data-mi-announcer', '');
  for (const [name, value] of Object.entries(HIDDEN)) container.style.setProperty(name, value);
  const make = (politeness: Politeness) => {
    const region = document.createElement('div');
    // NOTE: aria-live only (no role=status/alert): one live mechanism per region, so no
    // screen reader speaks a message twice. aria-atomic: each write replaces the whole message.
    region.setAttribute('aria-live', politeness);
    region.setAttribute('aria-atomic', 'true');
    region.setAttribute('data-mi-politeness', politeness);
    container.append(region);
    return region;
  };
  const pair = {polite: make('polite'), assertive: make('assertive'), container, createdAt: performance.now()};
  parent.append(container);
  return pair;
}

/** The open modal dialog on top, if any: live regions outside it are pruned from the a11y tree. */
function topModal(): Element | undefined {
  const modals = [
    ...document.querySelectorAll('dialog:modal, [aria-modal="true"]:not(dialog)'),
  ].filter((el) => el.matches('dialog:modal') || (el as HTMLElement).checkVisibility?.() !== false);
  return modals.at(-1);
}

function pageRegions(): RegionPair {
  const s = state();
  if (!s.page || !s.page.container.isConnected) s.page = createRegions(document.body);
  return s.page;
}

function regionsFor(target: Element | undefined): RegionPair {
  if (!target) return pageRegions();
  const s = state();
  let pair = s.modal.get(target);
  if (!pair || !pair.container.isConnected) {
    pair = createRegions(target);
    s.modal.set(target, pair);
  }
  return pair;
}

/** Pre-creates regions inside a dialog as soon as it opens modally, well before its first message. */
function watchDialogs(): void {
  const s = state();
  if (s.observer || typeof MutationObserver === 'undefined') return;
  s.observer = new MutationObserver(() => {
    const modal = topModal();
    if (modal) regionsFor(modal);
  });
  s.observer.observe(document.documentElement, {
    subtree: true,
    attributes: true,
    attributeFilter: ['open', 'aria-modal'],
  });
}

/**
 * Creates the page's live regions now (empty, visually hidden), so that they exist long before the
 * first message. Elements call this when they connect; calling it again does nothing.
 */
export function prepareAnnouncer(): void {
  if (!hasDom() || !document.body) return;
  pageRegions();
  watchDialogs();
}

function schedule(): void {
  const s = state();
  if (s.timer !== undefined || s.queue.length === 0) return;
  const now = performance.now();
  const regions = regionsFor(topModal());
  const wait = Math.max(
    0,
    regions.createdAt + REGION_WAIT_MS - now,
    s.lastWriteAt ? s.lastWriteAt + WRITE_GAP_MS - now : 0
  );
  // NOTE: setTimeout takes whole milliseconds (149.6 becomes 149): round up, so no write is early.
  s.timer = setTimeout(flushOne, Math.ceil(wait));
}

function flushOne(): void {
  const s = state();
  s.timer = undefined;
  // A timer may still come a fraction of a millisecond early: then wait out the rest.
  if (s.lastWriteAt && performance.now() - s.lastWriteAt < WRITE_GAP_MS) return schedule();
  // Messages about elements that have left the page are dropped.
  s.queue = s.queue.filter((q) => !q.source || q.source.deref()?.isConnected);
  // Assertive messages jump the queue; within one politeness, first in, first out.
  let index = s.queue.findIndex((q) => q.politeness === 'assertive');
  if (index < 0) index = 0;
  const [next] = s.queue.splice(index, 1);
  if (!next) return;
  const regions = regionsFor(topModal());
  if (performance.now() - regions.createdAt < REGION_WAIT_MS) {
    // A dialog opened since this write was scheduled: its fresh region must settle first.
    s.queue.unshift(next);
    schedule();
    return;
  }
  const region = regions[next.politeness];
  const other = regions[next.politeness === 'polite' ? 'assertive' : 'polite'];
  // NOTE: the same text written twice is not a change, so screen readers stay silent. A trailing
  // no-break space makes the repeat a new message (the technique of GitHub's ariaNotify polyfill).
  const text = region.textContent === next.message ? `${next.message}\u00A0` : next.message;
  other.textContent = '';
  region.textContent = text;
  s.lastWriteAt = performance.now();
  for (const listener of [...s.listeners]) {
    try {
      listener({message: next.message, politeness: next.politeness, region, time: s.lastWriteAt});
    } catch (error) {
      console.error('[mi-elements] an announcement listener threw:', error);
    }
  }
  // One clear timer per region (page and modal regions alternate when dialogs open and close).
  clearTimeout(clearTimers.get(region));
  clearTimers.set(
    region,
    setTimeout(() => {
      region.textContent = '';
      clearTimers.delete(region);
    }, CLEAR_AFTER_MS)
  );
  schedule();
}

/**
 * Says `message` to screen-reader users through the page's one pair of live regions.
 * Messages are queued (assertive first, ≥ 150 ms apart), identical repeats are re-announced, and
 * while a modal dialog is open the message is placed inside it so that it is not pruned.
 */
export function announce(message: unknown, options: AnnounceOptions = {}): void {
  const politeness = options.politeness ?? 'polite';
  if (politeness === 'off' || !hasDom()) return;
  // NOTE: with tabs bridged, a hidden tab that does not lead stays silent; the leading tab speaks.
  // Visible tabs always speak: one of them is the window the screen reader is in.
  if (document.visibilityState === 'hidden' && !isLeaderTab()) return;
  if (politeness !== 'polite' && politeness !== 'assertive') {
    warnOnce(`announce-politeness:${String(politeness)}`, `announce(): unknown politeness "${String(politeness)}", used "polite".`);
  }
  if (typeof message !== 'string' && typeof message !== 'number') {
    warnOnce('announce-type', 'announce() ignored a message that is not text.');
    return;
  }
  let text = String(message).replace(/\s+/g, ' ').trim();
  if (!text) return;
  if (text.length > MAX_MESSAGE) {
    warnOnce('announce-length', `announce() cut a message of ${text.length} characters to ${MAX_MESSAGE}.`);
    text = `${text.slice(0, MAX_MESSAGE - 1)}…`;
  }
  if (!document.body) {
    // Called from <head>: queue until there is a body to hold the regions.
    document.addEventListener('DOMContentLoaded', () => announce(text, options), {once: true});
    return;
  }
  prepareAnnouncer();
  state().queue.push({
    message: text,
    politeness: politeness === 'assertive' ? 'assertive' : 'polite',
    source: options.source ? new WeakRef(options.source) : undefined,
  });
  schedule();
}

/** Observes every message as it is written (for logs, demos and tests). Returns the unsubscribe. */
export function onAnnounce(listener: (a: Announcement) => void): () => void {
  const s = state();
  s.listeners.add(listener);
  return () => s.listeners.delete(listener);
}

/** Drops queued messages that have not been spoken yet (e.g. a settings page muting everything). */
export function clearAnnouncements(): void {
  const s = state();
  s.queue.length = 0;
  clearTimeout(s.timer);
  s.timer = undefined;
}
