// Shared by the hint test files.
import {expect} from '@open-wc/testing';
import type {MiHint} from '../../src/hint/mi-hint.js';
import type {MiHideEvent} from '../../src/events.js';

export const pop = (el: MiHint) => el.shadowRoot!.querySelector<HTMLElement>('[popover]')!;
export const part = (el: MiHint, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`);
/** Open in the top layer, and actually visible (a closed popover must not show anywhere). */
export const isShown = (el: MiHint) => {
  const shown = pop(el).matches(':popover-open');
  expect(pop(el).checkVisibility(), 'visible exactly when open').to.equal(shown);
  return shown;
};

/** Records mi-show / mi-hide / mi-dismiss on an element. */
export function events(el: Element): string[] {
  const log: string[] = [];
  el.addEventListener('mi-show', () => log.push('show'));
  el.addEventListener('mi-hide', (e) => log.push(`hide:${(e as MiHideEvent).reason}`));
  el.addEventListener('mi-dismiss', () => log.push('dismiss'));
  return log;
}
