import {hasDom} from '../core/global.js';
import {warnOnce} from '../core/warn.js';
import type {RetryOptions} from './backoff.js';
import {deliver} from './deliver.js';
import {link} from './link.js';
import {bridgeUrl, isTarget, readEnvelope, readJson, refuse, topicFilter, type BridgeMessage, type Topics} from './message.js';

export interface WebSocketOptions extends RetryOptions {
  /**
   * Reads one frame (`event.data`: text, Blob or ArrayBuffer) into `{topic, detail, id}`, or
   * `null` to skip it (a heartbeat). Default: JSON text `{topic, detail, id}`.
   */
  parse?: (data: unknown) => BridgeMessage | null | undefined;
  /** Topics to forward (default `'all'`). */
  topics?: Topics;
  /** Subprotocols for `new WebSocket(url, protocols)`. */
  protocols?: string | string[];
}

/**
 * Forwards a WebSocket's messages to the bus: JSON `{topic, detail, id}` frames, or whatever
 * `parse` makes of a frame. Messages with an `id` are applied once. Given a URL (http(s) is
 * mapped to ws(s)), a dropped or failed connection is retried with exponential backoff and
 * jitter; a caller's own socket is neither reconnected nor closed by `disconnect()`.
 */
export function connectWebSocket(urlOrSocket: string | URL | WebSocket, options?: WebSocketOptions): () => void {
  if (!hasDom()) return () => {};
  options ??= {};
  if (typeof WebSocket === 'undefined') return refuse('ws-missing', 'connectWebSocket: this browser has no WebSocket.');
  const given = isTarget(urlOrSocket) ? (urlOrSocket as WebSocket) : undefined;
  const url = given ? undefined : bridgeUrl(urlOrSocket, true);
  if (!given && !url) return () => {};

  const {wanted} = topicFilter(options.topics);
  const {parse, protocols} = options;
  if (parse !== undefined && typeof parse !== 'function') warnOnce('ws-parse', 'connectWebSocket: parse must be a function; reading JSON instead.');
  const custom = typeof parse === 'function' ? parse : undefined;

  const onMessage = (event: Event) => {
    const {data} = event as MessageEvent;
    try {
      const message = custom ? custom(data) : readJson(data);
      if (custom && message == null) return;
      const {topic, detail, id} = readEnvelope(message);
      if (wanted(topic)) deliver(topic, detail, id);
    } catch {
      warnOnce('ws-junk', 'connectWebSocket ignored a message that is not {topic, detail, id}.');
    }
  };

  const create = () => {
    try {
      return new WebSocket(url!, protocols);
    } catch {
      // Only a junk subprotocol gets here (the URL was checked): retrying would not help.
      warnOnce('ws-open', 'connectWebSocket could not open the socket (check the protocols option).');
      return undefined;
    }
  };

  return link(given, create, [['message', onMessage]], 'close', options);
}
