import {pageSingleton} from '../core/global.js';

/**
 * Whether a `<mi-provider>` has ever connected on this page. Until one has, an element asking for
 * a provider's config would only send an event up the whole tree that nobody answers, so it skips
 * the question (a page of a thousand elements and no provider sends none).
 *
 * Our providers report themselves. A `mi-provider` registered by another copy of the package that
 * does not report itself (an older release) counts as present: its elements always ask.
 */
const presence = () => pageSingleton('providers', () => ({seen: false}));

/** Marks the class of providers that report themselves here. */
export const REPORTS_PRESENCE = Symbol.for('mi-elements/provider-reports@1');

/** Called by `<mi-provider>` when it connects. */
export function markProviderPresent(): void {
  presence().seen = true;
}

/** Whether an element should ask for a provider's config now. */
export function providerMayExist(): boolean {
  const state = presence();
  if (!state.seen && typeof customElements !== 'undefined') {
    const defined = customElements.get('mi-provider') as (CustomElementConstructor & {[REPORTS_PRESENCE]?: boolean}) | undefined;
    if (defined && !defined[REPORTS_PRESENCE]) state.seen = true;
  }
  return state.seen;
}
