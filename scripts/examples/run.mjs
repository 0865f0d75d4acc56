#!/usr/bin/env node
// The examples, end to end: installs examples/ once (npm ci, when node_modules is missing or
// stale), copies the current build of the package into examples/node_modules/mi-elements, builds
// the Vue, Svelte and React apps with Vite and the Angular app with the Angular CLI, serves each
// build on localhost and drives it in headless Chromium (playwright-core + Debian's Chromium).
// Then the plain HTML pages: CDN module, classic script, the CMS snippet pasted twice, ESM + IIFE
// together, values set before a lazy load.
//
//   node scripts/examples/run.mjs                 everything
//   node scripts/examples/run.mjs vue html        some of: vue svelte react angular html typings
//   node scripts/examples/run.mjs --serve         build, serve, print the URLs, keep running
//   MI_PACKAGE_DIR=/other/checkout node …         use another checkout's build instead of this one
//
// Ends with `examples: N passed, N failed[, N skipped]`; exits non-zero on any failure. A check
// that needs an element the package does not have yet is skipped, not failed.
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {EXAMPLES, INSTALLED, ensureExamplesInstalled, launchChromium, packageTags, serve, syncBuiltPackage, watchPage} from './lib.mjs';

const APPS = ['vue', 'svelte', 'react', 'angular'];
const args = process.argv.slice(2);
const serveOnly = args.includes('--serve');
const selected = args.filter((a) => !a.startsWith('--'));
const wanted = (name) => !selected.length || selected.includes(name);

const started = Date.now();
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function report(name, ok, detail = '') {
  if (ok === 'skip') {
    skipped++;
    console.log(`  skip ${name}${detail ? ` (${detail})` : ''}`);
  } else if (ok) {
    passed++;
    console.log(`  ok   ${name}${detail ? ` (${detail})` : ''}`);
  } else {
    failed++;
    failures.push(name);
    console.log(`  FAIL ${name}${detail ? `\n       ${String(detail).split('\n').join('\n       ')}` : ''}`);
  }
}

/** Runs one named check; `fn` returns nothing (pass), a string (pass with a note), or throws. */
async function check(name, fn) {
  try {
    const note = await fn();
    if (note && typeof note === 'object' && note.skip) report(name, 'skip', note.skip);
    else report(name, true, typeof note === 'string' ? note : '');
  } catch (error) {
    report(name, false, error?.message ?? String(error));
  }
}

