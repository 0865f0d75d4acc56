import {pageSingleton} from './global.js';
import {warnOnce} from './warn.js';

/**
 * How often a micro-interaction has been shown and whether it was dismissed, per key. Kept in
 * localStorage under a versioned prefix; when storage throws (private mode, quota, disabled,
 * sandboxed iframe) it degrades to memory for this page and never throws.
 */
export interface LoopRecord {
  /** Times shown. */
  count: number;
  /** When it was last shown (ms since epoch), 0 if never. */
  lastShown: number;
  /** When the user dismissed it ("Got it", Esc), 0 if not. */
  dismissedAt: number;
}

export interface LoopRule {
  /** The key under which the record is kept; a new key (e.g. `tour-v2`) starts over. */
  key: string;
  /** Show at most this many times (`once` is `times: 1`). */
  times?: number;
  /** After a dismissal, show again only after this many days; without it a dismissal is final. */
  snoozeDays?: number;
}

const PREFIX = 'mi-elements:loop@1:';
const DAY = 86_400_000;

const memory = () => pageSingleton('loops-memory', () => new Map<string, LoopRecord>());

function storage(): Storage | undefined {
  try {
    // NOTE: merely reading window.localStorage throws in some sandboxed iframes.
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

const empty = (): LoopRecord => ({count: 0, lastShown: 0, dismissedAt: 0});

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);

function parse(raw: string | null): LoopRecord | undefined {
  if (!raw) return undefined;
  try {
    const data = JSON.parse(raw) as Partial<LoopRecord> | null;
    if (!data || typeof data !== 'object') return undefined;
    return {count: num(data.count), lastShown: num(data.lastShown), dismissedAt: num(data.dismissedAt)};
  } catch {
    return undefined;
  }
}

/** The record of `key`: from storage, or from this page's memory when storage failed. */
export function readLoop(key: string): LoopRecord {
  let raw: string | null = null;
  try {
    raw = storage()?.getItem(PREFIX + key) ?? null;
  } catch {
    /* storage disabled: memory only */
  }
  const stored = parse(raw);
  const mem = memory().get(key);
  return stored ?? (mem ? {...mem} : empty());
}

function writeLoop(key: string, record: LoopRecord): void {
  try {
    const store = storage();
    if (!store) throw new Error('no storage');
    store.setItem(PREFIX + key, JSON.stringify(record));
    memory().delete(key);
  } catch {
    memory().set(key, record);
    warnOnce('loops-storage', 'localStorage is unavailable; show-once limits last for this page only.');
  }
}

/** Whether the rule allows showing now. */
export function canShow(rule: LoopRule, now = Date.now()): boolean {
  const record = readLoop(rule.key);
  if (record.dismissedAt) {
    if (rule.snoozeDays === undefined || !(rule.snoozeDays > 0)) return false;
    if (now - record.dismissedAt < rule.snoozeDays * DAY) return false;
  }
  return rule.times === undefined || !(rule.times > 0) || record.count < rule.times;
}

/** Counts one showing of `key`. */
export function recordShown(key: string, now = Date.now()): void {
  const record = readLoop(key);
  writeLoop(key, {...record, count: record.count + 1, lastShown: now});
}

/** Remembers that the user dismissed `key`. */
export function recordDismissed(key: string, now = Date.now()): void {
  writeLoop(key, {...readLoop(key), dismissedAt: now});
}

/** Forgets every record (or the one of `key`): for tests and "show tips again" settings. */
export function resetLoops(key?: string): void {
  const mem = memory();
  const store = storage();
  if (key !== undefined) {
    mem.delete(key);
    try {
      store?.removeItem(PREFIX + key);
    } catch {
      /* memory was enough */
    }
    return;
  }
  mem.clear();
  try {
    if (!store) return;
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (k?.startsWith(PREFIX)) keys.push(k);
    }
    for (const k of keys) store.removeItem(k);
  } catch {
    /* memory was enough */
  }
}
