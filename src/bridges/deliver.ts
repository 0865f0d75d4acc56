import {getBus} from '../core/bus.js';
import {pageSingleton} from '../core/global.js';

/** How many recent message ids a page remembers for dedupe. */
export const SEEN_LIMIT = 1000;

/** The bridged message being emitted right now (the bus delivers synchronously). */
export interface Delivery {
  topic: string;
  detail: unknown;
  id: string | undefined;
  /** True when it came from another tab (so it must not be posted back). */
  fromTab: boolean;
}

interface DeliveryState {
  /** `topic \n id` of recently applied messages, oldest first (a bounded LRU set). */
  seen: Map<string, true>;
  current: Delivery | undefined;
}

// Page-wide: every bridge (and every copy of the package) shares one memory of applied ids, so
// an event that arrives from the server and again from another tab is applied once.
const state = () => pageSingleton<DeliveryState>('bridges', () => ({seen: new Map(), current: undefined}));

/** The bridged message whose bus handlers are running, if any. */
export const delivering = (): Delivery | undefined => state().current;

/**
 * Emits a bridged message on the bus unless a message with the same topic and id was already
 * applied on this page (a replay after a reconnect, or the same event from the server and from
 * another tab). Returns whether it was emitted.
 */
export function deliver(topic: string, detail: unknown, id: string | undefined, fromTab = false): boolean {
  const s = state();
  if (id !== undefined) {
    const key = `${topic}\n${id}`;
    const seen = s.seen.has(key);
    // Refresh on every sighting: a replay keeps its id from being forgotten.
    s.seen.delete(key);
    s.seen.set(key, true);
    if (s.seen.size > SEEN_LIMIT) s.seen.delete(s.seen.keys().next().value as string);
    if (seen) return false;
  }
  const outer = s.current;
  s.current = {topic, detail, id, fromTab};
  try {
    getBus().emit(topic, detail);
  } finally {
    s.current = outer;
  }
  return true;
}
