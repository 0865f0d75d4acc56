import {allowedUrl} from '../core/url.js';
import {preview, warnOnce} from '../core/warn.js';

/** One message for the bus, as the server bridges read it off the wire. */
export interface BridgeMessage {
  topic: string;
  detail?: unknown;
  /** Identifies the event (not the thing it is about): a message with a seen id is not applied again. */
  id?: string | number;
}

/** Which topics a bridge forwards: a list, or `'all'` (the default). */
export type Topics = readonly string[] | 'all';

/** Text longer than this is not parsed (a 1 MB "notice" is a mistake or an attack). */
export const MAX_DATA = 1_000_000;
const MAX_ID = 200;

const noop = () => {};

/** Refuses to connect, once loudly: returns the disconnect that does nothing. */
export const refuse = (key: string, message: string): (() => void) => {
  warnOnce(key, message);
  return noop;
};

/**
 * The URL a bridge may connect to, resolved against the page: http(s) (and, for a WebSocket,
 * ws(s), to which http(s) is mapped). Anything else — `javascript:`, `data:`, `file:`, junk — is
 * refused with one warning.
 */
export function bridgeUrl(input: unknown, socket: boolean): URL | undefined {
  const url = allowedUrl(input, socket ? /^(wss?|https?):$/ : /^https?:$/);
  if (url && socket && /^https?:$/.test(url.protocol)) url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (url) return url;
  warnOnce(`bridge-url:${preview(input)}`, `refused to connect to ${preview(input)}: only ${socket ? 'ws(s), ' : ''}http(s) and relative URLs are allowed.`);
  return undefined;
}

/** True for an object that looks like an EventSource or WebSocket the caller created. */
export const isTarget = (value: unknown): value is EventTarget =>
  typeof value === 'object' && value !== null && typeof (value as EventTarget).addEventListener === 'function';

/** The `topics` option as a test; a junk value forwards everything, with one warning. */
export function topicFilter(topics: unknown): {names: string[]; wanted: (topic: string) => boolean} {
  if (topics === undefined || topics === 'all') return {names: [], wanted: () => true};
  if (!Array.isArray(topics)) {
    warnOnce('bridge-topics', 'the topics option must be an array of topic names or "all"; forwarding all topics.');
    return {names: [], wanted: () => true};
  }
  const names = topics.filter((t): t is string => typeof t === 'string' && /^\S{1,200}$/.test(t));
  if (names.length < topics.length) warnOnce('bridge-topic-names', 'the topics option ignored entries that are not topic names.');
  const set = new Set(names);
  return {names, wanted: (topic) => set.has(topic)};
}

/** An id usable for dedupe (a short string or a finite number), or undefined. */
export const messageId = (id: unknown): string | undefined =>
  (typeof id === 'string' && id.length > 0 && id.length <= MAX_ID) || (typeof id === 'number' && Number.isFinite(id))
    ? String(id)
    : undefined;

/** Parses text from the wire; throws on anything that is not JSON text of a sane size. */
export function readJson(data: unknown): unknown {
  if (typeof data !== 'string' || data.length > MAX_DATA) throw new TypeError('not JSON text');
  return JSON.parse(data);
}

/** Reads `{topic, detail, id}`; throws when there is no string topic. */
export function readEnvelope(value: unknown): {topic: string; detail: unknown; id: string | undefined} {
  const {topic, detail, id} = value as BridgeMessage;
  if (typeof topic !== 'string') throw new TypeError('no topic');
  return {topic, detail, id: messageId(id)};
}
