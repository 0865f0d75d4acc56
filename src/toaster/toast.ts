import {failed} from '../core/outcome.js';
import {canDefine} from '../core/define.js';
import {getConfig} from '../core/config.js';
import {hasDom} from '../core/global.js';
import {MiToaster} from './mi-toaster.js';
import {toasters, type ToastHandle, type ToastOptions} from './notice.js';

/** The texts of `toast.promise()`; `success` and `error` may be functions of the result or error. */
export interface ToastPromiseOptions<T> extends Omit<ToastOptions, 'kind'> {
  pending?: string;
  success?: string | ((result: T) => string);
  error?: string | ((error: unknown) => string);
  /** Decides success for other result shapes (GraphQL `errors`, JSON flags). Default: not `ok === false`. */
  isSuccess?: (result: T) => boolean;
}

const NONE: ToastHandle = {id: '', update() {}, dismiss() {}};

/** The newest connected toaster, or a new one at the end of <body>. Nothing runs at import. */
function toaster(): MiToaster | undefined {
  if (!hasDom()) return undefined;
  if (canDefine('mi-toaster', MiToaster)) customElements.define('mi-toaster', MiToaster);
  let el = toasters().at(-1);
  if (!el) {
    el = document.createElement('mi-toaster');
    (document.body ?? document.documentElement).append(el);
  }
  return typeof el.show === 'function' ? el : undefined;
}

/**
 * Shows a notice in the page's toaster (created on demand) and returns a handle to update or
 * dismiss it. A notice with the same `id` as one on screen updates it.
 */
export function toast(message: string, options?: ToastOptions): ToastHandle {
  return toaster()?.show(message, options) ?? NONE;
}

/**
 * Follows a promise in one notice: `pending` until it settles, then `success` — only after it
 * fulfils — or `error` (a rejection, or a result with `ok === false` such as a failed `Response`).
 */
toast.promise = <T>(promise: PromiseLike<T> | T, options: ToastPromiseOptions<T> = {}): ToastHandle => {
  const {pending, success, error, isSuccess, ...rest} = options;
  const strings = getConfig().strings;
  const handle = toast(pending || (strings['toast.pending'] ?? 'Working…'), {...rest, kind: 'pending'});
  const settle = (ok: boolean, value: unknown) => {
    let text: unknown = ok ? success : error;
    try {
      if (typeof text === 'function') text = text(value);
    } catch {
      text = undefined;
    }
    const fallback = ok ? (strings['toast.success'] ?? 'Done') : (strings['toast.error'] ?? 'Something went wrong');
    handle.update({kind: ok ? 'success' : 'error', message: typeof text === 'string' && text.trim() ? text : fallback});
  };
  Promise.resolve(promise)
    .then(
      (result) => settle(isSuccess ? isSuccess(result) : !failed(result), result),
      (reason) => settle(false, reason)
    )
    .catch((reason) => settle(false, reason));
  return handle;
};
