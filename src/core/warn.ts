import {pageSingleton} from './global.js';

const warned = () => pageSingleton('warned', () => new Set<string>());

/**
 * One console warning per `key` per page: bad input is reported once, never per update, and
 * never thrown.
 */
export function warnOnce(key: string, message: string): void {
  const seen = warned();
  if (seen.has(key)) return;
  seen.add(key);
  console.warn(`[mi-elements] ${message}`);
}

/**
 * Describes a user-supplied value for a warning message, safely: a 1 MB label stays out of the
 * console, and a hostile object (a Proxy with throwing traps) is never read.
 */
export function preview(value: unknown): string {
  let text: string;
  switch (typeof value) {
    case 'string':
      text = JSON.stringify(value.length > 80 ? value.slice(0, 80) : value);
      break;
    case 'object':
      text = value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object';
      break;
    case 'function':
      text = 'a function';
      break;
    case 'symbol':
      text = 'a symbol';
      break;
    default:
      text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** One warning that `where` (e.g. `<mi-typing>`) ignored the value given for `what`: `<mi-typing> ignored avatar "javascript:…".` */
export function ignored(where: string, what: string, value: unknown): void {
  warnOnce(`${where}:${what}`, `${where} ignored ${what} ${preview(value)}.`);
}

/**
 * A duration (or any non-negative amount) read from an attribute, a property or an option: a
 * number or numeric string from `min` to `max`. Unset (`null`, `undefined`) gives `fallback`
 * quietly; junk (NaN, "abc", below `min`) gives `fallback`, and more than `max` gives `max`,
 * each with one warning that names where it was: `<mi-confirm> used 200 for pending-delay="abc".`
 */
export function duration(value: unknown, fallback: number, where: string, name: string, min = 0, max = 86_400_000): number {
  if (value == null) return fallback;
  const n = typeof value == 'string' && value.trim() ? Number(value) : value;
  if (typeof n == 'number' && n >= min && n <= max) return n;
  const used = typeof n == 'number' && n > max ? max : fallback;
  warnOnce(`${where}:${name}`, `${where} used ${used} for ${name}=${preview(value)}.`);
  return used;
}
