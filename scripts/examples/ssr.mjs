#!/usr/bin/env node
// Server rendering + hydration: renders every element of the package with @lit-labs/ssr to
// declarative shadow DOM (the cases in test/ssr/cases.mjs, plus a bare tag for any element without
// a case), serves the HTML, hydrates it in headless Chromium with Lit's hydration support
// (@lit-labs/ssr-client/lit-element-hydrate-support.js, Lit's development build so mismatches
// throw), and counts hydration errors. Must be 0.
//
// Per case it checks: the server render does not throw; the page shows the server's shadow DOM
// before any script runs; hydration keeps the server's nodes (no second render appended, nothing
// replaced); the top-level template hydrates; no page error, console error or warning; and a
// property set after hydration renders.
//
// Uses the root's @lit-labs/ssr and dist/ when installed there (a devDependency), otherwise the
// copies in examples/node_modules (the built package as an npm dependency).
//   node scripts/examples/ssr.mjs        ends with `ssr: N passed, N failed`
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {EXAMPLES, INSTALLED, ROOT, ensureExamplesInstalled, freePort, launchChromium, packageTags, syncBuiltPackage, watchPage} from './lib.mjs';

const started = Date.now();
let passed = 0;
let failed = 0;
let skipped = 0;
const report = (name, ok, detail = '') => {
  if (ok === 'skip') skipped++;
  else if (ok) passed++;
  else failed++;
  const mark = ok === 'skip' ? 'skip' : ok ? 'ok  ' : 'FAIL';
  console.log(`  ${mark} ${name}${detail ? (ok === true || ok === 'skip' ? ` (${detail})` : `\n       ${String(detail).split('\n').join('\n       ')}`) : ''}`);
};
const finish = () => {
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)\nssr: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failed ? 1 : 0);
};
setTimeout(() => {
  report('ssr run finishes within 120 s', false, 'timed out');
  finish();
}, 120_000).unref();
process.on('uncaughtException', (error) => {
  report('ssr script runs without an exception', false, error?.stack ?? String(error));
  finish();
});
process.on('unhandledRejection', (error) => {
  report('ssr script runs without an exception', false, error?.stack ?? String(error));
  finish();
});

// --- where Lit SSR and the package come from ------------------------------------------------------
const inRoot = existsSync(join(ROOT, 'node_modules', '@lit-labs', 'ssr', 'package.json'));
let env;
if (inRoot) {
  env = {label: 'root devDependency, dist/', modules: join(ROOT, 'node_modules'), pkg: ROOT, tree: ROOT, treeUrl: '/'};
} else {
  if (!ensureExamplesInstalled()) {
    report('npm ci in examples/', false);
    finish();
  }
  syncBuiltPackage();
  env = {label: 'examples/node_modules (no @lit-labs/ssr in the root yet)', modules: join(EXAMPLES, 'node_modules'), pkg: INSTALLED, tree: EXAMPLES, treeUrl: '/examples/'};
}
console.log(`ssr: @lit-labs/ssr and mi-elements from ${env.label}`);
const mod = (path) => import(pathToFileURL(join(env.modules, path)).href);

