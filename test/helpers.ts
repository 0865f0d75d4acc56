// Shared test helpers: what a screen reader would hear, and waiting without sleeping blindly.
import {onAnnounce, type Announcement} from '../src/core/announcer.js';

export interface AnnouncementLog {
  /** Every message written to a live region, in order. */
  readonly messages: Announcement[];
  /** Just the texts. */
  texts(): string[];
  stop(): void;
}

/** Records what the page's announcer writes from now on. */
export function recordAnnouncements(): AnnouncementLog {
  const messages: Announcement[] = [];
  const stop = onAnnounce((a) => messages.push(a));
  return {messages, texts: () => messages.map((m) => m.message), stop};
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits two frames: enough for Lit to render and styles to apply. */
export const frames = async (n = 2) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(() => r(undefined)));
};

/** Captures console.warn / console.error calls while `fn` runs. */
export async function captureConsole<T>(fn: () => T | Promise<T>): Promise<{result: T; warns: unknown[][]; errors: unknown[][]}> {
  const warns: unknown[][] = [];
  const errors: unknown[][] = [];
  const {warn, error} = console;
  console.warn = (...args: unknown[]) => warns.push(args);
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    const result = await fn();
    return {result, warns, errors};
  } finally {
    console.warn = warn;
    console.error = error;
  }
}

/** Resets the page-wide "warn once" memory so a test can count its own warnings. */
export function resetWarnings(): void {
  const key = Symbol.for('mi-elements/warned@1');
  (globalThis as unknown as Record<symbol, Set<string> | undefined>)[key]?.clear();
}

/** True in Chromium (CDP: emulateMedia, a11ySnapshot); false in the Firefox (WebDriver BiDi) run. */
export const isChromium = () => navigator.userAgent.includes('Chrome/');

/**
 * Switches reduced motion for the page: Chromium emulates `prefers-reduced-motion` (the real
 * media query); Firefox, where media emulation needs CDP, sets the page-wide `configure({motion})`
 * instead — the same MotionController path every element reads.
 */
export async function setReducedMotion(reduce: boolean): Promise<void> {
  const {configure} = await import('../src/core/config.js');
  if (isChromium()) {
    const {emulateMedia} = await import('@web/test-runner-commands');
    await emulateMedia({reducedMotion: reduce ? 'reduce' : 'no-preference'});
    const query = matchMedia('(prefers-reduced-motion: reduce)');
    // The change event is asynchronous: wait until it has been delivered.
    if (query.matches !== reduce) await new Promise((r) => query.addEventListener('change', r, {once: true}));
    await new Promise((r) => setTimeout(r, 0));
  } else {
    configure({motion: reduce ? 'reduce' : 'auto'});
  }
}

// Tests titled "… [chromium]" need CDP (Chromium's accessibility tree, media emulation of the
// query itself) or gc(): in the Firefox run they are reported as skipped, never silently passed.
beforeEach(function () {
  if (!isChromium() && this.currentTest?.title.includes('[chromium]')) this.skip();
});

/**
 * Switches `forced-colors: active` for the page (Chromium, over CDP: emulateMedia({forcedColors})
 * is Playwright-only and ignored by the puppeteer launcher; test/server/forced-colors.plugin.mjs).
 */
export async function setForcedColors(active: boolean): Promise<void> {
  const {executeServerCommand} = await import('@web/test-runner-commands');
  const {waitUntil} = await import('@open-wc/testing');
  await executeServerCommand('emulate-forced-colors', {active});
  await waitUntil(() => matchMedia('(forced-colors: active)').matches === active, 'forced colors switched');
}

/** What a system colour keyword (`CanvasText`, `Canvas` …) resolves to right now. */
export function systemColor(keyword: string): string {
  const probe = document.body.appendChild(document.createElement('i'));
  probe.style.color = keyword;
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

/** Makes localStorage throw as in private mode / a full quota; returns the undo. */
export function breakStorage(): () => void {
  const {getItem, setItem} = Storage.prototype;
  Storage.prototype.getItem = () => {
    throw new DOMException('denied', 'SecurityError');
  };
  Storage.prototype.setItem = () => {
    throw new DOMException('full', 'QuotaExceededError');
  };
  return () => Object.assign(Storage.prototype, {getItem, setItem});
}
