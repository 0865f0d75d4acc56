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

/** Values that storage refused, by storage key, for this page only (shared by loops and progress durations). */
const memory = () => pageSingleton('stored-memory', () => new Map<string, unknown>());

function storage(): Storage | undefined {
  try {
    // NOTE: merely reading window.localStorage throws in some sandboxed iframes.
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The JSON value kept under `key` in localStorage, or in this page's memory when storage failed
 * (private mode, quota, disabled, sandboxed iframe). Unreadable JSON reads as memory's. Never throws.
 */
export function loadStored(key: string): unknown {
  try {
    const raw = storage()?.getItem(key);
    if (raw) return JSON.parse(raw);
  } catch {
    /* storage disabled or junk: memory */
  }
  return memory().get(key);
}

/** Keeps `value` as JSON under `key`: in localStorage, else in this page's memory. Returns whether storage took it. Never throws. */
export function saveStored(key: string, value: unknown): boolean {
  try {
    storage()!.setItem(key, JSON.stringify(value));
    memory().delete(key);
    return true;
  } catch {
    memory().set(key, value);
    return false;
  }
}

/** Forgets `prefix + key`, or every key starting with `prefix`, in storage and in memory. Never throws. */
export function clearStored(prefix: string, key?: string): void {
  const mem = memory();
  const match = (k: string) => (key === undefined ? k.startsWith(prefix) : k === prefix + key);
  for (const k of [...mem.keys()]) if (match(k)) mem.delete(k);
  try {
    const store = storage()!;
    for (const k of Object.keys(store)) if (match(k)) store.removeItem(k);
  } catch {
    /* memory was enough */
  }
}

const empty = (): LoopRecord => ({count: 0, lastShown: 0, dismissedAt: 0});

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);

/** The record of `key`: from storage, or from this page's memory when storage failed. */
export function readLoop(key: string): LoopRecord {
  const data = loadStored(PREFIX + key) as Partial<LoopRecord> | null | undefined;
  return data && typeof data === 'object' ? {count: num(data.count), lastShown: num(data.lastShown), dismissedAt: num(data.dismissedAt)} : empty();
}

function writeLoop(key: string, record: LoopRecord): void {
  if (!saveStored(PREFIX + key, record)) warnOnce('loops-storage', 'localStorage is unavailable; show-once limits last for this page only.');
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
  clearStored(PREFIX, key);
}