const skip = (why) => ({skip: why});
const assert = (cond, message) => {
  if (!cond) throw new Error(message);
};
const done = () => {
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (failures.length) console.log(`\nfailed: ${failures.join('; ')}`);
  console.log(`\n(${seconds} s)\nexamples: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failed ? 1 : 0);
};

// A hang guard (a normal run takes 30–100 s on 2 busy cores, plus ~20–30 s for the first npm ci).
if (!serveOnly) {
  setTimeout(() => {
    report('whole run finishes within 400 s', false, 'timed out');
    done();
  }, 400_000).unref();
}

// --- 1. install, package, build ------------------------------------------------------------------
console.log('examples: setup');
if (!ensureExamplesInstalled()) {
  report('npm ci in examples/', false, 'see the output above');
  done();
}
try {
  syncBuiltPackage();
  report('built package copied into examples/node_modules/mi-elements', true);
} catch (error) {
  report('built package copied into examples/node_modules/mi-elements', false, error.message);
  done();
}
const tags = packageTags();
console.log(`  the package defines: ${[...tags].sort().join(', ') || '(nothing)'}`);

const bin = (name) => join(EXAMPLES, 'node_modules', '.bin', name);
const BUILDS = {
  vue: {cmd: bin('vite'), args: ['build', '--logLevel', 'warn'], out: 'dist'},
  svelte: {cmd: bin('vite'), args: ['build', '--logLevel', 'warn'], out: 'dist'},
  react: {cmd: bin('vite'), args: ['build', '--logLevel', 'warn'], out: 'dist'},
  angular: {cmd: bin('ng'), args: ['build'], out: 'dist/browser'},
};

const built = {};
for (const app of APPS.filter(wanted)) {
  const {cmd, args: buildArgs, out} = BUILDS[app];
  const t0 = Date.now();
  const result = spawnSync(cmd, buildArgs, {
    cwd: join(EXAMPLES, app),
    encoding: 'utf8',
    env: {...process.env, NG_CLI_ANALYTICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0'},
  });
  const ok = result.status === 0 && existsSync(join(EXAMPLES, app, out, 'index.html'));
  report(`${app}: builds with its own toolchain (${app === 'angular' ? 'ng build, @angular/build:application' : 'vite build'})`, ok, ok ? `${((Date.now() - t0) / 1000).toFixed(1)} s` : `${result.stdout}\n${result.stderr}`.trim().slice(-3000));
  if (ok) built[app] = join(EXAMPLES, app, out);
}

// Typings generated from the manifest (scripts/editor-data.mjs): the React app and
// examples/typings/check.ts (React 19 JSX, Vue GlobalComponents, Svelte elements, with
// @ts-expect-error cases) must type-check against the installed package.
if (wanted('react') || wanted('typings')) {
  const name = 'typings: tsc -p examples/typings (React app + React/Vue/Svelte typings from the manifest)';
  const exportsMap = JSON.parse(readFileSync(join(INSTALLED, 'package.json'), 'utf8')).exports ?? {};
  const needed = ['mi-provider', 'mi-confirm', 'mi-progress', 'mi-typing'].filter((t) => !tags.has(t));
  if (!exportsMap['./frameworks/*'] || !existsSync(join(INSTALLED, 'dist', 'frameworks', 'react.d.ts'))) {
    report(name, 'skip', 'the package has no ./frameworks/* typings yet (npm run build must run scripts/editor-data.mjs; package.json exports)');
  } else if (needed.length) {
    report(name, 'skip', `${needed.join(', ')} not in the package yet`);
  } else {
    const t0 = Date.now();
    const result = spawnSync(bin('tsc'), ['-p', 'typings/tsconfig.json'], {cwd: EXAMPLES, encoding: 'utf8'});
    report(name, result.status === 0, result.status === 0 ? `${((Date.now() - t0) / 1000).toFixed(1)} s` : `${result.stdout}${result.stderr}`.slice(-3000));
  }
}

// --- 2. serve ------------------------------------------------------------------------------------
const servers = {};
for (const [app, dir] of Object.entries(built)) servers[app] = await serve({'/': dir});
if (wanted('html')) servers.html = await serve({'/mi-elements/': INSTALLED, '/': join(EXAMPLES, 'html')}, {rewriteCdn: true});

if (serveOnly) {
  for (const [name, s] of Object.entries(servers)) console.log(`  ${name.padEnd(8)} ${s.url}/`);
  console.log('(Ctrl+C to stop)');
  await new Promise(() => {});
}

// --- 3. drive them in Chromium -------------------------------------------------------------------
const browser = await launchChromium();

/** Waits until `fn(arg)` is truthy in the page; throws `message` on timeout. */
async function waitFor(page, fn, arg, message, timeout = 10000) {
  try {
    await page.waitForFunction(fn, arg, {timeout, polling: 50});
  } catch {
    throw new Error(message);
  }
}
/**
 * Waits until the announcer is quiet: no new announcement for 800 ms (the announcer writes at
 * most every 150 ms, so a queue still draining shows up), at most 8 s.
 */
async function settle(page) {
  const count = () => page.evaluate(() => window.__example?.announcements.length ?? 0);
  const until = Date.now() + 8000;
  let last = await count();
  let stableSince = Date.now();
  while (Date.now() < until && Date.now() - stableSince < 800) {
    await page.waitForTimeout(100);
    const now = await count();
    if (now !== last) [last, stableSince] = [now, Date.now()];
  }
}
const has = (tag) => tags.has(tag);
const missing = (...needed) => {
  const absent = needed.filter((t) => !has(t));
  return absent.length ? skip(`${absent.join(', ')} not in the package yet`) : null;
};

/** Every mi-* tag on the page that the package defines is defined and rendered by Lit. */
async function checkUpgraded(page) {
  const state = await page.evaluate((known) => {
    const found = [...new Set([...document.querySelectorAll('*')].map((e) => e.localName).filter((n) => n.startsWith('mi-')))];
    const bad = [];
    for (const el of document.querySelectorAll(found.join(',') || 'x-none')) {
      if (!known.includes(el.localName)) continue;
      const ctor = customElements.get(el.localName);
      if (!ctor) bad.push(`${el.localName}: not defined`);
      else if (!(el instanceof ctor)) bad.push(`${el.localName}#${el.id}: not upgraded`);
      else if (!el.shadowRoot || el.hasUpdated !== true) bad.push(`${el.localName}#${el.id}: not rendered`);
    }
    return {found, bad};
  }, [...tags]);
  assert(state.bad.length === 0, state.bad.join('; '));
  const present = state.found.filter(has);
  return `${present.join(', ')}${state.found.length > present.length ? `; not in the package yet: ${state.found.filter((t) => !has(t)).join(', ')}` : ''}`;
}

