import {allowedUrl} from '../core/url.js';
import {pageSingleton} from '../core/global.js';
import {preview, warnOnce} from '../core/warn.js';
import type {MiToaster} from './mi-toaster.js';

/** `pending` stays until it is updated (toast.promise uses it); `error` stays until dismissed. */
export type ToastKind = 'info' | 'success' | 'warning' | 'error' | 'pending';

export interface ToastAction {
  /** The button or link text. */
  label: string;
  /** A link (http(s) or relative only; anything else is refused). */
  href?: string;
  /** Runs on click (not accepted from the bus). Either way, using the action dismisses the notice. */
  onClick?: () => void;
}

export interface ToastOptions {
  kind?: ToastKind;
  /** Milliseconds shown (paused while hovered, focused or in a hidden tab); `0`, negative or `Infinity`: until dismissed. */
  duration?: number;
  action?: ToastAction | null;
  /** A notice with the same id is updated instead of stacked. */
  id?: string;
  description?: string;
}

/** What `toast()` returns: update or dismiss that one notice later. */
export interface ToastHandle {
  readonly id: string;
  update(patch: ToastOptions & {message?: string}): void;
  dismiss(): void;
}

/** A validated patch of a notice (from `toast()`, a handle or a bus payload). */
export interface ToastPatch {
  message?: string;
  description?: string;
  kind?: ToastKind;
  duration?: number;
  action?: ToastAction;
  id?: string;
  dismiss?: boolean;
}

/** One notice, as the toaster keeps it. */
export interface Notice extends ToastPatch {
  id: string;
  message: string;
  kind: ToastKind;
  /** Milliseconds left while its timer is stopped; Infinity: until dismissed. */
  left: number;
  /** When its running timer ends (performance.now()), or 0 while stopped. */
  end: number;
  /** Arrived or changed while the tab was hidden. */
  away?: boolean;
  /** The text last announced for it. */
  said?: string;
  /** A summary's notices (those that arrived while the tab was hidden). */
  group?: Notice[];
  /** Its list item (rendered from data, moved only within our own shadow roots). */
  el?: HTMLLIElement;
}

export const KINDS: readonly ToastKind[] = ['info', 'success', 'warning', 'error', 'pending'];

/** Text is capped: nobody reads a 1 MB notice, and a server must not freeze the page. */
const MAX_TEXT = 2000;

/** Connected toasters, newest last: toast() uses the newest, or creates one. */
export const toasters = (): MiToaster[] => pageSingleton('toasters', () => []);

/** Bus payload objects some toaster already showed: a late toaster does not replay them. */
export const seen = (): WeakSet<object> => pageSingleton('toasts-seen', () => new WeakSet());

/** Reading time: 200 words a minute plus a second to notice it. */
export const readingTime = (text: string): number => 1000 + text.split(/\s+/).filter(Boolean).length * 300;

/** An http(s) or relative URL, resolved; anything else (javascript:, data:, …) is refused with a warning. */
export function safeHref(href: unknown): string | undefined {
  const url = allowedUrl(href);
  if (url) return url.href;
  warnOnce('toast-href', `toast: refused the URL ${preview(href)} (http(s) or relative only).`);
  return undefined;
}

function text(value: unknown, max = MAX_TEXT): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  if (value.length > max) warnOnce('toast-length', `toast: cut a text to ${max} characters.`);
  return value.slice(0, max);
}

/**
 * Validates a toast payload: own keys only, text as text, known kinds, http(s)/relative links.
 * `trusted` (app code, not the bus) may pass an `onClick` function. May throw on hostile objects
 * (throwing getters); callers catch.
 */
export function normalize(raw: unknown, trusted: boolean): ToastPatch {
  const out: ToastPatch = {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    warnOnce('toast-payload', `toast: ignored ${preview(raw)} (not an object).`);
    return out;
  }
  const get = (key: string) => (Object.hasOwn(raw, key) ? (raw as Record<string, unknown>)[key] : undefined);
  const message = text(get('message'));
  if (message?.trim()) out.message = message;
  const description = text(get('description'));
  if (description !== undefined) out.description = description;
  const id = text(get('id'), 200);
  if (id) out.id = id;
  const kind = get('kind');
  if (KINDS.includes(kind as ToastKind)) out.kind = kind as ToastKind;
  else if (kind !== undefined) warnOnce('toast-kind', `toast: unknown kind ${preview(kind)}.`);
  const duration = get('duration');
  const ms = typeof duration === 'string' && duration.trim() ? Number(duration) : duration;
  if (typeof ms === 'number' && !Number.isNaN(ms)) out.duration = ms;
  const action = get('action');
  if (action === null) out.action = undefined;
  else if (action !== undefined) {
    // A label alone is a button that dismisses ("Got it"); a refused href leaves just that.
    const label = text((action as ToastAction)?.label, 100);
    const {href, onClick} = action as ToastAction;
    if (label?.trim()) out.action = {label, href: href === undefined ? undefined : safeHref(href), onClick: trusted && typeof onClick === 'function' ? onClick : undefined};
    else warnOnce('toast-action', 'toast: an action needs a label.');
  }
  if (get('dismiss') === true) out.dismiss = true;
  return out;
}
