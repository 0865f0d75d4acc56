// The markdown report: bytes, then one table per group of browser figures (ours, the floor and the
// anchors side by side, median with min–max, ratios ours/floor and ours/anchor), then the goals.
const ORDER = ['ours', 'floor', 'shoelace', 'webawesome', 'material', 'spectrum'];
const SHORT = {floor: 'floor', shoelace: 'SL', webawesome: 'WA', material: 'MW', spectrum: 'SWC'};

const METRICS = {
  startup: [['ms', 'ms']],
  render: [
    ['updateComplete', 'to updateComplete (ms)'],
    ['painted', 'to painted frame (ms)'],
  ],
  update: [
    ['updateComplete', 'to updateComplete (ms)'],
    ['painted', 'to painted frame (ms)'],
    ['renders', 'renders performed'],
  ],
  idle: [
    ['timersIdle', 'timers pending while idle'],
    ['callsIdle', 'timer calls in the idle window'],
    ['timersActive', 'timers pending while all are typing'],
    ['callsActive', 'timer calls in the typing window'],
    ['longTasks', 'long tasks (both windows)'],
  ],
  smooth: [
    ['longTasks', 'long tasks'],
    ['droppedFrames', 'dropped frames'],
    ['maxGap', 'longest frame gap (ms)'],
  ],
  latency: [
    ['visible', 'first visible (ms)'],
    ['visibleFrame', 'frames to first visible'],
    ['legible', 'legible, opacity ≥ 0.6 (ms)'],
    ['legibleFrame', 'frames to legible'],
    ['legiblePainted', 'legible frame rendered (ms)'],
    ['settled', 'fully opaque (ms)'],
  ],
  memory: [
    ['heapKiB', 'JS heap retained (KiB)'],
    ['growthKiB', 'heap growth per cycle after the first (KiB)'],
    ['nodes', 'DOM nodes retained'],
    ['listeners', 'event listeners retained'],
  ],
};
const GROUP_TITLES = {
  startup: 'Startup',
  render: 'Render',
  update: 'Update batching',
  idle: 'Idle cost',
  smooth: 'Smoothness during animations',
  latency: 'Feedback latency',
  memory: 'Memory',
};

const list = (xs, sep = ', ') => (xs.length ? xs.join(sep) : 'not measured');
const kB = (b) => (b / 1000).toFixed(1);
const num = (x) => (x === null || x === undefined ? '–' : Math.abs(x) >= 100 || Number.isInteger(x) ? Math.round(x).toString() : x.toFixed(1));
const cell = (s) => (s ? `${num(s.median)} (${num(s.min)}–${num(s.max)})` : '–');
function ratio(a, b) {
  if (!a || !b) return '–';
  if (b.median === 0) return a.median === 0 ? '=' : '–';
  return `${(a.median / b.median).toFixed(2)}×`;
}

