import type {MiProgress} from './mi-progress.js';

/** What the helpers drive: an `<mi-progress>`, or anything with the same few members. */
export type ProgressTarget = Pick<MiProgress, 'value' | 'max' | 'track'>;

/**
 * Shows an `XMLHttpRequest` upload on `el`. Call it after `open()` and before `send()` (upload
 * events only fire for listeners added before sending). The bar follows the bytes sent
 * (indeterminate while the size is unknown); the run ends when the response arrives: a 2xx
 * status completes it, anything else (an HTTP error, a network error, abort, timeout) fails it
 * with the status text. Returns a promise of the finished request that never rejects.
 */
export function followUpload(xhr: XMLHttpRequest, el: ProgressTarget): Promise<XMLHttpRequest> {
  el.value = null;
  const done = new Promise<XMLHttpRequest>((resolve) => xhr.addEventListener('loadend', () => resolve(xhr)));
  xhr.upload.addEventListener('progress', (event) => {
    if (!event.lengthComputable || !(event.total > 0)) return;
    el.max = event.total;
    el.value = event.loaded;
  });
  el.track(
    done.then((request) => {
      if (request.status < 200 || request.status > 299) throw new Error(request.statusText || (request.status ? String(request.status) : ''));
    })
  );
  return done;
}

/**
 * Shows the download of a `fetch` `Response` body on `el`, and returns a new `Response` with the
 * same status and headers whose body is counted as you read it (`await followResponse(r,
 * el).json()`). With a `Content-Length` (and no `Content-Encoding`, whose compressed length
 * would not match the bytes read) the bar is determinate; otherwise indeterminate. The run
 * completes when the body has been read to the end and fails if reading fails or is cancelled.
 * A response that is not `ok` fails the run at once and is returned as it is, unread, as is one
 * without a body (204, HEAD), which completes it.
 */
export function followResponse(response: Response, el: ProgressTarget): Response {
  const {body, headers} = response;
  const length = Number(headers.get('content-length'));
  const known = length > 0 && ['', 'identity'].includes(headers.get('content-encoding') ?? '');
  el.value = known ? 0 : null;
  if (known) el.max = length;
  if (!response.ok || !body || response.status === 204 || response.status === 205) {
    el.track(Promise.resolve(response));
    return response;
  }
  let finish!: (ok: boolean) => void;
  let fail!: (error: unknown) => void;
  el.track(new Promise((resolve, reject) => ((finish = resolve), (fail = reject))));
  const reader = body.getReader();
  let loaded = 0;
  const counted = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const {done, value} = await reader.read();
        if (done) {
          controller.close();
          finish(true);
          return;
        }
        loaded += value.byteLength;
        if (known) el.value = Math.min(loaded, length);
        controller.enqueue(value);
      } catch (error) {
        fail(error);
        controller.error(error);
      }
    },
    cancel(reason) {
      fail(reason instanceof Error ? reason : new Error(''));
      return reader.cancel(reason);
    },
  });
  return new Response(counted, {status: response.status, statusText: response.statusText, headers});
}
