import {hasDom} from './global.js';

const WEB = /^https?:$/;

/**
 * Resolves `value` as a URL against the page and returns it only when its protocol is allowed
 * (http(s) by default: `javascript:`, `data:`, `vbscript:` … are refused). Relative URLs are fine.
 * Never throws; callers warn in their own words when it returns undefined.
 */
export function allowedUrl(value: unknown, protocols: RegExp = WEB): URL | undefined {
  if (!(typeof value === 'string' || value instanceof URL) || String(value).length > 2048) return undefined;
  try {
    const url = new URL(value, hasDom() ? document.baseURI : 'http://localhost/');
    return protocols.test(url.protocol) ? url : undefined;
  } catch {
    return undefined; // not a URL at all
  }
}
