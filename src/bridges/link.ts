import {reconnector, type RetryOptions} from './backoff.js';

/** What the server bridges connect: an EventSource or a WebSocket. */
type Source = EventTarget & {close(): void};

/**
 * Keeps `listeners` on a connection. A caller's own connection (`given`) is only listened to:
 * never reconnected, never closed. Otherwise `create()` opens one, and when it fails (`fail`:
 * the EventSource's `error`, the WebSocket's `close`) it is closed and opened again after a
 * growing delay (reset once a connection opens). Returns the disconnect.
 */
export function link<T extends Source>(
  given: T | undefined,
  create: () => T | undefined,
  listeners: Array<[string, (event: Event) => void]>,
  fail: 'error' | 'close',
  options: RetryOptions
): () => void {
  let target = given;
  const listen = (t: T, on: boolean) => {
    const method = on ? 'addEventListener' : 'removeEventListener';
    for (const [type, listener] of listeners) t[method](type, listener);
    if (retry) {
      t[method]('open', retry.reset);
      t[method](fail, failed);
    }
  };
  const failed = (event: Event) => {
    // A server-sent `event: error` is a MessageEvent, not a failed connection.
    if ('data' in event) return;
    listen(target!, false);
    target!.close();
    retry!.schedule();
  };
  const open = () => {
    target = create();
    if (target) listen(target, true);
  };
  const retry = given ? undefined : reconnector(open, options);
  if (given) listen(given, true);
  else open();

  let connected = true;
  return () => {
    if (!connected) return;
    connected = false;
    retry?.stop();
    if (!target) return;
    listen(target, false);
    if (!given) target.close();
  };
}
