#!/usr/bin/env node
// Imports every JavaScript entry of package.json "exports" in plain Node (no DOM), as a host app
// rendering on the server would. Fails when any entry throws or touches window/document.
import {readFileSync, existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const entries = Object.entries(pkg.exports).flatMap(([key, target]) => {
  const file = typeof target === 'string' ? target : target.default;
  return file.endsWith('.js') && !key.includes('*') ? [[key, file]] : [];
});

let failed = 0;
for (const [key, file] of entries) {
  const url = new URL(file, root);
  if (!existsSync(fileURLToPath(url))) {
    console.error(`node-import: ${key} → ${file} is missing (run npm run build first)`);
    failed++;
    continue;
  }
  try {
    // The IIFE is a classic script: evaluating it as a module is enough to prove it is Node-safe.
    await import(url.href);
  } catch (error) {
    console.error(`node-import: ${key} threw: ${error?.stack ?? error}`);
    failed++;
  }
}
if (typeof globalThis.window !== 'undefined' || typeof globalThis.document !== 'undefined') {
  console.error('node-import: an entry created window/document globals');
  failed++;
}
console.log(`node-import: ${entries.length - failed} of ${entries.length} package entries import in plain Node`);
process.exit(failed ? 1 : 0);
