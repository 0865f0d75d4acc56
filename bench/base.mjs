#!/usr/bin/env node
// What the shared base costs (issue 10): the same trivial element — the Lit floor's template and
// styles — once on LitElement and once on our MiElement base (its shared stylesheet, properties,
// provider link, reduced motion, announcer and bus set-up), each rendered ×1000 on a fresh page, interleaved, ≥ 7 times.
// The difference is what every mi- element pays before its own template and logic.
//
// Usage: cd bench && node base.mjs [--reps N]   (bundles ../src; no build needed)
import {build} from 'esbuild';
import {chromium} from 'playwright-core';

const reps = Math.max(7, Number(process.argv[process.argv.indexOf('--reps') + 1]) || 9);
const root = new URL('../', import.meta.url).pathname;

// Both classes in one bundle, resolved from the package root: one copy of Lit for both.
const entry = `
import {LitElement, html, css} from 'lit';
import {MiElement} from './src/base/mi-element.ts';
import {baseStyles} from './src/base/base.styles.ts';
const styles = css\`:host { display: block; }\`;
const render = (el) => html\`<span>\${el.value}</span>\`;
class LitFloor extends LitElement {
  static properties = {value: {type: Number}};
  static styles = styles;
  constructor() { super(); this.value = 0; }
  render() { return render(this); }
}
class BaseFloor extends MiElement {
  static properties = {value: {type: Number}};
  static styles = [baseStyles, styles];
  constructor() { super(); this.value = 0; }
  render() { return render(this); }
}
customElements.define('lit-floor', LitFloor);
customElements.define('base-floor', BaseFloor);
`;
const bundled = await build({
  stdin: {contents: entry, resolveDir: root, loader: 'js'},
  bundle: true,
  format: 'iife',
  minify: true,
  write: false,
  conditions: ['production'],
  tsconfig: `${root}tsconfig.json`,
  logLevel: 'warning',
});
const code = bundled.outputFiles[0].text;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'],
});
const tags = ['lit-floor', 'base-floor'];
const times = Object.fromEntries(tags.map((t) => [t, {update: [], painted: []}]));
for (let rep = 0; rep < reps; rep++) {
  for (const tag of tags) {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><body><div id=c></div></body>');
    await page.addScriptTag({content: code});
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30))));
    const [update, painted] = await page.evaluate(async (tag) => {
      const c = document.getElementById('c');
      const markup = Array.from({length: 1000}, (_, i) => `<${tag} value="${i}"></${tag}>`).join('');
      const t0 = performance.now();
      c.innerHTML = markup;
      await Promise.all([...c.children].map((e) => e.updateComplete));
      const t1 = performance.now();
      await new Promise((r) =>
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = r;
          ch.port2.postMessage(0);
        })
      );
      return [t1 - t0, performance.now() - t0];
    }, tag);
    times[tag].update.push(update);
    times[tag].painted.push(painted);
    await page.close();
  }
}
await browser.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const row = (metric) => {
  const [lit, base] = tags.map((t) => median(times[t][metric]));
  return `| render ×1000 to ${metric === 'update' ? 'updateComplete' : 'painted frame'} (ms) | ${lit.toFixed(1)} | ${base.toFixed(1)} | ${(base / lit).toFixed(2)}× |`;
};
console.log(`Trivial element ×1000 on a fresh page, median of ${reps}:\n`);
console.log('| figure | on LitElement | on MiElement | base / Lit |');
console.log('|---|---:|---:|---:|');
console.log(row('update'));
console.log(row('painted'));
