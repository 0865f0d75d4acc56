#!/usr/bin/env node
// Bytes, measured and held to budgets (deterministic, so CI may enforce them):
// - the CDN bundle dist/cdn/mi-elements.js (Lit + core + every element), gzip -9 and brotli 11;
// - each element's marginal cost: gzip(core + element) − gzip(core), bundled and minified the
//   same way (esbuild, production conditions, css`` literals minified as in every build).
// Budgets live in bench/budgets.json. `--json` prints the figures as JSON.
import {readFileSync, existsSync, readdirSync} from 'node:fs';
import {gzipSync, brotliCompressSync, constants} from 'node:zlib';
import {build} from 'esbuild';
import {esbuildCssLiterals} from './css-literals.mjs';
import {BUNDLE} from './bundle-options.mjs';

const root = new URL('../', import.meta.url);
const budgets = JSON.parse(readFileSync(new URL('bench/budgets.json', root), 'utf8'));
const gzip = (buf) => gzipSync(buf, {level: 9}).length;
const brotli = (buf) => brotliCompressSync(buf, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length;

// The core every element stands on: services, controllers, the base class, events, the provider.
const CORE = [
  // Every module of src/core/ (framework-free services shared by the elements).
  ...readdirSync(new URL('src/core/', root)).filter((f) => f.endsWith('.ts')).map((f) => `src/core/${f}`),
  ...['bus', 'loop', 'motion', 'trigger'].map((m) => `src/controllers/${m}-controller.ts`),
  'src/base/mi-element.ts',
  'src/base/base.styles.ts',
  'src/events.ts',
  'src/provider/define.ts',
];
// Optional modules with their own budgets (measured like elements: marginal over the core).
const EXTRA = {bridges: ['src/bridges/event-source.ts', 'src/bridges/web-socket.ts', 'src/bridges/broadcast-channel.ts']};
async function bundle(imports) {
  const contents = imports.map((p) => `export * from ${JSON.stringify(new URL(p, root).pathname)};`).join('\n');
  const result = await build({
    ...BUNDLE,
    stdin: {contents, resolveDir: new URL('.', root).pathname, loader: 'ts'},
    tsconfig: new URL('tsconfig.json', root).pathname,
    plugins: [esbuildCssLiterals()],
  });
  return Buffer.from(result.outputFiles[0].contents);
}

const rows = [];
const cdn = new URL('dist/cdn/mi-elements.js', root);
if (!existsSync(cdn)) {
  console.error('size: dist/cdn/mi-elements.js is missing; run npm run build first');
  process.exit(1);
}
const cdnBuf = readFileSync(cdn);
rows.push({name: 'cdn bundle (lit + core + all elements)', raw: cdnBuf.length, gzip: gzip(cdnBuf), brotli: brotli(cdnBuf), ...budgets.total});

const core = await bundle(CORE);
rows.push({name: 'core + lit (no elements)', raw: core.length, gzip: gzip(core), brotli: brotli(core), ...budgets.core});
for (const [name, limits] of Object.entries(budgets.elements)) {
  const entries = EXTRA[name] ?? [`src/${name}/define.ts`];
  if (!entries.every((e) => existsSync(new URL(e, root)))) continue;
  const withEl = await bundle([...CORE, ...entries]);
  rows.push({
    name: `+ ${name} (marginal)`,
    raw: withEl.length - core.length,
    gzip: gzip(withEl) - gzip(core),
    brotli: brotli(withEl) - brotli(core),
    ...limits,
  });
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  console.log('| bytes | raw | gzip -9 | brotli 11 | goal (gzip) | enforced ceiling |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const goal = r.goal ? `${r.goal} ${r.gzip <= r.goal ? '✓' : '✗ missed'}` : '–';
    console.log(`| ${r.name} | ${r.raw} | ${r.gzip} | ${r.brotli} | ${goal} | ${r.ceiling ?? '–'} |`);
  }
}
const over = rows.filter((r) => r.ceiling && r.gzip > r.ceiling);
for (const r of over) console.error(`size: ${r.name} is ${r.gzip} B gzip, over its enforced ceiling of ${r.ceiling} B`);
const missed = rows.filter((r) => r.goal && r.gzip > r.goal).length;
if (missed) console.log(`size: ${missed} of the issues' size goals are not met yet (see the table)`);
console.log(`size: ${rows.length - over.length} passed, ${over.length} failed`);
process.exit(over.length ? 1 : 0);