// --- 1. render on the server -----------------------------------------------------------------------
const {render} = await mod('@lit-labs/ssr/index.js');
const {collectResult} = await mod('@lit-labs/ssr/lib/render-result.js');
const staticHtml = await mod('lit/static-html.js');
try {
  await import(pathToFileURL(join(env.pkg, 'dist', 'define.js')).href);
  report('dist/define.js imports in Node and registers the elements (Lit SSR DOM shim)', true);
} catch (error) {
  report('dist/define.js imports in Node and registers the elements (Lit SSR DOM shim)', false, error.stack);
  finish();
}
const {ssrCases} = await import(pathToFileURL(join(ROOT, 'test', 'ssr', 'cases.mjs')).href);
const tags = inRoot ? new Set(JSON.parse((await import('node:fs')).readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')).modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => d.tagName))) : packageTags();
const {cases: written, bare} = ssrCases(staticHtml);
const cases = [];
for (const tag of [...tags].sort()) {
  const mine = written.filter((c) => c.tag === tag);
  cases.push(...(mine.length ? mine : [bare(tag)]));
}
for (const c of written.filter((c) => !tags.has(c.tag))) report(`${c.tag}: ${c.name}`, 'skip', `${c.tag} not in the package yet`);

const rendered = [];
for (const [index, c] of cases.entries()) {
  try {
    const markup = await collectResult(render(c.template()));
    if (!/<template shadowroot(mode)?="open"/.test(markup)) throw new Error(`no declarative shadow root in:\n${markup.slice(0, 400)}`);
    rendered.push({index, c, markup});
    report(`${c.tag}: ${c.name} — renders on the server to declarative shadow DOM`, true, `${markup.length} chars`);
  } catch (error) {
    report(`${c.tag}: ${c.name} — renders on the server to declarative shadow DOM`, false, error.stack ?? String(error));
  }
}
if (!rendered.length) finish();

// --- 2. serve the page + a client entry that hydrates it -------------------------------------------
// Both are virtual files placed in the tree that holds the right node_modules, so the dev server
// resolves 'lit' for the client exactly as for the elements (one Lit, development build).
const pageHtml = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>mi-elements SSR + hydration</title></head>
<body>
${rendered.map(({index, c, markup}) => `<section data-case="${index}" data-tag="${c.tag}">${markup}</section>`).join('\n')}
<script>
  // Before any module runs: the server's shadow DOM as parsed (declarative shadow roots).
  // Keyed by case index (a case whose server render failed has no section).
  window.__server = {};
  for (const section of document.querySelectorAll('[data-case]')) {
    const el = section.querySelector(section.dataset.tag);
    const root = el && el.shadowRoot;
    window.__server[section.dataset.case] = {el, root, nodes: root ? [...root.childNodes] : [], count: root ? root.childNodes.length : -1};
  }
</script>
<script type="module" src="${env.treeUrl}__mi-ssr__/client.mjs"></script>
</body>
</html>`;

const clientJs = `// Lit's hydration support must load before LitElement is first used.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import {hydrate} from '@lit-labs/ssr-client';
import * as staticHtml from 'lit/static-html.js';
import {ssrCases} from '/test/ssr/cases.mjs';

const errors = [];
addEventListener('error', (e) => errors.push('error: ' + (e.error?.stack || e.message)));
addEventListener('unhandledrejection', (e) => errors.push('unhandled rejection: ' + (e.reason?.stack || e.reason)));
const {cases: written, bare} = ssrCases(staticHtml);
const results = [];
for (const section of document.querySelectorAll('[data-case]')) {
  const index = Number(section.dataset.case);
  const tag = section.dataset.tag;
  const list = ${JSON.stringify(cases.map((c) => ({tag: c.tag, name: c.name})))};
  const meta = list[index];
  const c = written.find((w) => w.tag === meta.tag && w.name === meta.name) ?? bare(meta.tag);
  try {
    // The top-level template first (its bindings, e.g. .value=\${40}), then the elements.
    hydrate(c.template(), section);
    results[index] = {top: 'ok'};
  } catch (error) {
    results[index] = {top: String(error?.stack || error)};
  }
}
window.__hydrateErrors = errors;
window.__results = results;
await import('${env.treeUrl === '/' ? '/dist/define.js' : `${env.treeUrl}node_modules/mi-elements/dist/define.js`}');
const elements = Object.values(window.__server).map((s) => s.el);
await Promise.all(elements.map((el) => el && el.updateComplete.catch((e) => errors.push('updateComplete: ' + (e?.stack || e)))));
window.__hydrated = true;
`;

const {startDevServer} = await import(pathToFileURL(join(ROOT, 'node_modules', '@web', 'dev-server', 'dist', 'index.js')).href);
const devServer = await startDevServer({
  config: {
    rootDir: ROOT,
    port: await freePort(),
    hostname: 'localhost',
    nodeResolve: {exportConditions: ['development']},
    plugins: [
      {
        name: 'mi-ssr-page',
        serve(context) {
          if (context.path === `${env.treeUrl}__mi-ssr__/index.html`) return {body: pageHtml, type: 'html'};
          if (context.path === `${env.treeUrl}__mi-ssr__/client.mjs`) return {body: clientJs, type: 'js'};
        },
      },
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const url = `http://localhost:${devServer.config.port}${env.treeUrl}__mi-ssr__/index.html`;

// --- 3. hydrate in Chromium ---------------------------------------------------------------------
const browser = await launchChromium();
const page = await browser.newPage();
// Lit's development build announces itself once; anything else is a finding.
const problems = watchPage(page, {allowWarning: (text) => /Lit is in dev mode/.test(text)});
await page.goto(url, {waitUntil: 'load'});
try {
  await page.waitForFunction(() => window.__hydrated === true, undefined, {timeout: 15000, polling: 50});
} catch {
  report('the page hydrates (client script finishes)', false, problems.join('\n') || 'timed out');
}

const summary = await page.evaluate(async (indices) => {
  const out = [];
  for (const i of indices) {
    const s = window.__server[i];
    if (!s) {
      out.push({index: i, problems: ['section missing from the page']});
      continue;
    }
    const {el, root, nodes, count: before} = s;
    const r = {index: i, tag: el?.localName, problems: []};
    if (!window.__results) {
      r.problems.push('the client script did not run');
      out.push(r);
      continue;
    }
    if (!el) r.problems.push('element missing from the server HTML');
    else {
      if (!root) r.problems.push('no declarative shadow root was parsed');
      const ctor = customElements.get(el.localName);
      if (!ctor || !(el instanceof ctor)) r.problems.push('not upgraded');
      if (el.shadowRoot !== root) r.problems.push('shadow root replaced');
      if (root && root.childNodes.length !== before) r.problems.push(`shadow root had ${before} nodes from the server, ${root.childNodes.length} after hydration (re-rendered?)`);
      const lost = nodes.filter((n) => !n.isConnected || n.getRootNode() !== root);
      if (lost.length) r.problems.push(`${lost.length} server-rendered nodes replaced`);
      if (el.hasAttribute('defer-hydration')) r.problems.push('still has defer-hydration');
      if (window.__results[i]?.top !== 'ok') r.problems.push(`top-level hydrate: ${window.__results[i]?.top}`);
    }
    out.push(r);
  }
  return out;
}, rendered.map((r) => r.index));

for (const {index, c} of rendered) {
  const r = summary.find((s) => s.index === index);
  report(`${c.tag}: ${c.name} — hydrates, keeping the server's DOM`, r && r.problems.length === 0, r ? r.problems.join('; ') : 'no result');
}

// After hydration each element still renders: set a property and compare.
for (const {index, c} of rendered.filter((x) => x.c.update)) {
  const got = await page.evaluate(
    async ({index, update}) => {
      const el = window.__server[index].el;
      const before = el.shadowRoot.innerHTML;
      el[update.prop] = update.value;
      try {
        await el.updateComplete;
      } catch (e) {
        return {error: String(e)};
      }
      return {value: el[update.prop], changed: el.shadowRoot.innerHTML !== before};
    },
    {index, update: c.update}
  );
  const ok = !got.error && got.value === c.update.value && (!c.update.changes || got.changed);
  report(`${c.tag}: ${c.name} — after hydration, .${c.update.prop} = ${JSON.stringify(c.update.value)} renders`, ok, ok ? '' : JSON.stringify(got));
}

const errors = await page.evaluate(() => window.__hydrateErrors ?? ['client script did not run']);
const caseProblems = summary.flatMap((r) => r.problems.map((p) => `${r.tag} #${r.index}: ${p}`));
const all = [...errors, ...problems, ...caseProblems];
report(`hydration errors across ${rendered.length} rendered cases: ${all.length}`, all.length === 0, all.join('\n'));

await browser.close();
await devServer.stop();
finish();
