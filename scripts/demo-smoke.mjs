#!/usr/bin/env node
// Opens every demo page in headless Chromium against the real demo server (npm start's, on a
// free port) and fails on any page error, console error or failed request. Optional:
// `--shots DIR` saves a screenshot of each page.
import {readdirSync, mkdirSync} from 'node:fs';
import {spawn} from 'node:child_process';
import {chromium} from 'playwright-core';
import {findChromium} from './chromium-path.mjs';

const shotsIndex = process.argv.indexOf('--shots');
const shotsDir = shotsIndex > 0 ? process.argv[shotsIndex + 1] : '';
const only = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--shots');
const port = 8600 + Math.floor(Math.random() * 300);

const server = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], {
  env: {...process.env, PORT: String(port)},
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const match = out.match(/http:\/\/localhost:\d+\/demo\//);
    if (match) resolve(match[0]);
  });
  server.on('exit', (code) => reject(new Error(`demo server exited (${code})`)));
  setTimeout(() => reject(new Error('demo server did not start')), 20000);
});

const pages = readdirSync('demo')
  .filter((f) => f.endsWith('.html'))
  .filter((f) => !only.length || only.includes(f));
const browser = await chromium.launch({executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']});
let failures = 0;
if (shotsDir) mkdirSync(shotsDir, {recursive: true});
for (const file of pages) {
  const page = await browser.newPage({viewport: {width: 1000, height: 900}});
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('requestfailed', (r) => !r.url().includes('/api/') && problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && !r.url().includes('/api/') && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(base + file, {waitUntil: 'load'});
  await page.waitForTimeout(600);
  const undefinedTags = await page.evaluate(() =>
    [...new Set([...document.querySelectorAll('*')].map((e) => e.localName).filter((n) => n.startsWith('mi-') && !customElements.get(n)))]
  );
  if (undefinedTags.length) problems.push(`never defined: ${undefinedTags.join(', ')}`);
  if (shotsDir) await page.screenshot({path: `${shotsDir}/${file.replace('.html', '')}.png`, fullPage: true});
  console.log(`${problems.length ? 'FAIL' : 'ok  '} demo/${file}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
  failures += problems.length ? 1 : 0;
  await page.close();
}
await browser.close();
server.kill();
console.log(`demo-smoke: ${pages.length - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
