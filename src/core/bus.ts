import {hasDom, pageSingleton} from './global.js';
import {preview, warnOnce} from './warn.js';

/** One message as the bus keeps it: what was sent, on which topic, and when. */
export interface BusMessage {
  readonly detail: unknown;
  readonly topic: string;
  /**
   * Page-wide emit counter (1, 2, 3 …, shared by every copy of the package): a later message has
   * a larger `seq`, and the same `seq` is the same message, even if its detail is equal.
   */
  readonly seq: number;
  /** When it was emitted, on the `performance.now()` clock: `performance.now() - time` is its age. */
  readonly time: number;
}

/** Called with each message's detail, its topic, and the message with its stamp. */
export type BusHandler = (detail: unknown, topic: string, message: BusMessage) => void;

/**
 * The page-wide message bus: the path by which system-initiated triggers (a server push, another
 * tab, app code) reach elements that `listen` to a topic.
 */
export interface Bus {
  /** Delivers `detail` to every handler of `topic` (and of `*`), and keeps it as the topic's last. */
  emit(topic: string, detail?: unknown): void;
  /** Subscribes; `'*'` receives every topic. Returns the function that unsubscribes. */
  on(topic: string, handler: BusHandler): () => void;
  /** The last detail emitted on `topic` (late subscribers start from it), or `undefined`. */
  last(topic: string): unknown;
  /**
   * The last message of `topic` with its stamp (`seq`, `time`), or `undefined`: what a late
   * subscriber needs to tell a message it has already applied, or a stale one, from news.
   */
  lastMessage(topic: string): BusMessage | undefined;
  /** Forgets the last message of `topic`, or of every topic. */
  clear(topic?: string): void;
}

const MAX_TOPIC = 200;
const ANY = '*';

/** A topic is a short non-empty string without whitespace; anything else is ignored once, loudly. */
const validTopic = (topic: unknown): topic is string =>
  typeof topic === 'string' && topic.length > 0 && topic.length <= MAX_TOPIC && !/\s/.test(topic);

function createBus(): Bus {
  const handlers = new Map<string, Set<BusHandler>>();
  const lastByTopic = new Map<string, BusMessage>();
  let seq = 0;

  const deliver = (set: Set<BusHandler> | undefined, message: BusMessage) => {
    if (!set) return;
    const {detail, topic} = message;
    // Copy: a handler may unsubscribe itself (or others) while we iterate.
    for (const handler of [...set]) {
      try {
        handler(detail, topic, message);
      } catch (error) {
        // NOTE: one throwing subscriber must not silence the others; report and go on.
        console.error(`[mi-elements] a bus handler for "${topic}" threw:`, error);
      }
    }
  };

  const bus: Bus = {
    emit(topic, detail) {
      if (!validTopic(topic) || topic === ANY) {
        warnOnce(`bus-topic:${preview(topic)}`, `bus.emit ignored an invalid topic ${preview(topic)}.`);
        return;
      }
      const message: BusMessage = Object.freeze({detail, topic, seq: ++seq, time: performance.now()});
      lastByTopic.set(topic, message);
      deliver(handlers.get(topic), message);
      deliver(handlers.get(ANY), message);
    },
    on(topic, handler) {
      if (!validTopic(topic) || typeof handler !== 'function') {
        warnOnce(`bus-on:${preview(topic)}`, `bus.on ignored an invalid topic or handler for ${preview(topic)}.`);
        return () => {};
      }
      let set = handlers.get(topic);
      if (!set) handlers.set(topic, (set = new Set()));
      set.add(handler);
      return () => {
        set.delete(handler);
        if (set.size === 0 && handlers.get(topic) === set) handlers.delete(topic);
      };
    },
    last(topic) {
      return bus.lastMessage(topic)?.detail;
    },
    lastMessage(topic) {
      return validTopic(topic) ? lastByTopic.get(topic) : undefined;
    },
    clear(topic) {
      if (topic === undefined) lastByTopic.clear();
      else lastByTopic.delete(topic);
    },
  };

  // Pages without module access (a CMS snippet) reach the bus with a DOM event:
  // document.dispatchEvent(new CustomEvent('mi:emit', {detail: {topic, detail}})).
  if (hasDom()) {
    document.addEventListener('mi:emit', (event) => {
      let topic: unknown;
      let detail: unknown;
      try {
        const payload = (event as CustomEvent).detail as {topic?: unknown; detail?: unknown} | null;
        if (payload === null || typeof payload !== 'object') throw new TypeError('not an object');
        ({topic, detail} = payload);
      } catch {
        // A hostile or malformed event (even a throwing getter) is ignored, never rethrown.
        warnOnce('mi:emit-shape', 'a mi:emit event needs detail: {topic, detail}; ignored.');
        return;
      }
      bus.emit(topic as string, detail);
    });
  }
  return bus;
}

/** The one bus of this page, created on first use (never at module load). */
export const getBus = (): Bus => pageSingleton('bus', createBus);

/**
 * The page-wide bus, as a stable object whose methods forward to the shared instance, so
 * importing it touches nothing until it is used.
 */
export const bus: Bus = {
  emit: (topic, detail) => getBus().emit(topic, detail),
  on: (topic, handler) => getBus().on(topic, handler),
  last: (topic) => getBus().last(topic),
  // NOTE: a bus made by an older copy of the package on this page has no stamps.
  lastMessage: (topic) => getBus().lastMessage?.(topic),
  clear: (topic) => getBus().clear(topic),
};
