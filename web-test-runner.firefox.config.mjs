// @ts-check
// The unit suite in Debian firefox-esr, driven over WebDriver BiDi by the puppeteer-core that
// @web/test-runner-chrome ships (no browser download). Reduced motion comes from the
// `ui.prefersReducedMotion` pref in a second launcher? No: emulateMedia is CDP-only, so tests
// switch reduced motion through test/helpers.ts `setReducedMotion()`, which uses emulateMedia on
// Chromium and configure({motion}) on Firefox (the same MotionController path).
import base from './web-test-runner.config.mjs';
import {chromeLauncher, puppeteerCore} from '@web/test-runner-chrome';
import {findFirefox} from './scripts/firefox-path.mjs';

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  ...base,
  // Node-side and Chromium-only checks (CDP accessibility tree, two-copies bundle) stay in the Chromium run.
  files: [...(Array.isArray(base.files) ? base.files : [base.files ?? 'test/**/*.test.ts']), '!test/core/two-copies.test.ts'],
  concurrency: 1,
  coverage: false,
  browsers: [
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {browser: 'firefox', executablePath: findFirefox(), headless: true},
      concurrency: 1,
    }),
  ],
};
