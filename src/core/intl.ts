import {hasDom} from './global.js';
import {readConfig} from './config.js';

/** Language for formatting: explicit → configure({lang}) → nearest [lang] → the page → the browser → 'en' (the first well-formed one). */
export function resolveLang(explicit?: string | null, element?: Element): string {
  const candidates = [
    explicit,
    readConfig().lang,
    // NOTE: server rendering hands us a shim element without closest().
    typeof element?.closest === 'function' ? element.closest('[lang]')?.getAttribute('lang') : undefined,
    hasDom() ? document.documentElement.lang : '',
    typeof navigator !== 'undefined' ? navigator.language : '',
  ];
  for (const lang of candidates) {
    if (lang && isWellFormed(lang)) return lang;
  }
  return 'en';
}

// NOTE: only well-formedness is checked here (cheap); for a well-formed language it has no data
// for, Intl itself falls back to the browser's language. Asking Intl which languages it supports
// would load its language data (≈ 20 ms in Chromium) before the first number is even formatted —
// on the path of an element's first feedback. Answers are kept: a page uses a handful of languages.
const wellFormed = new Map<string, boolean>();
function isWellFormed(lang: string): boolean {
  let ok = wellFormed.get(lang);
  if (ok === undefined) {
    try {
      ok = Intl.getCanonicalLocales(lang).length > 0;
    } catch {
      ok = false; // not a well-formed language tag
    }
    if (wellFormed.size > 100) wellFormed.clear();
    wellFormed.set(lang, ok);
  }
  return ok;
}

type Formatters = {
  NumberFormat: Intl.NumberFormat;
  ListFormat: Intl.ListFormat;
  PluralRules: Intl.PluralRules;
};
const formatters = new Map<string, Formatters[keyof Formatters]>();

/** A shared `Intl` formatter for this language and these options (built once, then reused). */
export function formatter<K extends keyof Formatters>(kind: K, lang: string, options: object = {}): Formatters[K] {
  const key = `${kind}|${lang}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    made = new (Intl[kind] as unknown as new (lang: string, options: object) => Formatters[K])(lang, options);
    if (formatters.size > 200) formatters.clear();
    formatters.set(key, made);
  }
  return made as Formatters[K];
}

/** Fills `{name}` placeholders; unknown placeholders stay as written. Values render as text. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole
  );
}

/** "20 seconds", "2 minutes", "1 hour" — rounded to a unit a person would say. */
export function formatDuration(ms: number, lang: string): string {
  const seconds = Math.max(0, ms / 1000);
  let value: number;
  let unit: 'second' | 'minute' | 'hour';
  if (seconds < 10) [value, unit] = [Math.max(1, Math.round(seconds)), 'second'];
  else if (seconds < 60) [value, unit] = [Math.round(seconds / 5) * 5, 'second'];
  else if (seconds < 3600) [value, unit] = [Math.round(seconds / 60), 'minute'];
  else [value, unit] = [Math.round(seconds / 360) / 10, 'hour'];
  if (unit === 'second' && value >= 60) [value, unit] = [1, 'minute'];
  if (unit === 'minute' && value >= 60) [value, unit] = [1, 'hour'];
  return formatter('NumberFormat', lang, {style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1}).format(value);
}

/** "42%" in the page's language. */
export const formatPercent = (fraction: number, lang: string): string =>
  formatter('NumberFormat', lang, {style: 'percent', maximumFractionDigits: 0}).format(fraction);

/** "Ana, Ben and Cleo" in the page's language. */
export const formatList = (items: string[], lang: string): string =>
  // One name needs no list formatting, and skipping Intl spares the first "Ana is typing…" the
  // one-off cost of loading the language data (≈ 20 ms in Chromium).
  items.length < 2 ? (items[0] ?? '') : formatter('ListFormat', lang, {style: 'long', type: 'conjunction'}).format(items);