/** The checks every framework app shares (the "Must show" list of the examples issue). */
async function checkFrameworkApp(app, page, problems) {
  const P = `${app}:`;
  const greeting = `Hello from ${app === 'vue' ? 'Vue' : app === 'svelte' ? 'Svelte' : app === 'react' ? 'React' : 'Angular'}`;

  await check(`${P} element upgrades (every mi-* tag of the package is defined and rendered)`, () => checkUpgraded(page));

  await check(`${P} attributes reach the elements (motion, success-text, label)`, async () => {
    // A framework may pass a static attribute as the property when the element has one (Vue
    // does: 'motion' in el), so the value is checked on the property, where the element reads it.
    const got = await page.evaluate(
      (known) =>
        [
          ['provider', 'mi-provider', 'motion', 'motion', 'reduce'],
          ['confirm', 'mi-confirm', 'success-text', 'successText', 'Saved'],
          ['progress', 'mi-progress', 'label', 'label', 'Upload'],
        ]
          .filter(([, tag]) => known.includes(tag))
          .map(([id, tag, attr, prop, want]) => {
            const el = document.getElementById(id);
            const value = prop in el ? el[prop] : el.getAttribute(attr);
            return value === want ? `${tag} ${attr}` : `FAIL ${tag} ${attr}: ${JSON.stringify(value)}`;
          }),
      [...tags]
    );
    const bad = got.filter((g) => g.startsWith('FAIL'));
    assert(bad.length === 0, bad.join('; '));
    return got.join(', ');
  });

  await check(`${P} object property reaches the element (<mi-provider>.strings, not an attribute)`, async () => {
    const got = await page.evaluate(() => {
      const el = document.getElementById('provider');
      return {strings: el.strings, attr: el.getAttribute('strings'), config: el.config?.strings};
    });
    assert(got.attr === null, `set as an attribute: strings="${got.attr}"`);
    assert(got.strings?.['example.greeting'] === greeting, `strings is ${JSON.stringify(got.strings)}`);
    assert(got.config?.['example.greeting'] === greeting, `provider did not apply it: config.strings ${JSON.stringify(got.config)}`);
  });

  await check(`${P} function-valued property reaches the element (<mi-confirm>.action)`, async () => {
    const absent = missing('mi-confirm');
    if (absent) return absent;
    const got = await page.evaluate(async () => {
      const el = document.getElementById('confirm');
      const before = window.__example.actionCalls;
      const type = typeof el.action;
      const result = type === 'function' ? await el.action({formData: new FormData(), signal: new AbortController().signal}) : undefined;
      return {type, attr: el.getAttribute('action'), calls: window.__example.actionCalls - before, result};
    });
    assert(got.attr === null, `set as an attribute: action="${got.attr}"`);
    assert(got.type === 'function' && got.calls === 1 && got.result === 'saved', JSON.stringify(got));
  });

  await check(`${P} a bound number property follows framework state (<mi-progress>.value 0 → 50)`, async () => {
    const absent = missing('mi-progress');
    if (absent) return absent;
    const value = await page.evaluate(() => document.getElementById('progress').value);
    assert(value === 0, `progress.value is ${JSON.stringify(value)}, expected the number 0`);
    await page.click('#advance');
    await waitFor(page, () => document.getElementById('progress').value === 50, undefined, 'progress.value did not follow the framework state to 50');
  });

  await check(`${P} bound string and boolean properties reach the element (<mi-typing>.name, .active)`, async () => {
    const absent = missing('mi-typing');
    if (absent) return absent;
    const got = await page.evaluate(() => ({name: document.getElementById('typing').name, active: document.getElementById('typing').active}));
    assert(got.name === 'Ana' && got.active === true, `typing: ${JSON.stringify(got)}`);
  });

  await check(`${P} the framework's handler runs for an mi-* event (kebab-case binding)`, async () => {
    // Dispatched by hand, so this proves the binding even before the element fires it itself.
    await page.evaluate(() => document.getElementById('confirm').dispatchEvent(new Event('mi-error', {bubbles: true, composed: true})));
    await waitFor(page, () => document.getElementById('last-event').textContent === 'mi-error', undefined, '#last-event did not show mi-error');
    const events = await page.evaluate(() => window.__example.events.splice(0));
    assert(events.length === 1 && events[0] === 'mi-error@confirm', `handler calls: ${JSON.stringify(events)}`);
  });

  await check(`${P} <mi-confirm> runs the action on click, fires mi-success, announces once`, async () => {
    const absent = missing('mi-confirm');
    if (absent) return absent;
    await page.evaluate(() => {
      window.__example.events.length = 0;
      window.__example.actionCalls = 0;
    });
    await page.click('#save');
    await waitFor(page, () => window.__example.events.includes('mi-success@confirm'), undefined, `no mi-success (events: ${await page.evaluate(() => JSON.stringify(window.__example.events))})`);
    await settle(page);
    const got = await page.evaluate(() => ({...window.__example, last: document.getElementById('last-event').textContent}));
    assert(got.actionCalls === 1, `action ran ${got.actionCalls} times`);
    assert(got.last === 'mi-success', `#last-event is ${got.last}`);
    const saved = got.announcements.filter((m) => m.includes('Saved'));
    assert(saved.length === 1, `"Saved" announced ${saved.length} times: ${JSON.stringify(got.announcements)}`);
  });

  await check(`${P} <mi-progress> reaching max fires mi-complete`, async () => {
    const absent = missing('mi-progress');
    if (absent) return absent;
    await page.click('#advance'); // 50 → 100
    await waitFor(page, () => window.__example.events.includes('mi-complete@progress'), undefined, `no mi-complete at value 100 (events: ${await page.evaluate(() => JSON.stringify(window.__example.events))})`);
  });

  await check(`${P} re-rendering the component keeps the elements and announces nothing again`, async () => {
    await settle(page);
    const before = await page.evaluate(() => {
      const ids = ['provider', 'confirm', 'progress', 'typing'];
      window.__refs = Object.fromEntries(ids.map((id) => [id, document.getElementById(id)]));
      window.__shadow = Object.fromEntries(ids.map((id) => [id, document.getElementById(id).shadowRoot]));
      return {announcements: window.__example.announcements.length, events: window.__example.events.length};
    });
    for (let i = 0; i < 3; i++) await page.click('#rerender');
    await waitFor(page, () => document.getElementById('renders').textContent === '3', undefined, 'the component did not re-render 3 times');
    await settle(page);
    const after = await page.evaluate((known) => {
      const out = {problems: []};
      for (const [id, old] of Object.entries(window.__refs)) {
        const el = document.getElementById(id);
        if (el !== old) out.problems.push(`#${id} was replaced`);
        else if (!el.isConnected) out.problems.push(`#${id} disconnected`);
        else if (el.shadowRoot !== window.__shadow[id]) out.problems.push(`#${id} shadow root changed`);
        else if (known.includes(el.localName) && el.hasUpdated !== true) out.problems.push(`#${id} is no longer a rendered Lit element`);
      }
      const button = document.getElementById('save');
      if (button?.parentElement?.id !== 'confirm') out.problems.push('the slotted button left <mi-confirm>');
      if (button?.textContent.trim() !== 'Save #3') out.problems.push(`the slotted button reads "${button?.textContent.trim()}" (framework patch lost)`);
      if (known.includes('mi-confirm') && !button?.assignedSlot) out.problems.push('the slotted button is not assigned to a slot');
      out.strings = document.getElementById('provider').strings?.['example.greeting'];
      out.action = typeof document.getElementById('confirm').action;
      out.announcements = window.__example.announcements.slice();
      out.events = window.__example.events.length;
      return out;
    }, [...tags]);
    assert(after.problems.length === 0, after.problems.join('; '));
    assert(after.strings === greeting, `strings lost: ${after.strings}`);
    assert(!has('mi-confirm') || after.action === 'function', `action lost: ${after.action}`);
    assert(after.announcements.length === before.announcements, `announcements grew from ${before.announcements} to ${after.announcements.length}: ${JSON.stringify(after.announcements.slice(before.announcements))}`);
    assert(after.events === before.events, 'events fired by a re-render');
  });

  await check(`${P} after re-renders the element still works, one handler call, one announcement`, async () => {
    const absent = missing('mi-confirm');
    if (absent) return absent;
    const before = await page.evaluate(() => ({a: window.__example.announcements.length, e: window.__example.events.filter((x) => x === 'mi-success@confirm').length}));
    await page.click('#save');
    await waitFor(page, (n) => window.__example.events.filter((x) => x === 'mi-success@confirm').length > n, before.e, 'no mi-success after the re-renders');
    await settle(page);
    const got = await page.evaluate(() => ({...window.__example}));
    const successes = got.events.filter((x) => x === 'mi-success@confirm').length - before.e;
    const saved = got.announcements.slice(before.a).filter((m) => m.includes('Saved')).length;
    assert(successes === 1, `mi-success handled ${successes} times (duplicate listeners?)`);
    assert(saved === 1, `"Saved" announced ${saved} times`);
  });

  await check(`${P} no page errors, console errors or warnings, failed requests`, () => {
    assert(problems.length === 0, problems.join('\n'));
  });
}

