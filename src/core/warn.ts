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
