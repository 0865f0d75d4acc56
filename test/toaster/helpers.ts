// What a user of <mi-toaster> notices: the notices on screen (in our layer, wherever it is).
import type {MiToaster} from '../../src/toaster/mi-toaster.js';

/** The shadow root of the toaster's layer (in its own shadow root, or inside an open modal dialog, wherever that is). */
export function layerRoot(el: MiToaster): ShadowRoot | null {
  const layer = el.shadowRoot?.querySelector('[data-mi-toaster]') ?? [...deep(document)].filter((e) => e.matches('dialog > [data-mi-toaster]')).at(-1);
  return layer?.shadowRoot ?? null;
}

export const layer = (el: MiToaster) => layerRoot(el)?.host as HTMLElement | undefined;

/** The visible notices, in DOM order. */
export const notices = (el: MiToaster) => [...(layerRoot(el)?.querySelectorAll<HTMLLIElement>('[part=toast]') ?? [])];

/** Each visible notice's message text, in DOM order. */
export const messages = (el: MiToaster) => notices(el).map((li) => li.querySelector('[part=body] > [part=message]')!.textContent);

/** Sets document.visibilityState (as a hidden tab would) and tells the page. */
export function setHidden(hidden: boolean): void {
  if (hidden) Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
  else delete (document as unknown as Record<string, unknown>).visibilityState;
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Every element under a root, shadow roots included. */
export function* deep(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deep(el.shadowRoot);
  }
}

export const center = (r: DOMRect): [number, number] => [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
