/**
 * The one rule for "did it work?", shared by <mi-confirm>, <mi-progress>.track() and
 * toast.promise(): a result with `ok === false` (a failed `Response`, or any object shaped like
 * one) is a failure; anything else that fulfilled is a success. Reading a hostile value (a
 * throwing getter, a Proxy) never throws: it counts as a failure with no reason.
 */
export function failed(result: unknown): boolean {
  try {
    return result !== null && typeof result === 'object' && (result as {ok?: unknown}).ok === false;
  } catch {
    return true;
  }
}

/** A short human reason for a failure or rejection ('' when there is none to read). */
export function reasonOf(error: unknown): string {
  try {
    if (typeof error === 'string') return error;
    if (error instanceof Error) return error.message;
    if (error !== null && typeof error === 'object' && 'status' in error) {
      const {status, statusText} = error as {status?: unknown; statusText?: unknown};
      if (typeof statusText === 'string' && statusText) return statusText;
      if (typeof status === 'number') return `HTTP ${status}`;
    }
  } catch {
    /* unreadable: no reason */
  }
  return '';
}
