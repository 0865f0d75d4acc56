// The system's own reduced-motion preference (the media query itself, not configure()): every
// element in every state of the matrix must follow it. Chromium emulates the preference over
// CDP; Firefox runs this file in a browser of its own launched with the `ui.prefersReducedMotion`
// pref (group "system-motion" in web-test-runner.firefox.config.mjs).
import {expect} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import '../../src/define.js';
import {bus} from '../../src/core/bus.js';
import {clearAnnouncements} from '../../src/core/announcer.js';
import {available} from './matrix.js';
import {isChromium} from '../helpers.js';

const QUERY = '(prefers-reduced-motion: reduce)';
const MOVES = /transform|translate|scale|rotate|offset|left|top|right|bottom|width|height|margin|inset/;

/** Text of a node and of every shadow root below it (a toaster's layer has a root of its own). */
function deepText(root: ParentNode): string {
  let text = root.textContent ?? '';
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) text += deepText(el.shadowRoot);
  return text;
}

describe('system prefers reduced motion', function () {
  this.timeout(60_000);
  const stage = document.body.appendChild(document.createElement('main'));

  before(async () => {
    if (!isChromium()) return; // Firefox: set by the browser pref
    await emulateMedia({reducedMotion: 'reduce'});
    const query = matchMedia(QUERY);
    if (!query.matches) await new Promise((r) => query.addEventListener('change', r, {once: true}));
  });

  after(async () => {
    stage.remove();
    bus.clear();
    clearAnnouncements();
    if (isChromium()) await emulateMedia({reducedMotion: 'no-preference'});
  });

  it('the browser reports the preference', () => {
    expect(matchMedia(QUERY).matches).to.equal(true);
  });

  it('every element in every state is in :state(reduced-motion), runs no moving animation, and still shows its content', async () => {
    const problems: string[] = [];
    const entries = available();
    let checked = 0;
    for (const entry of entries) {
      const el = entry.create() as HTMLElement & {updateComplete?: Promise<unknown>};
      stage.append(el);
      await el.updateComplete;
      await entry.settle?.(el);
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const ours = [el, ...el.querySelectorAll('*')].filter((n) => n.localName.startsWith('mi-') && n.localName !== 'mi-provider');
      for (const node of ours) {
        checked++;
        if (!node.matches(':state(reduced-motion)')) problems.push(`${entry.tag}:${entry.state} <${node.localName}> not in :state(reduced-motion)`);
        const text = deepText(node.shadowRoot ?? node) + node.textContent;
        // States that show nothing by design (an idle indicator, an empty toaster) are left out.
        if (!text.trim() && !/idle|empty/.test(entry.state)) problems.push(`${entry.tag}:${entry.state} <${node.localName}> shows no text`);
      }
      for (const animation of document.getAnimations()) {
        const effect = animation.effect as KeyframeEffect | null;
        if (!effect || animation.playState !== 'running') continue;
        const frames = effect.getKeyframes();
        const moving = Object.keys(frames[0] ?? {}).filter((p) => MOVES.test(p) && new Set(frames.map((f) => String(f[p]))).size > 1);
        if (moving.length) {
          const name = (animation as CSSAnimation).animationName ?? (animation as CSSTransition).transitionProperty ?? 'script';
          problems.push(`${entry.tag}:${entry.state} moving animation ${name} (${moving.join(', ')})`);
        }
      }
      el.remove();
    }
    expect(checked, 'elements checked').to.be.at.least(entries.length - 1);
    expect(problems, `${entries.length} states`).to.deep.equal([]);
  });
});
