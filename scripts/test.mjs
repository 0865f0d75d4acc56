#!/usr/bin/env node
// `npm test`: every check, in order, each one's output shown as it runs; a failed step does not
// hide the later ones. Ends with one plain line that sums every step's "N passed, N failed".
//   node scripts/test.mjs            all steps
//   node scripts/test.mjs chromium   only the named steps
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {findFirefox} from './firefox-path.mjs';

const steps = [
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.test.json']],
  ['node-import', 'node', ['scripts/node-import.mjs']],
  ['chromium', 'npx', ['web-test-runner', '--static-logging', '--coverage']],
  ['size', 'node', ['scripts/size.mjs']],
  ['css', 'node', ['scripts/battery/css-literals.mjs']],
  ['csp', 'node', ['scripts/battery/csp.mjs']],
  ['dev-mode', 'node', ['scripts/battery/dev-mode.mjs']],
  ['demo', 'node', ['scripts/demo-smoke.mjs']],
  ['firefox', 'npx', ['web-test-runner', '--config', 'web-test-runner.firefox.config.mjs', '--static-logging']],
  ['examples', 'node', ['scripts/examples/run.mjs']],
  ['ssr', 'node', ['scripts/examples/ssr.mjs']],
];

const only = process.argv.slice(2);
const SUMMARY = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/;
let passed = 0;
let failed = 0;
const results = [];

for (const [name, cmd, args] of steps) {
  if (only.length && !only.includes(name)) continue;
  if (name === 'firefox' && !findFirefox()) {
    console.log(`\n== firefox: not installed, step left out (sudo apt-get install -y firefox-esr, or set FIREFOX_PATH)`);
    results.push(`firefox: not run (no Firefox)`);
    continue;
  }
  if (name === 'examples' && !existsSync('scripts/examples/run.mjs')) continue;
  if (name === 'ssr' && !existsSync('scripts/examples/ssr.mjs')) continue;
  console.log(`\n== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const {code, last} = await new Promise((resolve) => {
    const child = spawn(cmd, args, {stdio: ['ignore', 'pipe', 'inherit'], env: process.env});
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk).slice(-4000);
    });
    child.on('close', (c) => resolve({code: c ?? 1, last: tail}));
  });
  // The step's own closing "N passed, N failed" line, if it printed one.
  const line = last
    .split('\n')
    .map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim())
    .reverse()
    .find((l) => SUMMARY.test(l));
  const m = line?.match(SUMMARY);
  const p = m ? Number(m[1]) : code === 0 ? 1 : 0;
  const f = m ? Number(m[2]) : code === 0 ? 0 : 1;
  // A non-zero exit counts as a failure even when the counts said otherwise (e.g. coverage).
  const stepFailed = code !== 0 ? Math.max(f, 1) : f;
  passed += p;
  failed += stepFailed;
  results.push(`${name}: ${code === 0 ? 'ok' : 'FAILED'} (${p} passed, ${stepFailed} failed, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

console.log('\n== summary');
for (const r of results) console.log(`  ${r}`);
console.log(`\ntest: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
