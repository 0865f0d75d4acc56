// @ts-check
// Unit + behaviour tests in headless Debian Chromium (see ../shared/TOOLCHAIN.md for the why of
// each flag). Test-only HTTP endpoints live in test/server/*.mjs: each exports a Koa middleware
// and is mounted here, so tests talk to real endpoints on localhost, never to mocked fetch/XHR.
import {readdirSync} from 'node:fs';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter, summaryReporter} from '@web/test-runner';
import {a11ySnapshotPlugin} from '@web/test-runner-commands/plugins';
import {findChromium} from './scripts/chromium-path.mjs';

// Test endpoints: test/server/NAME.mjs exports a Koa middleware; test/server/NAME.plugin.mjs
// exports a dev-server plugin (for what a middleware cannot do, e.g. WebSocket upgrades).
const serverDir = new URL('./test/server/', import.meta.url);
const load = (suffix, skip) =>
  Promise.all(
    readdirSync(serverDir)
      .filter((f) => f.endsWith(suffix) && !(skip && f.endsWith(skip)))
      .sort()
      .map(async (f) => (await import(new URL(f, serverDir).href)).default)
  );
const middleware = await load('.mjs', '.plugin.mjs');
const serverPlugins = await load('.plugin.mjs');

/** Battery figures sent by tests (`executeServerCommand('battery-figure', {name, value, goal})`). */
const figures = [];
function figuresPlugin() {
  return {
    name: 'battery-figures',
    /** @param {{command: string, payload: any}} args */
    executeCommand({command, payload}) {
      if (command !== 'battery-figure') return undefined;
      figures.push(payload);
      return true;
    },
  };
}

/** Prints "N passed, N failed[, N skipped]" alone on the last line (CI reads it). */
function plainSummaryReporter() {
  let passed = 0, failed = 0, skipped = 0;
  /** @param {any} suite */
  const walk = (suite) => {
    for (const t of suite.tests ?? []) {
      if (t.skipped) skipped++;
      else if (t.passed) passed++;
      else failed++;
    }
    for (const s of suite.suites ?? []) walk(s);
  };
  return {
    /** @param {{sessions: any[]}} args */
    onTestRunFinished({sessions}) {
      passed = failed = skipped = 0;
      let erroredFiles = 0;
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        if (!s.passed && (!s.testResults || (s.errors?.length ?? 0) > 0)) erroredFiles++;
      }
      failed += erroredFiles;
      process.once('exit', () => {
        if (figures.length) {
          process.stdout.write('\nbattery figures:\n');
          for (const f of figures) process.stdout.write(`  ${f.ok ? 'ok  ' : 'MISS'} ${f.name}: ${f.value}${f.goal ? ` (goal: ${f.goal})` : ''}\n`);
        }
        process.stdout.write(`\nwtr: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
      });
    },
  };
}

const chromeFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: {exportConditions: ['production']},
  plugins: [esbuildPlugin({ts: true, target: 'es2022', tsconfig: './tsconfig.json'}), a11ySnapshotPlugin(), figuresPlugin(), ...serverPlugins],
  middleware,
  concurrency: 2,
  browsers: [
    chromeLauncher({
      launchOptions: {executablePath: findChromium(), headless: true, args: chromeFlags},
      // One window per page: background tabs are hidden and never fire requestAnimationFrame.
      createPage: ({context}) => context.newPage({type: 'window'}),
    }),
  ],
  testFramework: {config: {timeout: 8000}},
  // v8 coverage of the shipped sources (npm test runs with --coverage); below 90 % fails the run.
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/cdn.ts'],
    threshold: {statements: 90, branches: 90, functions: 90, lines: 90},
    reportDir: 'coverage',
    reporters: ['text-summary', 'lcovonly'],
  },
  testsFinishTimeout: 10 * 60 * 1000,
  filterBrowserLogs: ({args}) => !String(args[0] ?? '').includes('Lit is in dev mode'),
  reporters: [defaultReporter(), summaryReporter({flatten: false}), plainSummaryReporter()],
};
