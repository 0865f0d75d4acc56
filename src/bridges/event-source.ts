import {hasDom} from '../core/global.js';
import {warnOnce} from '../core/warn.js';
import type {RetryOptions} from './backoff.js';
import {deliver} from './deliver.js';
import {link} from './link.js';
import {bridgeUrl, isTarget, readEnvelope, readJson, refuse, topicFilter, type Topics} from './message.js';

export interface EventSourceOptions extends RetryOptions {
  /**
   * Topics to forward (default `'all'`). Named SSE events (`event: toast`) are received only for
   * the topics listed here: EventSource has no wildcard listener.
   */
  topics?: Topics;
  /** Sends cookies to a cross-origin stream (`new EventSource(url, {withCredentials})`). */
  withCredentials?: boolean;
}

/** The name of the query parameter that carries the last seen SSE id on our reconnections. */
export const LAST_EVENT_ID_PARAM = 'lastEventId';

// Named events that would collide with the EventSource's own events.
const RESERVED = ['message', 'open', 'error'];

/**
 * Forwards a Server-Sent Events stream to the bus. An `event: name` is the topic and its `data`
 * the detail (JSON); plain `message` events carry JSON `{topic, detail, id}`. Messages with an id
 * (the SSE `id:` or the payload's `id`) are applied once, so replays after a reconnect are
 * ignored. Given a URL, a failed or dropped connection is retried with exponential backoff and
 * jitter, and the last SSE id is sent as the `lastEventId` query parameter. A caller's own
 * EventSource keeps the browser's retry and is not closed by `disconnect()`.
 */
export function connectEventSource(urlOrSource: string | URL | EventSource, options?: EventSourceOptions): () => void {
  if (!hasDom()) return () => {};
  options ??= {};
  if (typeof EventSource === 'undefined') return refuse('sse-missing', 'connectEventSource: this browser has no EventSource.');
  const given = isTarget(urlOrSource) ? (urlOrSource as EventSource) : undefined;
  const url = given ? undefined : bridgeUrl(urlOrSource, false);
  if (!given && !url) return () => {};

  const {names, wanted} = topicFilter(options.topics);
  let lastId = '';
  let previousId = '';

  const onMessage = (event: Event) => {
    const {type, data, lastEventId} = event as MessageEvent;
    // NOTE: EventSource repeats the last id on events that carry none, so only a changed id
    // identifies an event; an unchanged one would wrongly drop every id-less event after it.
    const fresh = lastEventId !== previousId ? lastEventId : '';
    previousId = lastEventId;
    if (lastEventId) lastId = lastEventId;
    try {
      const parsed = readJson(data);
      const {topic, detail, id} = type === 'message' ? readEnvelope(parsed) : {topic: type, detail: parsed, id: undefined};
      if (wanted(topic)) deliver(topic, detail, id ?? (fresh || undefined));
    } catch {
      warnOnce('sse-junk', 'connectEventSource ignored a message whose data is not JSON {topic, detail, id}.');
    }
  };

  // NOTE: the browser's own retry (fixed delay, forever) is replaced by ours: `link` closes a
  // failed EventSource and opens a new one after a growing delay, carrying the last id.
  const create = () => {
    const target = new URL(url!);
    if (lastId) target.searchParams.set(LAST_EVENT_ID_PARAM, lastId);
    previousId = '';
    return new EventSource(target, {withCredentials: options.withCredentials === true});
  };

  const events = ['message', ...names.filter((name) => !RESERVED.includes(name))];
  return link(given, create, events.map((name) => [name, onMessage]), 'error', options);
}
