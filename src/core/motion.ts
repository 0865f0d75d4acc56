import {hasDom, pageSingleton} from './global.js';
import {readConfig, onConfigChange, type MotionSetting} from './config.js';

const QUERY = '(prefers-reduced-motion: reduce)';

interface MotionStore {
  query: MediaQueryList | undefined;
  listeners: Set<() => void>;
}

const store = () => pageSingleton<MotionStore>('motion', () => ({query: undefined, listeners: new Set()}));

function mediaQuery(): MediaQueryList | undefined {
  const s = store();
  if (!s.query && hasDom() && typeof window.matchMedia === 'function') {
    s.query = window.matchMedia(QUERY);
    s.query.addEventListener('change', () => {
      for (const listener of [...s.listeners]) listener();
    });
  }
  return s.query;
}

/** The user's operating-system preference, live. */
export const systemPrefersReducedMotion = (): boolean => mediaQuery()?.matches ?? false;

/**
 * Whether motion is reduced, resolving overrides from the most specific to the least:
 * the element's `motion` attribute, then `<mi-provider motion>`, then `configure({motion})`,
 * then `prefers-reduced-motion`. The first value other than `auto` wins.
 */
export function resolveReducedMotion(
  element?: MotionSetting | null,
  provider?: MotionSetting | null
): boolean {
  for (const setting of [element, provider, readConfig().motion]) {
    if (setting === 'reduce') return true;
    if (setting === 'full') return false;
  }
  return systemPrefersReducedMotion();
}

/** Calls `listener` when the system preference or the page configuration changes. */
export function onMotionChange(listener: () => void): () => void {
  mediaQuery();
  const s = store();
  s.listeners.add(listener);
  const offConfig = onConfigChange(listener);
  return () => {
    s.listeners.delete(listener);
    offConfig();
  };
}