export function report(results) {
  const {meta, bytes, figures, capabilities} = results;
  const present = ORDER.filter((id) => id === 'ours' || bytes.subjects[id] || capabilities[id]);
  const label = (id) => (id === 'ours' ? 'mi-elements' : (bytes.subjects[id]?.label ?? id));
  const lines = [];
  const p = (s = '') => lines.push(s);

  p(`# mi-elements bench — ${meta.date.slice(0, 10)}`);
  p();
  p(
    `${meta.browser ?? 'no browser run'} · Node ${meta.node} · ${meta.cpus} cores · ${meta.reps} repetitions` +
      `${meta.quick ? ' · **--quick** (fewer instances, shorter windows: not comparable with a full run)' : ''}` +
      `${meta.partial && !meta.quick ? ' · partial run' : ''} · commit ${meta.git ?? '?'}`
  );
  if (meta.oursSource) p(`Ours: ${meta.oursSource}.`);
  const load = [meta.loadavgStart?.[0], meta.loadavgEnd?.[0]].filter((x) => x !== undefined);
  if (load.length) {
    const busy = Math.max(...load) > 0.5;
    p(
      `Load average (1 min) at start / end: ${load.map((x) => x.toFixed(2)).join(' / ')}` +
        (busy ? ' — **other work shared the CPU during this run**; ratios within the run stay meaningful, absolute times are inflated.' : '.')
    );
  }
  p();

  // ---- bytes
  p('## Bytes');
  p();
  p('Everything bundled and minified (esbuild, esm, es2022, `production` conditions); JS only, Lit included.');
  p();
  p('| bundle | raw | gzip -9 | brotli 11 | gzip ours / this |');
  p('|---|---:|---:|---:|---:|');
  const oursGz = bytes.ours.cdn?.gzip;
  if (bytes.ours.rows) {
    for (const r of bytes.ours.rows) p(`| mi-elements: ${r.name} | ${r.raw} | ${r.gzip} | ${r.brotli} | |`);
  } else p(`| mi-elements | not built | | | ${bytes.ours.error ?? ''} |`);
  for (const id of present.filter((x) => x !== 'ours')) {
    const s = bytes.subjects[id];
    if (!s) continue;
    const what = id === 'floor' ? 'lit + trivial element' : `set: ${Object.keys(s.modules).join(' + ')}`;
    p(`| **${s.label}** ${what} | ${s.set.raw} | ${s.set.gzip} | ${s.set.brotli} | ${oursGz ? (oursGz / s.set.gzip).toFixed(2) + '×' : '–'} |`);
    for (const [, m] of Object.entries(s.modules)) p(`| ${s.label}: ${m.label} alone | ${m.raw} | ${m.gzip} | ${m.brotli} | |`);
    for (const [name, c] of Object.entries(s.css ?? {})) p(`| ${s.label}: theme CSS ${name} (loaded, not counted) | ${c.raw} | ${c.gzip} | ${c.brotli} | |`);
  }
  p();
  for (const n of bytes.ours.notes ?? []) p(`> ${n}`);
  if (bytes.ours.stderr) for (const n of bytes.ours.stderr.split('\n')) p(`> ${n}`);
  p();

  // ---- browser figures
  const groups = [...new Set(Object.values(figures).map((f) => f.group))];
  if (groups.length) {
    p('Browser figures: median (min–max) of the repetitions; ratios are of medians, below 1× is better for ours.');
    p('"not built": that element is not in dist/cdn/mi-elements.js yet.');
    p();
  }
  const cols = present.filter((id) => capabilities[id] || Object.values(figures).some((f) => f.runs[id]));
  for (const group of groups) {
    p(`## ${GROUP_TITLES[group] ?? group}`);
    p();
    const head = ['figure', 'metric'];
    for (const id of cols) {
      head.push(id === 'ours' ? 'mi-elements' : label(id));
      if (id !== 'ours') head.push(`ours/${SHORT[id]}`);
    }
    p(`| ${head.join(' | ')} |`);
    p(`|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`);
    for (const [, fig] of Object.entries(figures).filter(([, f]) => f.group === group)) {
      for (const [metric, metricLabel] of METRICS[group]) {
        const ours = fig.runs.ours?.stats?.[metric];
        const row = [fig.title, metricLabel];
        for (const id of cols) {
          const run = fig.runs[id];
          const s = run?.stats?.[metric];
          let text = s ? cell(s) : run?.errors ? `error` : id === 'ours' && fig.oursNote ? fig.oursNote : '–';
          if (id === 'ours' && s && run.errors) text += ` (${run.errors.length} errors)`;
          row.push(text);
          if (id !== 'ours') row.push(ratio(ours, s));
        }
        p(`| ${row.join(' | ')} |`);
      }
    }
    p();
  }

  // ---- goals
  p('## Goals (issue 10)');
  p();
  const VERDICT = {true: '**met**', false: '**not met**', 'so far': '**met so far** (not every element measured yet)', null: 'not measured yet'};
  for (const g of goals(results)) p(`- ${VERDICT[g.met]} — ${g.text}`);
  p();

  // ---- notes
  const notes = [];
  for (const [id, c] of Object.entries(capabilities)) {
    if (c.error) notes.push(`${label(id)}: ${c.error}`);
    else if (c.missing?.length) notes.push(`${label(id)}: not built yet: ${c.missing.map((k) => `mi-${k}`).join(', ')}`);
  }
  const errs = new Map();
  for (const e of results.errors) errs.set(`${e.figure} / ${label(e.subject)}: ${e.error}`, (errs.get(`${e.figure} / ${label(e.subject)}: ${e.error}`) ?? 0) + 1);
  for (const [e, n] of errs) notes.push(`error ×${n}: ${e}`);
  if (notes.length) {
    p('## Notes');
    p();
    for (const n of notes) p(`- ${n}`);
    p();
  }
  return lines.join('\n');
}

