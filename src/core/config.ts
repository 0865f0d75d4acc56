import {pageSingleton} from './global.js';
import {warnOnce} from './warn.js';

/** `auto` follows the user's `prefers-reduced-motion`; `reduce` and `full` force it. */
export type MotionSetting = 'auto' | 'reduce' | 'full';

/** Overridable texts: keys are documented per element; `{name}` placeholders are filled in. */
export type Strings = Record<string, string>;

export interface MiConfig {
  /** Play opt-in sound cues (`sound="…"` on elements). Off by default. */
  sound: boolean;
  /** Play opt-in vibration cues (`haptic="…"`). Off by default; never under reduced motion. */
  haptics: boolean;
  /** Page-wide motion preference. */
  motion: MotionSetting;
  /** Page-wide string overrides, by key. */
  strings: Strings;
  /** BCP 47 language for numbers, durations and lists; empty: the page's `lang`. */
  lang: string;
}

interface ConfigStore {
  config: MiConfig;
  listeners: Set<() => void>;
}

const store = () =>
  pageSingleton<ConfigStore>('config', () => ({
    config: {sound: false, haptics: false, motion: 'auto', strings: {}, lang: ''},
    listeners: new Set(),
  }));

export const MOTION_VALUES: readonly MotionSetting[] = ['auto', 'reduce', 'full'];

/** Keeps only string values under own, ordinary keys (no `__proto__` games, no markup execution). */
export function sanitizeStrings(input: unknown): Strings {
  const out: Strings = Object.create(null);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return out;
  for (const [key, value] of Object.entries(input)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (typeof value === 'string') out[key] = value.slice(0, 2000);
  }
  return out;
}

/** The `strings` attribute (JSON) as overrides; invalid JSON or junk values give none. */
export function parseStrings(value: string | null): Strings {
  try {
    return sanitizeStrings(value ? JSON.parse(value) : {});
  } catch {
    warnOnce('strings-json', 'A strings attribute is not valid JSON; ignored.');
    return sanitizeStrings({});
  }
}

/** `own[key]` when it is an own string (not inherited, not `__proto__`), else undefined. */
export const ownString = (own: unknown, key: string): string | undefined => {
  const value = own && typeof own == 'object' && Object.hasOwn(own, key) ? (own as Strings)[key] : undefined;
  return typeof value == 'string' ? value : undefined;
};

/**
 * Sets page-wide defaults for every element (a `<mi-provider>` overrides them for a subtree, an
 * element's own attributes override both). Unknown keys and wrong types are ignored with a warning.
 */
export function configure(options: Partial<MiConfig>): MiConfig {
  const s = store();
  const next = {...s.config};
  if (options === null || typeof options !== 'object') {
    warnOnce('configure-shape', 'configure() needs an object; ignored.');
    return {...next};
  }
  if ('sound' in options) next.sound = options.sound === true;
  if ('haptics' in options) next.haptics = options.haptics === true;
  if ('motion' in options) {
    if (MOTION_VALUES.includes(options.motion as MotionSetting)) next.motion = options.motion as MotionSetting;
    else warnOnce('configure-motion', `configure(): motion must be auto, reduce or full.`);
  }
  if ('strings' in options) next.strings = {...next.strings, ...sanitizeStrings(options.strings)};
  if ('lang' in options) next.lang = typeof options.lang === 'string' ? options.lang.slice(0, 35) : '';
  s.config = next;
  for (const listener of [...s.listeners]) listener();
  return {...next};
}

/** The current page-wide configuration (a copy). */
export const getConfig = (): MiConfig => ({...store().config});

/**
 * The current configuration itself, for reading on hot paths (every string, every update):
 * configure() replaces it rather than changing it, so it is never mutated after it is handed out.
 */
export const readConfig = (): Readonly<MiConfig> => store().config;

/** Calls `listener` after each `configure()`. Returns the unsubscribe. */
export function onConfigChange(listener: () => void): () => void {
  const {listeners} = store();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Back to the defaults (tests, settings pages). */
export function resetConfig(): void {
  store().config = {sound: false, haptics: false, motion: 'auto', strings: {}, lang: ''};
  for (const listener of [...store().listeners]) listener();
}
