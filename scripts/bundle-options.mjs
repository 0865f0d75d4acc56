// How every size figure is bundled (scripts/size.mjs, and bench/ for the floor and the anchors):
// everything in one minified ES module, es2022, `production` conditions, no legal comments.
export const BUNDLE = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  conditions: ['production'],
  write: false,
  legalComments: 'none',
  logLevel: 'silent',
};
