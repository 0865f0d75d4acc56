/**
 * How long an operation usually takes, learned from its past runs (`expected-key`). The last
 * five durations of each key are kept in localStorage under a versioned key
 * (`mi-elements:progress@1:<key>`); when storage throws (private mode, quota, disabled,
 * sandboxed iframe) they live in this page's memory instead. Never throws.
 */
const PREFIX = 'mi-elements:progress@1:';
/** Durations outside (0, 1 day] are junk (a clock jump, a tab asleep overnight). */
const DAY = 86_400_000;
const memory = new Map<string, number[]>();

function read(key: string): number[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(PREFIX + key)!);
    if (Array.isArray(list)) return list.filter((n) => typeof n === 'number' && n > 0 && n <= DAY);
  } catch {
    /* storage unavailable or junk: memory */
  }
  return memory.get(key) ?? [];
}

/** The typical (median) duration of `key`'s past runs in ms, or undefined before the first. */
export function typicalDuration(key: string): number | undefined {
  const list = read(key).sort((a, b) => a - b);
  return list[list.length >> 1];
}

/** Remembers that one run of `key` took `ms`. */
export function rememberDuration(key: string, ms: number): void {
  const list = [...read(key), ms].slice(-5);
  memory.set(key, list);
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(list));
  } catch {
    /* memory is enough for this page */
  }
}

/** Forgets the learned durations of `key`, or of every key: for tests and settings pages. */
export function forgetDurations(key?: string): void {
  if (key === undefined) memory.clear();
  else memory.delete(key);
  try {
    for (const k of Object.keys(localStorage)) {
      if (key === undefined ? k.startsWith(PREFIX) : k === PREFIX + key) localStorage.removeItem(k);
    }
  } catch {
    /* nothing stored */
  }
}
