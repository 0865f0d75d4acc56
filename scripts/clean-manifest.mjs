#!/usr/bin/env node
// The analyzer reads `dispatchEvent(new MiHideEvent(reason))` as events named `reason` or with no
// name at all. Our events are declared with @fires (named `mi-…`, with a description): keep those,
// drop the misreadings, so editors and framework typings list only real events. Modules are
// sorted by path so that the committed manifest does not change from build to build.
import {readFileSync, writeFileSync} from 'node:fs';

const file = new URL('../custom-elements.json', import.meta.url);
const manifest = JSON.parse(readFileSync(file, 'utf8'));
let dropped = 0;
for (const mod of manifest.modules ?? []) {
  for (const decl of mod.declarations ?? []) {
    if (!decl.events) continue;
    const kept = decl.events.filter((e) => typeof e.name === 'string' && /^mi-[a-z-]+$/.test(e.name));
    dropped += decl.events.length - kept.length;
    decl.events = kept;
  }
}
// The analyzer's module order follows file-system timing; sort it so builds are reproducible.
manifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`clean-manifest: dropped ${dropped} misread events`);
