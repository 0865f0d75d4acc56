#!/usr/bin/env node
// The build minifies every css`…` literal (scripts/css-literals.mjs). This proves the minified
// CSS means the same to Chromium: each literal, as written and as shipped, is parsed into a
// constructable stylesheet and the browser's own serialisation of every rule must be identical
// (up to equal spellings inside var() values, which the browser keeps as written).
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {chromium} from 'playwright-core';
import {findChromium} from '../chromium-path.mjs';
import {minifyCssLiterals} from '../css-literals.mjs';

const LITERAL = /\bcss\s*`((?:[^`\\$]|\\[\\`$]|\$(?!\{))*)`/g;
const cooked = (source) => [...source.matchAll(LITERAL)].map((m) => m[1].replace(/\\([\\`$])/g, '$1'));

function* stylesFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* stylesFiles(path);
    else if (name.endsWith('.styles.ts')) yield path;
  }
}

const cases = [];
for (const file of stylesFiles('src')) {
  const source = readFileSync(file, 'utf8');
  const written = cooked(source);
  const shipped = cooked(minifyCssLiterals(source));
  cases.push({file, written, shipped});
}

const browser = await chromium.launch({executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu']});
const page = await browser.newPage();
await page.setContent('<!doctype html><title>css</title>');
let passed = 0;
let failed = 0;
for (const {file, written, shipped} of cases) {
  const result = await page.evaluate(
    ({written, shipped}) => {
      // Values holding var() (and custom properties) keep their tokens as written, so equal
      // spellings are made alike before comparing: 200ms = .2s, 0.5 = .5, no space after commas,
      // 'x' = "x", translateX(a) = translate(a), bold = 700.
      const canonical = (text) =>
        text
          .replace(/(\d*\.?\d+)ms\b/g, (_, n) => `${+n / 1000}s`)
          .replace(/(^|[^\d.])0(\.\d)/g, '$1$2')
          .replace(/,\s+/g, ',')
          .replace(/'([^'"]*)'/g, '"$1"')
          .replace(/translateX\(([^,)]*)\)/g, 'translate($1)')
          .replace(/\bbold\b/g, '700');
      const rules = (text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        return [...sheet.cssRules].map((rule) => canonical(rule.cssText));
      };
      if (written.length !== shipped.length) return {same: false, why: `${written.length} literals became ${shipped.length}`};
      for (let i = 0; i < written.length; i++) {
        const [a, b] = [rules(written[i]), rules(shipped[i])];
        if (a.length === 0) return {same: false, why: `literal ${i} has no rules`};
        const differs = a.findIndex((rule, k) => rule !== b[k]);
        if (differs >= 0 || a.length !== b.length) return {same: false, why: `rule ${differs}: ${a[differs]}  ≠  ${b[differs]}`};
      }
      return {same: true, bytes: [written.join('').length, shipped.join('').length]};
    },
    {written, shipped}
  );
  if (result.same) {
    passed++;
    console.log(`  ok   ${file}: same rules, ${result.bytes[0]} → ${result.bytes[1]} bytes`);
  } else {
    failed++;
    console.log(`  FAIL ${file}: ${result.why}`);
  }
}
await browser.close();
console.log(`css-literals: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
