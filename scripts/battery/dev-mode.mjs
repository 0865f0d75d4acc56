#!/usr/bin/env node
// Lit dev-mode hygiene: renders the whole states matrix with Lit's *development* build (which
// warns about misuse: change-in-update, attribute/property mismatches, missing super calls …)
// and fails on any warning other than the "dev mode" banner itself.
import {startDevServer} from '@web/dev-server';
import {chromium} from 'playwright-core';
import {findChromium} from '../chromium-path.mjs';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>dev mode</title><link rel="icon" href="data:,"></head>
<body><main id="stage"></main><script type="module">
  import '/dist/define.js';
  import {available} from '/test/battery/matrix.js';
  const stage = document.getElementById('stage');
  let n = 0;
  for (const entry of available()) {
    const el = entry.create();
    stage.append(el);
    await el.updateComplete;
    await entry.settle?.(el);
    await el.updateComplete;
    el.remove();
    n++;
  }
  window.__done = n;
</script></body></html>`;

const server = await startDevServer({
  config: {
    rootDir: '.',
    port: 8900 + Math.floor(Math.random() * 90),
    hostname: 'localhost',
    nodeResolve: {exportConditions: ['development']},
    middleware: [
      async (ctx, next) => {
        if (ctx.path !== '/__dev-mode.html') return next();
        ctx.type = 'html';
        ctx.body = PAGE;
      },
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const browser = await chromium.launch({executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu']});
const page = await browser.newPage();
const warnings = [];
let devBanner = false;
page.on('console', (m) => {
  if (!['warning', 'error'].includes(m.type())) return;
  const text = m.text();
  if (/Lit is in dev mode/.test(text)) {
    devBanner = true;
    return;
  }
  warnings.push(text.split('\n')[0]);
});
page.on('pageerror', (e) => warnings.push(`pageerror: ${e.message}`));
await page.goto(`http://localhost:${server.config.port}/__dev-mode.html`);
const count = await page.waitForFunction(() => window.__done, null, {timeout: 60000}).then((h) => h.jsonValue());
await browser.close();
await server.stop();
if (!devBanner) warnings.push("Lit's development build was not loaded (no dev-mode banner)");
console.log(`dev-mode: ${count} matrix states rendered with Lit's development build; ${warnings.length} warnings`);
for (const w of warnings) console.log(`  ${w}`);
console.log(`dev-mode: ${warnings.length ? 0 : 1} passed, ${warnings.length ? 1 : 0} failed`);
process.exit(warnings.length ? 1 : 0);
