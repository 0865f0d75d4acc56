#!/usr/bin/env node
// `npm run bench` — size and speed of mi-elements side by side with the Lit floor and the anchors
// (Shoelace, Web Awesome, Material Web, Spectrum), all measured in one run on this machine.
//
//   --reps N        repetitions of every browser figure (default 7; at least 7 for a real run)
//   --quick         fewer instances and shorter windows, for developing the harness
//   --only a,b      only the figures whose id starts with one of these (startup, render, update,
//                   smooth, latency, memory)
//   --subjects a,b  only these subjects (ours, floor, shoelace, webawesome, material, spectrum)
//   --bytes-only    no browser
//   --report-only   re-render results/latest.md from results/latest.json (or --from FILE)
//   --ours-src      run ours from a bundle of src/ (work in progress) instead of dist/cdn; the
//                   bytes table still reports dist/ (a partial run: writes results/quick.*)
//
// Writes results/latest.json and results/latest.md (results/quick.* for --quick, --bytes-only, --ours-src or other partial runs)
// and prints the markdown.
import {writeFileSync, mkdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import os from 'node:os';
import {chromium} from 'playwright-core';
import {serve} from './lib/server.mjs';
import {summarize} from './lib/stats.mjs';
import {measureBytes, bundleOursFromSrc} from './lib/bytes.mjs';
import {SUBJECTS} from './lib/subjects.mjs';
import {report} from './lib/report.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const quick = flag('quick');
const reps = Number(option('reps', quick ? 2 : 7));
const only = option('only', '').split(',').filter(Boolean);
const subjectIds = option('subjects', SUBJECTS.map((s) => s.id).join(',')).split(',').filter(Boolean);
const oursSrc = flag('ours-src');
const partial = quick || oursSrc || flag('bytes-only') || only.length > 0 || subjectIds.length < SUBJECTS.length || reps < 7;
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

const N = quick ? 200 : 1000; // instances per kind
const UPDATES = quick ? 2000 : 10_000;
const ANIM_MS = quick ? 600 : 2000;
const CYCLES = quick ? 3 : 10;
const CYCLE_N = quick ? 200 : 1000;
const RUN_TIMEOUT = 180_000;

const root = fileURLToPath(new URL('../', import.meta.url));
const log = (...a) => console.error('[bench]', ...a);

// --report-only: re-render the markdown of an earlier run (results/latest.json, or --from FILE).
if (flag('report-only')) {
  const from = new URL(option('from', 'results/latest.json'), new URL(`file://${process.cwd()}/`));
  const earlier = JSON.parse(readFileSync(from, 'utf8'));
  const text = report(earlier);
  writeFileSync(new URL(from.href.replace(/\.json$/, '.md')), text);
  console.log(text);
  process.exit(0);
}

// ----- bytes ---------------------------------------------------------------------------------
log('bytes: running ../scripts/size.mjs --json and bundling the floor and anchors with esbuild');
const bytes = await measureBytes();

const meta = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  loadavgStart: os.loadavg(),
  reps,
  quick,
  partial,
  instances: N,
  updates: UPDATES,
  animationMs: ANIM_MS,
  memory: {cycles: CYCLES, instancesPerCycle: CYCLE_N},
  git: gitHead(),
};

// Ours runs from a snapshot of dist/cdn/mi-elements.js taken now: other work may rebuild dist/
// while the run goes on, and every repetition must load the same bytes.
if (!oursSrc && bytes.ours.built) {
  const {copyFileSync} = await import('node:fs');
  copyFileSync(new URL('../dist/cdn/mi-elements.js', import.meta.url), new URL('.build/ours.js', import.meta.url));
  meta.oursSource = `dist/cdn/mi-elements.js (snapshot at start, ${bytes.ours.cdn.raw} B)`;
}
if (oursSrc) {
  meta.oursSource = 'src/ (work in progress, --ours-src)';
  meta.oursSrcBundle = await bundleOursFromSrc();
  log(`ours from src/: ${meta.oursSrcBundle.gzip} B gzip`);
}

const results = {meta, bytes, capabilities: {}, figures: {}, errors: []};

if (!flag('bytes-only')) await browserFigures();

