// Bytes: ours from the root's scripts/size.mjs --json (the lead's budgets check, run as is), and
// the floor and each anchor's closest equivalents bundled the same way (scripts/bundle-options.mjs:
// esbuild, bundle, minify, esm, es2022, production conditions), raw / gzip -9 / brotli 11.
// Writes each subject's full bundle to bench/.build/<id>.js: the browser runs what was measured.
import {execFile} from 'node:child_process';
import {mkdirSync, writeFileSync, readFileSync, existsSync} from 'node:fs';
import {gzipSync, brotliCompressSync, constants} from 'node:zlib';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {SUBJECTS, MODULE_LABELS} from './subjects.mjs';
import {BUNDLE} from '../../scripts/bundle-options.mjs';
import {esbuildCssLiterals} from '../../scripts/css-literals.mjs';

const benchDir = fileURLToPath(new URL('../', import.meta.url));
const rootDir = fileURLToPath(new URL('../../', import.meta.url));
export const buildDir = `${benchDir}.build/`;

export const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, {level: 9}).length,
  brotli: brotliCompressSync(buf, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length,
});

async function bundle(specifiers) {
  const contents = specifiers.map((s) => `import ${JSON.stringify(s)};`).join('\n');
  const result = await build({...BUNDLE, stdin: {contents, resolveDir: benchDir, loader: 'js'}});
  return Buffer.from(result.outputFiles[0].contents);
}

/** Runs the root's size script; its rows, or an error note when dist/ is not built. */
function ourSizes() {
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/size.mjs', '--json'], {cwd: rootDir, maxBuffer: 1 << 24}, (error, stdout, stderr) => {
      const jsonEnd = stdout.lastIndexOf('\n]');
      if (!stdout.trimStart().startsWith('[') || jsonEnd < 0) {
        resolve({error: (stderr || stdout || String(error)).trim().split('\n')[0]});
        return;
      }
      const rows = JSON.parse(stdout.slice(0, jsonEnd + 2));
      const notes = stdout.slice(jsonEnd + 2).trim().split('\n').filter(Boolean);
      resolve({rows, notes, overBudget: error?.code === 1, stderr: stderr.trim()});
    });
  });
}

export async function measureBytes() {
  mkdirSync(buildDir, {recursive: true});
  const out = {ours: await ourSizes(), subjects: {}};
  const cdn = `${rootDir}dist/cdn/mi-elements.js`;
  out.ours.built = existsSync(cdn);
  if (out.ours.built) out.ours.cdn = sizes(readFileSync(cdn));
  for (const subject of SUBJECTS) {
    if (!subject.modules) continue;
    const entry = {label: subject.label, modules: {}};
    const all = Object.values(subject.modules).flat();
    for (const [kind, spec] of Object.entries(subject.modules)) {
      if (Object.keys(subject.modules).length === 1) break;
      entry.modules[kind] = {label: MODULE_LABELS[kind], ...sizes(await bundle([spec].flat()))};
    }
    const full = await bundle(all);
    entry.set = sizes(full);
    writeFileSync(`${buildDir}${subject.id}.js`, full);
    out.subjects[subject.id] = entry;
  }
  // Theme CSS the anchors' pages load (bundled and minified the same way; not counted above).
  for (const subject of SUBJECTS) {
    for (const href of subject.css) {
      const file = `${rootDir}${href.slice(1)}`;
      if (!existsSync(file)) continue;
      const css = await build({
        entryPoints: [file],
        bundle: true,
        minify: true,
        write: false,
        logLevel: 'silent',
        loader: {'.woff2': 'empty', '.woff': 'empty', '.ttf': 'empty', '.svg': 'empty', '.png': 'empty'},
      });
      (out.subjects[subject.id].css ??= {})[href.split('/').pop()] = sizes(Buffer.from(css.outputFiles[0].contents));
    }
  }
  return out;
}

/**
 * `--ours-src`: bundles the work in progress from src/ (the CDN entry plus every element's
 * define.ts that exists, and the toast() export) into .build/ours-src.js, without touching dist/.
 * For trying the harness on elements that are not in dist/ yet; the bytes table still uses dist/.
 */
export async function bundleOursFromSrc() {
  const {readdirSync} = await import('node:fs');
  const src = `${rootDir}src/`;
  const lines = [`export * from ${JSON.stringify(`${src}cdn.ts`)};`];
  for (const name of ['progress', 'confirm', 'typing', 'hint', 'toaster']) {
    const dir = `${src}${name}/`;
    if (!existsSync(dir)) continue;
    if (existsSync(`${dir}define.ts`)) lines.push(`import ${JSON.stringify(`${dir}define.ts`)};`);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(`${dir}${file}`, 'utf8');
      if (/export (async )?(function|const) toast\b/.test(text)) lines.push(`export {toast} from ${JSON.stringify(`${dir}${file}`)};`);
    }
  }
  // The same build as scripts/size.mjs and dist/: css`` literals minified.
  const result = await build({
    ...BUNDLE,
    stdin: {contents: lines.join('\n'), resolveDir: rootDir, loader: 'ts'},
    tsconfig: `${rootDir}tsconfig.json`,
    plugins: [esbuildCssLiterals()],
  });
  mkdirSync(buildDir, {recursive: true});
  writeFileSync(`${buildDir}ours-src.js`, result.outputFiles[0].contents);
  return {entry: lines, ...sizes(Buffer.from(result.outputFiles[0].contents))};
}
