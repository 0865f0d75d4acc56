// @ts-check
// CDN bundles only (the npm artifact is tsc's dist/): one self-contained minified ES module
// and one classic-script IIFE that puts the API on window.mi. Both register every element.
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import {rollupCssLiterals} from './scripts/css-literals.mjs';

const ts = () =>
  typescript({
    tsconfig: './tsconfig.json',
    outDir: undefined,
    declaration: false,
    declarationMap: false,
    sourceMap: true,
    inlineSources: false,
  });

const plugins = (module) => [
  ts(),
  // After TypeScript: the TS plugin compiles from disk, so it must see the original source.
  rollupCssLiterals(),
  resolve({browser: true, exportConditions: ['production']}),
  terser({module, format: {comments: false}, compress: {passes: 2}}),
];

export default [
  {
    input: 'src/cdn.ts',
    plugins: plugins(true),
    output: {file: 'dist/cdn/mi-elements.js', format: 'es', sourcemap: true},
  },
  {
    input: 'src/cdn.ts',
    plugins: plugins(false),
    output: {file: 'dist/cdn/mi-elements.iife.js', format: 'iife', name: 'mi', sourcemap: true},
  },
];