meta.loadavgEnd = os.loadavg();
const md = report(results);
const outName = partial ? 'quick' : 'latest';
mkdirSync(new URL('results/', import.meta.url), {recursive: true});
writeFileSync(new URL(`results/${outName}.json`, import.meta.url), JSON.stringify(results, null, 2) + '\n');
writeFileSync(new URL(`results/${outName}.md`, import.meta.url), md);
console.log(md);
log(`wrote results/${outName}.json and results/${outName}.md`);

// ----- browser -------------------------------------------------------------------------------
async function browserFigures() {
  const server = await serve(root);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
  meta.browser = `${browser.browserType().name()} ${browser.version()}`;
  try {
    const subjects = SUBJECTS.filter((s) => subjectIds.includes(s.id)).map((s) => ({
      ...s,
      libUrl: s.id === 'ours' ? (oursSrc ? '/bench/.build/ours-src.js' : '/bench/.build/ours.js') : `/bench/.build/${s.id}.js`,
    }));
    // Probe: which figures apply to whom (and which of our elements are built yet).
    for (const s of subjects) {
      if (s.id === 'ours' && !bytes.ours.built && !oursSrc) {
        results.capabilities.ours = {error: 'dist/cdn/mi-elements.js missing (not built)'};
        continue;
      }
      try {
        results.capabilities[s.id] = await withPage(s, async (page, loaded) => ({...(await page.evaluate(() => bench.capabilities())), ...loaded}));
      } catch (error) {
        results.capabilities[s.id] = {error: String(error.message ?? error).split('\n')[0]};
      }
    }
    const usable = subjects.filter((s) => !results.capabilities[s.id].error);
    const plan = planFigures(usable);
    const runsPerRep = plan.reduce((sum, f) => sum + f.runs.length, 0);
    log(`${plan.length} figures, ${runsPerRep} page runs per repetition, ${reps} repetitions`);
    const started = Date.now();
    for (let rep = 0; rep < reps; rep++) {
      for (const fig of plan) {
        // Interleaved: every subject of a figure runs back to back, in an order rotated per rep.
        const order = fig.runs.map((_, i) => fig.runs[(i + rep) % fig.runs.length]);
        for (const run of order) {
          let value;
          try {
            value = await withPage(run.subject, (page, loaded) => run.measure(page, loaded));
          } catch (error) {
            value = {error: String(error.message ?? error).split('\n')[0]};
            results.errors.push({figure: fig.id, subject: run.subject.id, rep, error: value.error});
            log(`error ${fig.id} ${run.subject.id}: ${value.error}`);
          }
          const slot = (results.figures[fig.id].runs[run.subject.id] ??= {
            label: run.label,
            samples: [],
          });
          slot.samples.push(value);
        }
      }
      log(`rep ${rep + 1}/${reps} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    // Summaries: every numeric field of the samples, median with min–max.
    for (const fig of Object.values(results.figures)) {
      for (const run of Object.values(fig.runs)) {
        const fields = new Set(run.samples.flatMap((s) => Object.keys(s ?? {}).filter((k) => typeof s[k] === 'number')));
        run.stats = Object.fromEntries([...fields].map((k) => [k, summarize(run.samples.map((s) => s?.[k]))]));
        run.errors = run.samples.filter((s) => s?.error).map((s) => s.error);
        if (!run.errors.length) delete run.errors;
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  async function withPage(subject, fn) {
    const page = await browser.newPage({viewport: {width: 1280, height: 800}});
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      return await timeout(
        (async () => {
          await page.goto(`${server.url}/bench/harness/index.html`);
          await page.waitForFunction(() => window.bench);
          await page.evaluate((cfg) => bench.setup(cfg), {subject: subject.id, libUrl: subject.libUrl, css: subject.css});
          const loaded = await page.evaluate(() => bench.load());
          const out = await fn(page, loaded);
          if (pageErrors.length && out && typeof out === 'object') out.pageErrors = pageErrors.slice(0, 3);
          return out;
        })(),
        RUN_TIMEOUT
      );
    } finally {
      await page.close();
    }
  }
}

/** Which figure runs on which subject; ours needs the element built (defined by the CDN bundle). */
function planFigures(subjects) {
  const cap = results.capabilities;
  const has = (s, kind) => cap[s.id].defined?.includes(kind);
  const ours = subjects.find((s) => s.id === 'ours');
  const floor = subjects.find((s) => s.id === 'floor');
  const anchors = subjects.filter((s) => s.id !== 'ours' && s.id !== 'floor');
  const figs = [];
  const fig = (id, group, title, runs, kind) => {
    if (only.length && !only.some((o) => id.startsWith(o))) return;
    const entry = {title, group, kind, runs: {}};
    // Ours is wanted but cannot run this figure: its element is not in dist/ yet.
    if (subjectIds.includes('ours') && !runs.some((r) => r.subject === ours)) entry.oursNote = 'not built';
    results.figures[id] = entry;
    if (runs.length) figs.push({id, group, title, kind, runs});
  };
  const run = (subject, measure, label) => ({subject, measure, label});

  // startup
  fig(
    'startup',
    'startup',
    'bundle received → all elements defined (ms)',
    subjects.map((s) => run(s, async (page, loaded) => ({ms: loaded.startup, defined: loaded.defined.length})))
  );

  // render
  const LABEL = {progress: 'progress bar', toaster: 'toast API', typing: 'spinner', hint: 'tooltip', confirm: '–'};
  for (const kind of ['progress', 'toaster', 'typing', 'hint', 'confirm']) {
    const runs = [];
    if (ours && has(ours, kind)) runs.push(run(ours, (page) => page.evaluate((a) => bench.render(a), {kind, n: N}), `mi-${kind}`));
    if (floor) runs.push(run(floor, (page) => page.evaluate((a) => bench.render(a), {kind: 'floor', n: N}), 'bench-floor'));
    for (const a of anchors)
      if (cap[a.id].kinds.includes(kind) && has(a, kind)) runs.push(run(a, (page) => page.evaluate((x) => bench.render(x), {kind, n: N}), cap[a.id].tags[kind]));
    fig(`render-${kind}`, 'render', `render ×${N} mi-${kind === 'toaster' ? 'toaster (toast())' : kind} ↔ ${LABEL[kind]} (ms)`, runs, kind);
  }
  {
    const runs = [];
    const mixedBuilt = ours && cap.ours.mixed.every((k) => has(ours, k));
    if (mixedBuilt) runs.push(run(ours, (page) => page.evaluate((a) => bench.render(a), {kind: 'mixed', n: N}), cap.ours.mixed.join('+')));
    if (floor) runs.push(run(floor, (page) => page.evaluate((a) => bench.render(a), {kind: 'floor', n: N * 4}), 'bench-floor'));
    for (const a of anchors) runs.push(run(a, (page) => page.evaluate((x) => bench.render(x), {kind: 'mixed', n: N}), cap[a.id].mixed.map((k) => cap[a.id].tags[k]).join('+')));
    fig('render-mixed', 'render', `render ${N * 4} mixed: progress, toast, typing ↔ spinner, hint ↔ tooltip, ${N} each (ms)`, runs, 'mixed');
  }

  // update
  {
    const runs = [];
    const upd = (s, label) => run(s, (page) => page.evaluate((a) => bench.update(a), {n: UPDATES}), label);
    if (ours && has(ours, 'progress')) runs.push(upd(ours, 'mi-progress'));
    if (floor) runs.push(upd(floor, 'bench-floor'));
    for (const a of anchors) if (has(a, 'progress')) runs.push(upd(a, cap[a.id].tags.progress));
    fig('update', 'update', `${UPDATES} synchronous value updates to one progress element`, runs, 'progress');
  }

  // idle cost
  {
    const runs = [];
    const idle = (s, label) => run(s, (page) => page.evaluate((a) => bench.idle(a), {n: N, ms: ANIM_MS}), label);
    if (ours && has(ours, 'typing')) runs.push(idle(ours, 'mi-typing'));
    if (floor) runs.push(idle(floor, 'bench-floor'));
    fig('idle-typing', 'idle', `${N} typing indicators on a page, ${ANIM_MS} ms idle, then ${ANIM_MS} ms all typing`, runs, 'typing');
  }

  // smoothness
  const ANIM = {progress: 'indeterminate progress', typing: 'typing dots ↔ spinner', toaster: 'toast entrance'};
  for (const animation of ['progress', 'typing', 'toaster']) {
    const runs = [];
    const sm = (s, name, label) => run(s, (page) => page.evaluate((a) => bench.smooth(a), {animation: name, ms: ANIM_MS}), label);
    if (ours && has(ours, animation)) runs.push(sm(ours, animation, `mi-${animation}`));
    if (floor) runs.push(sm(floor, 'spin', 'CSS spin'));
    for (const a of anchors) if (cap[a.id].animations.includes(animation) && has(a, animation)) runs.push(sm(a, animation, cap[a.id].tags[animation]));
    fig(`smooth-${animation}`, 'smooth', `${ANIM[animation]}, ${ANIM_MS} ms window`, runs, animation);
  }

  // latency
  const FLOOR_FOR = {'toast-click': 'click', 'toast-call': 'call', 'toast-bus': 'call', 'hint-focus': 'focus', 'confirm-click': 'click', 'typing-bus': 'call'};
  const LAT = {
    'toast-click': 'click → toast visible',
    'toast-call': 'toast() call → toast visible',
    'toast-bus': "bus.emit('toast') → toast visible",
    'hint-focus': 'Tab focus → first frame with the hint/tooltip visible',
    'confirm-click': 'click → confirmation visible (action resolves at once)',
    'typing-bus': 'bus message → typing indicator visible (delay=0)',
  };
  for (const [scenario, floorScenario] of Object.entries(FLOOR_FOR)) {
    const runs = [];
    const needs = cap.ours?.latency?.[scenario];
    if (ours && (!needs || has(ours, needs))) runs.push(run(ours, (page) => latency(page, scenario), scenario));
    if (floor) runs.push(run(floor, (page) => latency(page, floorScenario), `floor ${floorScenario}`));
    for (const a of anchors) if (scenario in cap[a.id].latency) runs.push(run(a, (page) => latency(page, scenario), scenario));
    fig(`latency-${scenario}`, 'latency', LAT[scenario], runs, needs ?? null);
  }

  // memory
  {
    const runs = [];
    const mixedBuilt = ours && cap.ours.mixed.every((k) => has(ours, k));
    if (mixedBuilt) runs.push(run(ours, memory, 'mixed'));
    if (floor) runs.push(run(floor, memory, 'bench-floor'));
    for (const a of anchors) runs.push(run(a, memory, 'mixed'));
    fig('memory', 'memory', `retained after ${CYCLES} × ${CYCLE_N} create/remove (mixed kinds), after forced GC`, runs, 'mixed');
  }
  return figs;
}

async function latency(page, scenario) {
  const how = await page.evaluate((a) => bench.latencyPrepare(a), {scenario});
  if (how.input === 'click') await page.mouse.click(how.x, how.y);
  else if (how.input === 'tab') await page.keyboard.press('Tab');
  else await page.evaluate(() => bench.latencyCall());
  const out = await page.evaluate(() => bench.latencyResult());
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== null));
}

async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  const base = await settle(page, cdp);
  // One cycle first: what stays after it is mostly one-time cost (styles, templates, services);
  // growth over the remaining cycles is what a long-lived page would keep accumulating.
  await page.evaluate((a) => bench.cycles(a), {cycles: 1, n: CYCLE_N});
  const first = await settle(page, cdp);
  await page.evaluate((a) => bench.cycles(a), {cycles: CYCLES - 1, n: CYCLE_N});
  const end = await settle(page, cdp);
  return {
    heapKiB: (end.heap - base.heap) / 1024,
    growthKiB: (end.heap - first.heap) / 1024 / Math.max(1, CYCLES - 1),
    nodes: end.dom.nodes - base.dom.nodes,
    listeners: end.dom.jsEventListeners - base.dom.jsEventListeners,
    gcRounds: end.rounds,
  };
}

/** Forced GC (V8 + Blink) until the live DOM node count and the heap stop moving (≤ 12 rounds). */
async function settle(page, cdp) {
  let last = null;
  for (let round = 1; round <= 12; round++) {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await page.evaluate(() => bench.gc());
    const dom = await cdp.send('Memory.getDOMCounters');
    if (last && dom.nodes === last.dom.nodes && Math.abs(heap - last.heap) < 8192) return {heap, dom, rounds: round};
    last = {heap, dom, rounds: round};
    await new Promise((r) => setTimeout(r, 250));
  }
  return last;
}

function timeout(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)))]).finally(() =>
    clearTimeout(timer)
  );
}

function gitHead() {
  try {
    const head = readFileSync(new URL('../.git/HEAD', import.meta.url), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head.slice(0, 12);
    return readFileSync(new URL(`../.git/${head.slice(5)}`, import.meta.url), 'utf8').trim().slice(0, 12);
  } catch {
    return null;
  }
}
