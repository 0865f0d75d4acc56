import {getBus} from '../core/bus.js';
import {pageSingleton} from '../core/global.js';

/** How many recent message ids a page remembers for dedupe. */
export const SEEN_LIMIT = 1000;

/** How long copies of an id-less server message are matched across tabs (ms since it was first applied). */
export const COPY_WINDOW_MS = 5000;

/** The bridged message being emitted right now (the bus delivers synchronously). */
export interface Delivery {
  topic: string;
  detail: unknown;
  id: string | undefined;
  /** True when it came from another tab (so it must not be posted back). */
  fromTab: boolean;
}

/** An id-less server message applied lately: when, `topic \n JSON`, then the sources whose copy it was. */
type Copy = [number, string, ...string[]];

interface DeliveryState {
  /** `topic \n id` of recently applied messages, oldest first (a bounded LRU set). */
  seen: Map<string, true>;
  /** Id-less server messages applied in the last COPY_WINDOW_MS (added later: an older copy of the package makes a state without it). */
  copies?: Copy[];
  current: Delivery | undefined;
}

// Page-wide: every bridge (and every copy of the package) shares one memory of applied ids, so
// an event that arrives from the server and again from another tab is applied once.
const state = () => pageSingleton<DeliveryState>('bridges', () => ({seen: new Map(), current: undefined}));

/** The bridged message whose bus handlers are running, if any. */
export const delivering = (): Delivery | undefined => state().current;

/**
 * Whether an id-less server message is a copy of one applied lately: this tab's own server
 * bridges (`source` '') and each other tab that relays what its server sent (`source`: its tab id)
 * deliver one copy of each event. A copy from a source matches the oldest message applied in the
 * window that no copy from that source matched yet; otherwise it is a new event. So two identical
 * events stay two, and one event from the server and from two other tabs is one.
 */
function isCopy(s: DeliveryState, topic: string, detail: unknown, source: string): boolean {
  const now = performance.now();
  let key;
  try {
    key = `${topic}\n${JSON.stringify(detail)}`;
  } catch {
    return false; // not JSON (a BigInt, a cycle): never matched
  }
  const copies = (s.copies = (s.copies ?? []).filter((c) => c[0] > now - COPY_WINDOW_MS));
  // NOTE: a key always holds a newline, so it never equals a source.
  const match = copies.find((c) => c[1] === key && !c.includes(source));
  if (match) match.push(source);
  else copies.push([now, key, source]);
  return !!match;
}

/**
 * Emits a bridged message on the bus unless a message with the same topic and id was already
 * applied on this page (a replay after a reconnect, or the same event from the server and from
 * another tab). A message without an id is matched by its content instead (see isCopy): `from` is
 * the id of the tab that relayed it (none from this tab's own server bridges). Returns whether it
 * was emitted.
 */
export function deliver(topic: string, detail: unknown, id: string | undefined, from?: string): boolean {
  const s = state();
  if (id === undefined) {
    if (isCopy(s, topic, detail, from ?? '')) return false;
  } else {
    const key = `${topic}\n${id}`;
    const seen = s.seen.has(key);
    // Refresh on every sighting: a replay keeps its id from being forgotten.
    s.seen.delete(key);
    s.seen.set(key, true);
    if (s.seen.size > SEEN_LIMIT) s.seen.delete(s.seen.keys().next().value as string);
    if (seen) return false;
  }
  const outer = s.current;
  s.current = {topic, detail, id, fromTab: from !== undefined};
  try {
    getBus().emit(topic, detail);
  } finally {
    s.current = outer;
  }
  return true;
}