for (const app of APPS.filter((a) => built[a])) {
  console.log(`\n${app}: ${servers[app].url}/`);
  const page = await browser.newPage();
  const problems = watchPage(page);
  try {
    await page.goto(`${servers[app].url}/`, {waitUntil: 'load'});
    await waitFor(page, () => window.__example && document.getElementById('renders'), undefined, 'the app did not render', 10000);
    await checkFrameworkApp(app, page, problems);
  } catch (error) {
    report(`${app}: page loads`, false, error.message);
  }
  await page.close();
}

// --- 4. plain HTML pages -------------------------------------------------------------------------
if (servers.html) {
  const base = servers.html.url;
  const open = async (file, options) => {
    const page = await browser.newPage();
    const problems = watchPage(page, options);
    await page.goto(`${base}/${file}`, {waitUntil: 'load'});
    return {page, problems};
  };
  const noProblems = (label, problems) =>
    check(`${label}: no page errors, console errors or warnings, failed requests`, () => assert(problems.length === 0, problems.join('\n')));

  // CDN module and classic script: the same page body, two ways of loading.
  for (const [file, label] of [
    ['cdn-module.html', 'html/cdn-module (ES module from the CDN)'],
    ['script-tag.html', 'html/script-tag (classic IIFE script, window.mi)'],
  ]) {
    console.log(`\n${label}: ${base}/${file}`);
    const {page, problems} = await open(file);
    await waitFor(page, () => window.__example, undefined, 'page script did not run').catch((e) => report(`${label}: page script runs`, false, e.message));
    await check(`${label}: element upgrades`, () => checkUpgraded(page));
    if (file === 'script-tag.html') {
      await check(`${label}: window.mi has the API`, async () => {
        const keys = await page.evaluate(() => ['bus', 'announce', 'configure', 'onAnnounce'].filter((k) => !window.mi?.[k]));
        assert(keys.length === 0, `window.mi lacks ${keys.join(', ')}`);
      });
    }
    await check(`${label}: object property set from script`, async () => {
      const s = await page.evaluate(() => document.getElementById('provider').config?.strings?.['example.greeting']);
      assert(typeof s === 'string' && s.startsWith('Hello from'), `provider config.strings: ${s}`);
    });
    await check(`${label}: bus message patches <mi-progress listen="upload">`, async () => {
      const absent = missing('mi-progress');
      if (absent) return absent;
      await waitFor(page, () => document.getElementById('progress').value === 30, undefined, 'progress.value is not 30');
    });
    await check(`${label}: <mi-confirm> action + mi-success listener`, async () => {
      const absent = missing('mi-confirm');
      if (absent) return absent;
      await page.click('#save');
      await waitFor(page, () => window.__example.events.includes('mi-success@confirm') && window.__example.actionCalls === 1, undefined, 'no mi-success / action call');
      await settle(page);
      const saved = await page.evaluate(() => window.__example.announcements.filter((m) => m.includes('Saved')).length);
      assert(saved === 1, `"Saved" announced ${saved} times`);
    });
    await noProblems(label, problems);
    await page.close();
  }

  // The CMS snippet, pasted twice: two evaluations of the classic script on one page.
  {
    const label = 'html/cms-snippet-twice';
    console.log(`\n${label}: ${base}/cms-snippet-twice.html`);
    await check(`${label}: the page holds the snippet (examples/html/cms-snippet.txt) twice, verbatim`, () => {
      const snippet = readFileSync(join(EXAMPLES, 'html', 'cms-snippet.txt'), 'utf8').trim();
      const page = readFileSync(join(EXAMPLES, 'html', 'cms-snippet-twice.html'), 'utf8');
      assert(page.split(snippet).length - 1 === 2, 'snippet not found exactly twice');
    });
    const page = await browser.newPage();
    const problems = watchPage(page);
    // Records each copy of the API as the classic script assigns window.mi (each paste = a copy).
    await page.addInitScript(() => {
      const copies = (window.__miCopies = []);
      Object.defineProperty(window, 'mi', {
        configurable: true,
        get: () => copies.at(-1),
        set: (value) => copies.push(value),
      });
    });
    await page.goto(`${base}/cms-snippet-twice.html`, {waitUntil: 'load'});
    await check(`${label}: both copies ran (two evaluations of the script)`, async () => {
      const n = await page.evaluate(() => window.__miCopies.length);
      assert(n === 2, `${n} copies`);
    });
    await check(`${label}: element upgrades`, () => checkUpgraded(page));
    await check(`${label}: one bus — a message through either copy reaches handlers of both`, async () => {
      const got = await page.evaluate(() => {
        const [a, b] = window.__miCopies;
        const heard = [];
        const offA = a.bus.on('probe', (d) => heard.push(`a:${d}`));
        const offB = b.bus.on('probe', (d) => heard.push(`b:${d}`));
        a.bus.emit('probe', 1);
        b.bus.emit('probe', 2);
        document.dispatchEvent(new CustomEvent('mi:emit', {detail: {topic: 'probe', detail: 3}}));
        offA();
        offB();
        return {heard, last: a.bus.last('order-status'), same: a.bus.last('probe') === 3 && b.bus.last('probe') === 3};
      });
      assert(JSON.stringify(got.heard) === JSON.stringify(['a:1', 'b:1', 'a:2', 'b:2', 'a:3', 'b:3']), `deliveries: ${JSON.stringify(got.heard)} (each message exactly once per handler)`);
      assert(got.last?.value === 40, `the snippet's mi:emit did not reach the bus: last = ${JSON.stringify(got.last)}`);
    });
    await check(`${label}: one announcer — both copies write to the same single pair of live regions`, async () => {
      const got = await page.evaluate(async () => {
        const [a, b] = window.__miCopies;
        const heard = [];
        const off = a.onAnnounce((x) => heard.push(x.message));
        a.announce('From copy one');
        b.announce('From copy two');
        await new Promise((r) => setTimeout(r, 700));
        off();
        // Only the two probes: the pasted elements may announce their own progress meanwhile.
        return {heard: heard.filter((m) => m.startsWith('From copy')), containers: document.querySelectorAll('[data-mi-announcer]').length, polite: document.querySelectorAll('[aria-live="polite"]').length};
      });
      assert(got.containers === 1 && got.polite === 1, `${got.containers} announcer containers, ${got.polite} polite regions`);
      assert(JSON.stringify(got.heard) === JSON.stringify(['From copy one', 'From copy two']), `heard ${JSON.stringify(got.heard)}`);
    });
    await check(`${label}: both pasted <mi-progress listen> elements show the emitted value`, async () => {
      const absent = missing('mi-progress');
      if (absent) return absent;
      await waitFor(page, () => [...document.querySelectorAll('mi-progress')].every((p) => p.value === 40), undefined, 'not every mi-progress shows 40');
    });
    await noProblems(label, problems);
    await page.close();
  }

  // The ES module bundle and the classic script on one page.
  {
    const label = 'html/esm-and-iife';
    console.log(`\n${label}: ${base}/esm-and-iife.html`);
    const {page, problems} = await open('esm-and-iife.html');
    await waitFor(page, () => window.__copies, undefined, 'module script did not run').catch((e) => report(`${label}: page script runs`, false, e.message));
    await check(`${label}: element upgrades`, () => checkUpgraded(page));
    await check(`${label}: two copies, one bus, one announcer`, async () => {
      const got = await page.evaluate(async () => {
        const {esm, iife} = window.__copies;
        const heard = [];
        const spoken = [];
        const off = esm.bus.on('probe', (d) => heard.push(d));
        const offA = esm.onAnnounce((x) => spoken.push(x.message));
        iife.bus.emit('probe', 'from iife');
        document.dispatchEvent(new CustomEvent('mi:emit', {detail: {topic: 'probe', detail: 'from DOM'}}));
        iife.announce('Hello from the classic script');
        await new Promise((r) => setTimeout(r, 700));
        off();
        offA();
        return {distinct: esm.bus !== iife.bus && esm.announce !== iife.announce, heard, spoken: spoken.filter((m) => m.startsWith('Hello from')), containers: document.querySelectorAll('[data-mi-announcer]').length};
      });
      assert(got.distinct, 'expected two copies of the package (module graph and classic script)');
      assert(JSON.stringify(got.heard) === JSON.stringify(['from iife', 'from DOM']), `ESM handler heard ${JSON.stringify(got.heard)}`);
      assert(JSON.stringify(got.spoken) === JSON.stringify(['Hello from the classic script']), `ESM onAnnounce heard ${JSON.stringify(got.spoken)}`);
      assert(got.containers === 1, `${got.containers} announcer containers`);
    });
    await check(`${label}: the bus patches <mi-progress listen> for a message from the other copy`, async () => {
      const absent = missing('mi-progress');
      if (absent) return absent;
      await page.evaluate(() => window.__copies.iife.bus.emit('upload', {value: 70}));
      await waitFor(page, () => document.getElementById('progress').value === 70, undefined, 'progress.value is not 70');
    });
    await noProblems(label, problems);
    await page.close();
  }

  // Values set before the elements are defined, kept through a lazy upgrade.
  {
    const label = 'html/lazy';
    console.log(`\n${label}: ${base}/lazy.html`);
    const {page, problems} = await open('lazy.html');
    await check(`${label}: nothing is defined before the lazy load`, async () => {
      const defined = await page.evaluate(() => ['mi-provider', 'mi-confirm', 'mi-progress', 'mi-typing'].filter((t) => customElements.get(t)));
      assert(defined.length === 0, `already defined: ${defined.join(', ')}`);
    });
    await page.click('#load');
    await waitFor(page, () => customElements.get('mi-provider') && document.getElementById('provider').hasUpdated, undefined, 'the lazy import did not define the elements', 10000);
    await check(`${label}: element upgrades`, () => checkUpgraded(page));
    await check(`${label}: <mi-provider>.strings set before upgrade is kept and applied`, async () => {
      const got = await page.evaluate(() => {
        const el = document.getElementById('provider');
        return {same: el.strings === window.presetStrings, own: Object.hasOwn(el, 'strings'), applied: el.config?.strings?.['example.greeting']};
      });
      assert(got.same && got.applied === 'Hello before the upgrade', JSON.stringify(got));
      assert(!got.own, 'the pre-upgrade value still shadows the accessor (an own property)');
    });
    const kept = [
      ['mi-confirm', 'confirm', 'action', '<mi-confirm>.action (function)', 'window.sendAction'],
      ['mi-progress', 'progress', 'value', '<mi-progress>.value', '40'],
      ['mi-typing', 'typing', 'name', '<mi-typing>.name', '"Ana"'],
      ['mi-typing', 'typing', 'active', '<mi-typing>.active', 'true'],
    ];
    for (const [tag, id, prop, what, expected] of kept) {
      await check(`${label}: ${what} set before upgrade is kept`, async () => {
        const absent = missing(tag);
        if (absent) return absent;
        const got = await page.evaluate(
          ([id, prop, expected]) => {
            const el = document.getElementById(id);
            // eslint-disable-next-line no-new-func -- test-side only: the expected value as written above
            const want = Function(`return ${expected}`)();
            return {ok: el[prop] === want, own: Object.hasOwn(el, prop), value: String(el[prop])};
          },
          [id, prop, expected]
        );
        assert(got.ok, `${prop} is ${got.value}`);
        assert(!got.own, `${prop} is still an own property shadowing the accessor`);
      });
    }
    await check(`${label}: the kept action runs (click → mi-success)`, async () => {
      const absent = missing('mi-confirm');
      if (absent) return absent;
      await page.evaluate(() => document.getElementById('confirm').addEventListener('mi-success', () => (window.__sent = true)));
      await page.click('#send');
      await waitFor(page, () => window.__sent === true, undefined, 'no mi-success from the pre-set action');
    });
    await noProblems(label, problems);
    await page.close();
  }
}

await browser.close();
await Promise.all(Object.values(servers).map((s) => s.close()));
done();
