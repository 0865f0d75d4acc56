// Shared by the hint test files.
import {expect} from '@open-wc/testing';
import type {MiHint} from '../../src/hint/mi-hint.js';

export const pop = (el: MiHint) => el.shadowRoot!.querySelector<HTMLElement>('[popover]')!;
export const part = (el: MiHint, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`);
/** Open in the top layer, and actually visible (a closed popover must not show anywhere). */
export const isShown = (el: MiHint) => {
  const shown = pop(el).matches(':popover-open');
  expect(pop(el).checkVisibility(), 'visible exactly when open').to.equal(shown);
  return shown;
};
