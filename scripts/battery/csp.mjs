#!/usr/bin/env node
// Strict CSP + Trusted Types battery: serves a page with
//   default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none';
//   require-trusted-types-for 'script'; trusted-types lit-html
// that loads the CDN bundle and renders the whole states matrix (test/battery/matrix.js), under
// reduced motion off and on. Fails on any securitypolicyviolation, page error, or an element
// whose styles differ from the same state on a page without the policy (computed styles of every
// host and part). Also checks dist/ for HTML sinks.
import {createServer} from 'node:http';
import {readFile, readdir, stat} from 'node:fs/promises';
import {extname, join, normalize} from 'node:path';
import {chromium} from 'playwright-core';
import {findChromium} from '../chromium-path.mjs';

const root = new URL('../../', import.meta.url).pathname;
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";
const TYPES = {'.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.json': 'application/json', '.css': 'text/css'};

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSP battery</title>
<script type="module" src="/dist/cdn/mi-elements.js"></script>
<script type="module" src="/scripts/battery/csp-page.js"></script>
</head><body><main id="stage"></main></body></html>`;

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  // ?policy=none: the same page without the policy, for comparing computed styles.
  if (!req.url.includes('policy=none')) res.setHeader('Content-Security-Policy', CSP);
  if (path === '/favicon.ico') {
    res.statusCode = 204;
    return res.end();
  }
  if (path === '/battery.html') {
    res.setHeader('Content-Type', 'text/html');
    return res.end(PAGE);
  }
  const file = normalize(join(root, path));
  if (!file.startsWith(root) || !/^\/(dist|test\/battery|scripts\/battery)\//.test(path)) {
    res.statusCode = 404;
    return res.end();
  }
  try {
    const body = await readFile(file);
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.end(body);
  } catch {
    res.statusCode = 404;
    res.end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const {port} = server.address();

let failed = 0;
const report = (ok, text) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
  if (!ok) failed++;
};

// 1. Static: no HTML-string sinks, eval or styleMap in what we ship.
const SINKS = /\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|DOMParser|\beval\(|new Function\(|unsafeHTML|unsafeSVG|styleMap|createContextualFragment/;
const walk = async (dir) => {
  const out = [];
  for (const name of await readdir(dir)) {
    const p = join(dir, name);
    if ((await stat(p)).isDirectory()) out.push(...(await walk(p)));
    else if (p.endsWith('.js') && !p.includes('/cdn/')) out.push(p);
  }
  return out;
};
const sinkHits = [];
for (const file of await walk(join(root, 'dist'))) {
  const text = await readFile(file, 'utf8');
  if (SINKS.test(text)) sinkHits.push(file.slice(root.length));
}
report(sinkHits.length === 0, `static check of dist/ (tsc output): ${sinkHits.length} files with HTML sinks/eval/styleMap ${sinkHits.join(' ')}`);

// 2. The matrix under the strict policy, with and without reduced motion.
const browser = await chromium.launch({executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']});
const run = async (reducedMotion, query = '') => {
  const page = await browser.newPage();
  await page.emulateMedia({reducedMotion});
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  await page.goto(`http://127.0.0.1:${port}/battery.html${query}`);
  const result = await page.waitForFunction(() => window.__battery, null, {timeout: 60000}).then((h) => h.jsonValue());
  await page.close();
  return {result, errors};
};
for (const reducedMotion of ['no-preference', 'reduce']) {
  const {result, errors} = await run(reducedMotion);
  // Styles applied exactly as without the policy: every element's and every part's computed
  // display, position, borders, radius, font weight … match the unrestricted page, state by state.
  const {result: open} = await run(reducedMotion, '?policy=none');
  const differ = Object.keys(open.fingerprints).filter((k) => JSON.stringify(open.fingerprints[k]) !== JSON.stringify(result.fingerprints[k]));
  const probed = Object.values(open.fingerprints).reduce((n, list) => n + list.length, 0);
  report(differ.length === 0 && probed > 50, `[${reducedMotion}] computed styles of ${probed} hosts and parts identical with and without the policy (differ: ${differ.join(', ') || 'none'})`);
  report(result.violations.length === 0, `[${reducedMotion}] securitypolicyviolation events: ${result.violations.length} ${result.violations.slice(0, 5).join(' | ')}`);
  report(errors.length === 0, `[${reducedMotion}] page errors: ${errors.length} ${errors.slice(0, 5).join(' | ')}`);
  report(result.unstyled.length === 0, `[${reducedMotion}] ${result.rendered} states rendered, styles applied to all (unstyled: ${result.unstyled.join(', ') || 'none'})`);
  report(result.rendered >= result.expected && result.expected > 0, `[${reducedMotion}] ${result.rendered}/${result.expected} matrix states rendered`);
}
await browser.close();
server.close();
console.log(`csp: ${failed ? 'FAILED' : 'all checks passed'}`);
process.exit(failed ? 1 : 0);
