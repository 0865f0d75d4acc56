import {duration} from '../core/warn.js';

/** Reconnection timing shared by the server bridges. */
export interface RetryOptions {
  /** Delay before the first reconnection, in ms (default 1000); it doubles after each failure. */
  retryMs?: number;
  /** Upper bound of that delay, in ms (default 30000). */
  maxRetryMs?: number;
}

/** Schedules reconnections; `reset()` after a connection opened, `stop()` on disconnect. */
export interface Reconnector {
  schedule(): void;
  reset(): void;
  stop(): void;
}

const HOUR = 3_600_000;

const ms = (value: unknown, fallback: number, name: string): number => duration(value, fallback, 'retry', name, 1, HOUR);

/**
 * The wait before reconnection number `attempt` (from 0): `base · 2^attempt`, capped at `max`,
 * with "equal jitter" (half fixed, half random). The random half spreads the clients of a
 * restarted server; the fixed half keeps each client's waits growing.
 */
export const backoff = (attempt: number, base: number, max: number): number => {
  const ceiling = Math.min(max, base * 2 ** Math.min(attempt, 31));
  return ceiling / 2 + (Math.random() * ceiling) / 2;
};

/**
 * Calls `open` after a growing delay each time `schedule()` is called. When the browser comes
 * back online, a pending reconnection happens at once instead of waiting out its delay.
 */
export function reconnector(open: () => void, options: RetryOptions): Reconnector {
  const base = ms(options.retryMs, 1000, 'retryMs');
  const max = Math.max(base, ms(options.maxRetryMs, 30_000, 'maxRetryMs'));
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const now = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    open();
  };
  addEventListener('online', now);
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(now, backoff(attempt++, base, max));
    },
    reset() {
      attempt = 0;
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
      removeEventListener('online', now);
    },
  };
}