/** The goals of issue 10, held against this run's figures. Each goal: met (all its items measured
 * and passing), not met (any item failing), met so far (the measured items pass, some are not
 * measured yet: elements not built), or not measured yet. */
export function goals({bytes, figures, meta}) {
  const out = [];
  const med = (fig, id, metric) => figures[fig]?.runs[id]?.stats?.[metric]?.median;
  const verdict = (items) => {
    const measured = items.filter((x) => x.pass !== null);
    if (!measured.length) return null;
    if (measured.some((x) => !x.pass)) return false;
    return measured.length === items.length ? true : 'so far';
  };
  const cdn = bytes.ours.cdn?.gzip;
  const sl = bytes.subjects.shoelace?.set.gzip;
  out.push({
    met: cdn === undefined ? null : cdn <= 12288 && (!sl || cdn <= sl / 2),
    text: `core + elements ≤ 12 kB gzip and less than half of Shoelace's four: CDN bundle ${cdn ?? '?'} B gzip (${cdn ? kB(cdn) : '?'} kB) vs 12 288 B; Shoelace's set ${sl ?? '?'} B (half: ${sl ? Math.round(sl / 2) : '?'} B).`,
  });
  const renders = Object.keys(figures).filter((id) => id.startsWith('render-'));
  const per = renders.map((id) => {
    const o = med(id, 'ours', 'painted');
    const fl = med(id, 'floor', 'painted');
    const r = o && fl ? o / fl : null;
    return {id, r, pass: r === null ? null : r <= 1.25};
  });
  out.push({
    met: verdict(per),
    text: `every element's render ≤ 1.25× the Lit floor (to the painted frame): ${list(per.map((x) => `${x.id.slice(7)} ${x.r === null ? 'not measured' : x.r.toFixed(2) + '×'}`))}.`,
  });
  const renderCount = med('update', 'ours', 'renders');
  out.push({
    met: renderCount === undefined ? null : renderCount <= 1,
    text: `10 000 updates → 1 render: ${renderCount === undefined ? 'not measured' : `${renderCount} render(s) for ${figures.update?.title.split(' ')[0]} updates`}.`,
  });
  const latPer = Object.keys(figures)
    .filter((id) => id.startsWith('latency-'))
    .map((id) => {
      // Visible = legible (opacity ≥ 0.6); runs from before that metric fall back to opacity > 0.
      const at = (sub, m) => med(id, sub, `legible${m}`) ?? med(id, sub, `visible${m}`);
      const x = {id: id.slice(8), o: at('ours', ''), fl: at('floor', ''), frames: at('ours', 'Frame')};
      x.pass = x.o === undefined || x.fl === undefined ? null : x.frames <= 1 && x.o <= x.fl;
      return x;
    });
  out.push({
    met: verdict(latPer),
    text: `feedback visible (legible: opacity ≥ 0.6) in the next frame, median ≤ the floor's: ${list(
      latPer.map((x) => `${x.id} ${x.o === undefined ? 'not measured' : `${num(x.o)} ms vs floor ${num(x.fl)} ms, frame ${num(x.frames)}`}`),
      '; '
    )}.`,
  });
  const lt = Object.keys(figures)
    .filter((id) => id.startsWith('smooth-'))
    .map((id) => {
      const n = figures[id].runs.ours?.stats?.longTasks?.max;
      const floor = figures[id].runs.floor?.stats?.longTasks?.max;
      return {id: id.slice(7), n, floor, pass: n === undefined ? null : n === 0};
    });
  out.push({
    met: verdict(lt),
    text: `0 long tasks during animations (max over repetitions; the floor's in brackets, for the machine's own noise): ${list(
      lt.map((x) => `${x.id} ${x.n ?? 'not measured'}${x.floor !== undefined && x.n !== undefined ? ` [${x.floor}]` : ''}`)
    )}.`,
  });
  const heap = med('memory', 'ours', 'heapKiB');
  const heapFloor = med('memory', 'floor', 'heapKiB');
  out.push({
    met: heap === undefined || heapFloor === undefined ? null : heap <= heapFloor * 1.3,
    text: `retained heap ≤ 1.3× the floor: ${heap === undefined ? 'not measured' : `${num(heap)} KiB vs floor ${num(heapFloor)} KiB (${(heap / heapFloor).toFixed(2)}×)`}.`,
  });
  return out;
}
