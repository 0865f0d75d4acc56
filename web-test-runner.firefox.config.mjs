// @ts-check
// The unit suite in Debian firefox-esr, driven over WebDriver BiDi by the puppeteer-core that
// @web/test-runner-chrome ships (no browser download).
// - Media emulation is CDP-only. Here `emulateMedia({reducedMotion})` switches the page-wide
//   motion setting instead (the same MotionController path every element reads), by serving a
//   patched copy of the browser-side command. The media query itself is tested by the group
//   "system-motion": test/battery/system-motion.test.ts in a second Firefox launched with the
//   `ui.prefersReducedMotion` pref, so `prefers-reduced-motion: reduce` is the real system answer.
// - Tests that read Chromium's accessibility tree (CDP) or need `gc()` carry "[chromium]" in
//   their title; test/helpers.ts skips them here (reported as skipped), the Chromium run has them.
import base from './web-test-runner.config.mjs';
import {chromeLauncher, puppeteerCore} from '@web/test-runner-chrome';
import {findFirefox} from './scripts/firefox-path.mjs';

/** Serves @web/test-runner-commands' browser module with a BiDi-friendly emulateMedia. */
async function emulateMotionWithoutCdp(ctx, next) {
  await next();
  if (!ctx.path.endsWith('/@web/test-runner-commands/browser/commands.mjs')) return;
  const body = typeof ctx.body === 'string' ? ctx.body : await new Response(ctx.body).text();
  ctx.body = body.replace(
    "export function emulateMedia(media) {\n  return executeServerCommand('emulate-media', media);\n}",
    `export async function emulateMedia(media) {
  // Firefox: no media emulation over BiDi. Reduced motion goes through mi-elements' page config.
  const key = Symbol.for('mi-elements/config@1');
  const store = globalThis[key] ?? {config: {sound: false, haptics: false, motion: 'auto', strings: {}, lang: ''}, listeners: new Set()};
  if (!globalThis[key]) Object.defineProperty(globalThis, key, {value: store, configurable: true});
  if ('reducedMotion' in media) {
    store.config = {...store.config, motion: media.reducedMotion === 'reduce' ? 'reduce' : 'auto'};
    for (const listener of [...store.listeners]) listener();
  }
}`
  );
}

const SYSTEM_MOTION = 'test/battery/system-motion.test.ts';
const firefox = (prefs = {}) =>
  chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: {browser: 'firefox', executablePath: findFirefox(), headless: true, extraPrefsFirefox: prefs},
    concurrency: 1,
  });

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  ...base,
  // Node-side and Chromium-only checks (CDP accessibility tree, two-copies bundle) stay in the Chromium run.
  files: [...(Array.isArray(base.files) ? base.files : [base.files ?? 'test/**/*.test.ts']), '!test/core/two-copies.test.ts', `!${SYSTEM_MOTION}`],
  concurrency: 1,
  coverage: false,
  middleware: [...(base.middleware ?? []), emulateMotionWithoutCdp],
  browsers: [firefox()],
  groups: [{name: 'system-motion', files: [SYSTEM_MOTION], browsers: [firefox({'ui.prefersReducedMotion': 1})]}],
};
