import {clearStored, loadStored, saveStored} from '../core/loops.js';

/**
 * How long an operation usually takes, learned from its past runs (`expected-key`). The last
 * five durations of each key are kept in localStorage under a versioned key
 * (`mi-elements:progress@1:<key>`); when storage throws (private mode, quota, disabled,
 * sandboxed iframe) they live in this page's memory instead (core/loops' storage). Never throws.
 */
const PREFIX = 'mi-elements:progress@1:';

/** The stored durations of `key`; junk, and durations outside (0, 1 day] (a clock jump, a tab asleep overnight), are dropped. */
function read(key: string): number[] {
  const list = loadStored(PREFIX + key);
  return Array.isArray(list) ? list.filter((n) => typeof n === 'number' && n > 0 && n <= 864e5) : [];
}

/** The typical (median) duration of `key`'s past runs in ms, or undefined before the first. */
export function typicalDuration(key: string): number | undefined {
  const list = read(key).sort((a, b) => a - b);
  return list[list.length >> 1];
}

/** Remembers that one run of `key` took `ms`. */
export function rememberDuration(key: string, ms: number): void {
  saveStored(PREFIX + key, [...read(key), ms].slice(-5));
}

/** Forgets the learned durations of `key`, or of every key: for tests and settings pages. */
export function forgetDurations(key?: string): void {
  clearStored(PREFIX, key);
}
