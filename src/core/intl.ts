import {hasDom} from './global.js';
import {getConfig} from './config.js';

/** Language for formatting: explicit → configure({lang}) → nearest [lang] → the page → 'en'. */
export function resolveLang(explicit?: string | null, element?: Element): string {
  const candidates = [
    explicit,
    getConfig().lang,
    // NOTE: server rendering hands us a shim element without closest().
    typeof element?.closest === 'function' ? element.closest('[lang]')?.getAttribute('lang') : undefined,
    hasDom() ? document.documentElement.lang : '',
    typeof navigator !== 'undefined' ? navigator.language : '',
  ];
  for (const lang of candidates) {
    if (lang && isSupported(lang)) return lang;
  }
  return 'en';
}

function isSupported(lang: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([lang]).length > 0;
  } catch {
    return false; // not a well-formed language tag
  }
}

/** Fills `{name}` placeholders; unknown placeholders stay as written. Values render as text. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
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
  return new Intl.NumberFormat(lang, {style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1}).format(value);
}

/** "42%" in the page's language. */
export const formatPercent = (fraction: number, lang: string): string =>
  new Intl.NumberFormat(lang, {style: 'percent', maximumFractionDigits: 0}).format(fraction);

/** "Ana, Ben and Cleo" in the page's language. */
export const formatList = (items: string[], lang: string): string =>
  new Intl.ListFormat(lang, {style: 'long', type: 'conjunction'}).format(items);
