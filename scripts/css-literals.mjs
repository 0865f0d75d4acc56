#!/usr/bin/env node
// Minifies the CSS inside Lit's css`…` literals with esbuild's CSS minifier, so shipped styles
// carry no comments or indentation. Used by every build output: the rollup CDN bundles (plugin),
// scripts/size.mjs (esbuild plugin) and tsc's dist/ (run as a script: `node scripts/css-literals.mjs dist`).
// Only literals without `${}` interpolations are touched; anything this cannot read safely is
// left as written.
import {readFileSync, writeFileSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {transformSync} from 'esbuild';

const LITERAL = /\bcss\s*`((?:[^`\\$]|\\[\\`$]|\$(?!\{))*)`/g;

/** The literal's text as the css tag receives it (only `\\`, `\``, `\$` escapes are expected). */
const cook = (raw) => raw.replace(/\\([\\`$])/g, '$1');
/** Back into template-literal source. */
const uncook = (text) => text.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${');

export function minifyCssLiterals(code) {
  return code.replace(LITERAL, (whole, raw) => {
    const min = transformSync(cook(raw), {loader: 'css', minify: true, charset: 'utf8', target: 'esnext', logLevel: 'silent'});
    return `css\`${uncook(min.code.trim())}\``;
  });
}

/** rollup plugin: runs on the compiled *.styles.ts modules (place it after the TypeScript plugin). */
export const rollupCssLiterals = () => ({
  name: 'mi-css-literals',
  transform(code, id) {
    return /\.styles\.ts$/.test(id) ? {code: minifyCssLiterals(code), map: null} : null;
  },
});

/** esbuild plugin: the same for scripts/size.mjs. */
export const esbuildCssLiterals = () => ({
  name: 'mi-css-literals',
  setup(build) {
    build.onLoad({filter: /\.styles\.ts$/}, (args) => ({contents: minifyCssLiterals(readFileSync(args.path, 'utf8')), loader: 'ts'}));
  },
});

function* stylesFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* stylesFiles(path);
    else if (name.endsWith('.styles.js')) yield path;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'dist';
  let before = 0;
  let after = 0;
  for (const file of stylesFiles(dir)) {
    const code = readFileSync(file, 'utf8');
    const min = minifyCssLiterals(code);
    before += code.length;
    after += min.length;
    writeFileSync(file, min);
  }
  console.log(`css-literals: ${dir}/**/*.styles.js ${before} → ${after} bytes`);
}
