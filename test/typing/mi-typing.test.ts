import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {a11ySnapshot, emulateMedia, findAccessibilityNode} from '@web/test-runner-commands';
import '../../src/typing/define.js';
import '../../src/provider/define.js';
import type {MiTyping, PaceOptions} from '../../src/typing/mi-typing.js';
import {bus} from '../../src/core/bus.js';
import {configure, resetConfig} from '../../src/core/config.js';
import {clearAnnouncements} from '../../src/core/announcer.js';
import {book, booked} from '../../src/core/ticker.js';
import {captureConsole, frames, recordAnnouncements, resetWarnings, sleep, setForcedColors, systemColor} from '../helpers.js';

type AXNode = {role?: string; name?: string; children?: AXNode[]};

const label = (el: MiTyping) => el.shadowRoot!.querySelector('[part=label]')?.textContent ?? '';
const settle = async (el: MiTyping) => {
  await el.updateComplete;
  await el.updateComplete;
};
/** Every label the element shows from now on (sampled each frame and on each render). */
function watch(el: MiTyping) {
  const seen: string[] = [];
  let on = true;
  const sample = () => {
    const text = label(el);
    if (seen.at(-1) !== text) seen.push(text);
  };
  const observer = new MutationObserver(sample);
  observer.observe(el.shadowRoot!, {childList: true, subtree: true, characterData: true});
  const loop = () => {
    sample();
    if (on) requestAnimationFrame(loop);
  };
  loop();
  return {
    seen,
    stop() {
      on = false;
      observer.disconnect();
      sample();
    },
  };
}
let topicCount = 0;
const topic = () => `typing-test-${++topicCount}`;
const AVATAR = '/__test/typing/avatar.svg?letter=A';

const GERMAN = {
  'typing.one': '{name} schreibt…',
  'typing.two': '{names} schreiben…',
  'typing.many': '{count} Personen schreiben…',
  'typing.someone': 'Jemand schreibt…',
};

describe('<mi-typing>', () => {
  beforeEach(() => {
    clearAnnouncements();
    resetWarnings();
  });

  afterEach(async () => {
    resetConfig();
    bus.clear();
    await emulateMedia({reducedMotion: 'no-preference'});
  });

  describe('rendering', () => {
    it('renders nothing while nobody types, and "Ana is typing…" with dots once Ana does', async () => {
      const el = await fixture<MiTyping>(html`<mi-typing name="Ana" delay="0"></mi-typing>`);
      expect(el.shadowRoot!.querySelector('[part]')).to.equal(null);
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(el.matches(':state(typing)')).to.equal(false);
      el.active = true;
      await settle(el);
      expect(label(el)).to.equal('Ana is typing…');
      expect(el.shadowRoot!.querySelectorAll('[part=dot]')).to.have.length(3);
      expect(el.shadowRoot!.querySelector('[part=dots]')!.getAttribute('aria-hidden')).to.equal('true');
      expect(el.matches(':state(typing)')).to.equal(true);
      expect(el.variant).to.equal('dots');
      el.active = false;
      await waitUntil(() => label(el) === '', 'did not hide after linger', {timeout: 2000});
      expect(el.matches(':state(typing)')).to.equal(false);
    });

    it('without a name says "Someone is typing…"', async () => {
      const el = await fixture<MiTyping>(html`<mi-typing active delay="0"></mi-typing>`);
      await settle(el);
      expect(label(el)).to.equal('Someone is typing…');
    });

    it('bubble: a chat bubble at least as tall as a one-line message, with the text inside', async () => {
      const el = await fixture<MiTyping>(html`<mi-typing variant="bubble" name="Ana" active delay="0"></mi-typing>`);
      await settle(el);
      const bubble = el.shadowRoot!.querySelector<HTMLElement>('[part=bubble]')!;
      const style = getComputedStyle(bubble);
      const em = parseFloat(style.fontSize);
      expect(bubble.getBoundingClientRect().height).to.be.at.least(2.5 * em - 1);
      expect(style.backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
      expect(bubble.querySelector('[part=label]')!.textContent).to.equal('Ana is typing…');
      el.variant = 'dots';
      await el.updateComplete;
      expect(getComputedStyle(bubble).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    });

    it('shows the avatar as a decorative image; a bus sender may bring its own', async () => {
      const feed = topic();
      const el = await fixture<MiTyping>(html`<mi-typing avatar=${AVATAR} listen=${feed} delay="0"></mi-typing>`);
      bus.emit(feed, {name: 'Ben', active: true});
      await settle(el);
      let img = el.shadowRoot!.querySelector('img')!;
      expect(img.getAttribute('part')).to.equal('avatar');
      expect(img.getAttribute('alt')).to.equal('');
      expect(img.getAttribute('src')).to.equal(AVATAR);
      await waitUntil(() => img.complete && img.naturalWidth > 0, 'the avatar did not load');
      bus.emit(feed, {name: 'Ben', avatar: '/__test/typing/avatar.svg?letter=B'});
      await settle(el);
      img = el.shadowRoot!.querySelector('img')!;
      expect(img.getAttribute('src')).to.equal('/__test/typing/avatar.svg?letter=B');
    });
  });

  describe('aggregation', () => {
    const three = async (el: MiTyping, feed: string) => {
      const texts: string[] = [];
      for (const name of ['Ana', 'Ben', 'Cleo']) {
        bus.emit(feed, {name, active: true});
        await settle(el);
        texts.push(label(el));
      }
      return texts;
    };

    it('English: 1, 2 and 3+ senders', async () => {
      const feed = topic();
      const el = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="0"></mi-typing>`);
      expect(await three(el, feed)).to.deep.equal(['Ana is typing…', 'Ana and Ben are typing…', '3 people are typing…']);
      bus.emit(feed, {name: 'Dan'});
      await settle(el);
      expect(label(el)).to.equal('4 people are typing…');
    });

    it('German through configure({strings, lang}): Intl.ListFormat joins the names', async () => {
      configure({strings: GERMAN, lang: 'de'});
      const feed = topic();
      const el = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="0"></mi-typing>`);
      expect(await three(el, feed)).to.deep.equal(['Ana schreibt…', 'Ana und Ben schreiben…', '3 Personen schreiben…']);
    });

    it('German through <mi-provider lang strings>, and a running indicator follows a language change', async () => {
      const feed = topic();
      const provider = await fixture(html`<mi-provider lang="de" strings=${JSON.stringify(GERMAN)}><mi-typing listen=${feed} delay="0"></mi-typing></mi-provider>`);
      const el = provider.querySelector('mi-typing')!;
      bus.emit(feed, {name: 'Ana', active: true});
      bus.emit(feed, {name: 'Ben', active: true});
      await settle(el);
      expect(label(el)).to.equal('Ana und Ben schreiben…');
      provider.setAttribute('lang', 'en');
      provider.setAttribute('strings', '{}');
      await waitUntil(() => label(el) === 'Ana and Ben are typing…', `still "${label(el)}"`);
    });

    it('plural categories beyond "other" (Polish: 3 osoby, 5 osób) via typing.many.few / .many', async () => {
      configure({lang: 'pl', strings: {'typing.many.few': '{count} osoby piszą…', 'typing.many.many': '{count} osób pisze…'}});
      const feed = topic();
      const el = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="0"></mi-typing>`);
      for (const name of ['A', 'B', 'C']) bus.emit(feed, {name, active: true});
      await settle(el);
      expect(label(el)).to.equal('3 osoby piszą…');
      for (const name of ['D', 'E']) bus.emit(feed, {name, active: true});
      await settle(el);
      expect(label(el)).to.equal('5 osób pisze…');
    });

    it('its own `strings` attribute wins over <mi-provider strings> and configure(), key by key', async () => {
      configure({strings: {'typing.one': 'page: {name}', 'typing.two': 'page: {names}'}});
      const feed = topic();
      const own = {'typing.one': '{name} tippt…', 'typing.many': '{count} tippen…', 'typing.someone': 'Jemand tippt…'};
      const provider = await fixture(
        html`<mi-provider lang="de" strings=${JSON.stringify({'typing.one': 'provider: {name}', 'typing.many': 'provider: {count}'})}
          ><mi-typing listen=${feed} delay="0" linger="0" strings=${JSON.stringify(own)}></mi-typing
        ></mi-provider>`
      );
      const el = provider.querySelector('mi-typing')!;
      const seen: string[] = [];
      for (const detail of [{name: 'Ana', active: true}, {name: 'Ben', active: true}, {name: 'Cleo', active: true}]) {
        bus.emit(feed, detail);
        await settle(el);
        seen.push(label(el));
      }
      // The key it does not override (`typing.two`) comes from the page, the provider having none.
      expect(seen).to.deep.equal(['Ana tippt…', 'page: Ana und Ben', '3 tippen…']);
      for (const name of ['Ana', 'Ben', 'Cleo']) bus.emit(feed, {name, active: false});
      bus.emit(feed, {active: true});
      await settle(el);
      expect(label(el)).to.equal('Jemand tippt…');
      // Changed at run time (property or attribute), the text follows at once.
      el.setAttribute('strings', JSON.stringify({'typing.someone': 'Quelqu’un écrit…'}));
      await settle(el);
      expect(label(el)).to.equal('Quelqu’un écrit…');
      await expect(el).to.be.accessible();
    });

    it('counts a name once, each unnamed sender as someone else, and its own `active` too', async () => {
      const feed = topic();
      const el = await fixture<MiTyping>(html`<mi-typing listen=${feed} name="Ana" active delay="0"></mi-typing>`);
      bus.emit(feed, {name: 'Ana', id: 'tab-2', active: true});
      await settle(el);
      expect(label(el)).to.equal('Ana is typing…');
      bus.emit(feed, {active: true});
      await settle(el);
      expect(label(el)).to.equal('2 people are typing…');
    });
  });

  describe('timing', () => {
    it('delay: a one-keystroke burst shows nothing; steady typing shows after the delay', async () => {
      const feed = topic();
      const el = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="150"></mi-typing>`);
      const log = watch(el);
      bus.emit(feed, {name: 'Ana', active: true});
      await sleep(40);
      bus.emit(feed, {name: 'Ana', active: false});
      await sleep(300);
      expect(log.seen, 'the short burst').to.deep.equal(['']);
      const start = performance.now();
      bus.emit(feed, {name: 'Ana', active: true});
      await waitUntil(() => label(el) !== '', 'never showed', {timeout: 2000, interval: 5});
      log.stop();
      expect(performance.now() - start).to.be.at.least(145);
      expect(log.seen).to.deep.equal(['', 'Ana is typing…']);
    });

    it('linger: a brief pause does not flicker; a real stop hides after the linger', async () => {
      const feed = topic();
      const el = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="0" linger="250"></mi-typing>`);
      bus.emit(feed, {name: 'Ana', active: true});
      await settle(el);
      const log = watch(el);
      for (let i = 0; i < 3; i++) {
        bus.emit(feed, {name: 'Ana', active: false});
        await sleep(80);
        bus.emit(feed, {name: 'Ana', active: true});
        await sleep(30);
      }
      expect(log.seen, 'pauses shorter than linger').to.deep.equal(['Ana is typing…']);
      const stopped = performance.now();
      bus.emit(feed, {name: 'Ana', active: false});
      await waitUntil(() => label(el) === '', 'did not hide', {timeout: 2000, interval: 5});
      log.stop();
      expect(performance.now() - stopped).to.be.within(240, 700);
      expect(log.seen).to.deep.equal(['Ana is typing…', '']);
    });

    it('linger="0" hides at once', async () => {
      const el = await fixture<MiTyping>(html`<mi-typing name="Ana" active delay="0" linger="0"></mi-typing>`);
      await settle(el);
      el.active = false;
      await settle(el);
      expect(label(el)).to.equal('');
    });

    it('timeout: a sender that stops refreshing is dropped; one that refreshes stays', async () => {
      const feed = topic();
      const el = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="0" timeout="250"></mi-typing>`);
      bus.emit(feed, {name: 'Ana', active: true});
      bus.emit(feed, {name: 'Ben', active: true});
      await settle(el);
      expect(label(el)).to.equal('Ana and Ben are typing…');
      // Ben keeps refreshing (a payload without `active` is a refresh); Ana went silent.
      const refresh = setInterval(() => bus.emit(feed, {name: 'Ben'}), 60);
      try {
        await waitUntil(() => label(el) === 'Ben is typing…', 'Ana was not dropped', {timeout: 2000, interval: 5});
        await sleep(400);
        expect(label(el), 'Ben still refreshing').to.equal('Ben is typing…');
      } finally {
        clearInterval(refresh);
      }
      await waitUntil(() => label(el) === '', 'Ben was not dropped', {timeout: 2000});
    });

    it('timeout also ends the element’s own `active`, and setting it again refreshes it', async () => {
      const el = await fixture<MiTyping>(html`<mi-typing name="Ana" delay="0" timeout="200"></mi-typing>`);
      el.active = true;
      await settle(el);
      for (let i = 0; i < 4; i++) {
        await sleep(100);
        el.active = true; // same value: still a refresh
      }
      await settle(el);
      expect(label(el)).to.equal('Ana is typing…');
      await waitUntil(() => label(el) === '', 'stale indicator stayed', {timeout: 2000});
    });
  });

  describe('pace()', () => {
    const timed = async (el: MiTyping, text: string) => {
      const start = performance.now();
      await el.pace(text, {wpm: 1200, min: 60, max: 300}); // 10 ms per character
      return performance.now() - start;
    };

    it('shows typing at once for a time that grows with the text and stays within [min, max]', async () => {
      const el = await fixture<MiTyping>(html`<mi-typing name="Assistant"></mi-typing>`);
      const shown = el.pace('Hello there, how can I help?', {min: 100, max: 200});
      await settle(el);
      expect(label(el), 'no delay for a paced reply').to.equal('Assistant is typing…');
      await shown;
      await settle(el);
      expect(label(el), 'no linger after it').to.equal('');

      const short = await timed(el, 'Hi');
      const medium = await timed(el, 'x'.repeat(16));
      const long = await timed(el, 'x'.repeat(2000));
      expect(short, 'short: the minimum').to.be.within(55, 150);
      expect(medium, 'medium: 160 ms from its length').to.be.within(150, 260);
      expect(long, 'long: the maximum').to.be.within(290, 420);
      expect(short).to.be.below(medium);
      expect(medium).to.be.below(long);
    });

    it('uses human defaults: a short line shows for the 0.6 s minimum', async () => {
      const el = await fixture<MiTyping>(html`<mi-typing></mi-typing>`);
      const start = performance.now();
      await el.pace('OK');
      expect(performance.now() - start).to.be.within(590, 900);
    });

    it('is cancelled by its AbortSignal: rejects with AbortError and hides at once', async () => {
      const el = await fixture<MiTyping>(html`<mi-typing name="Bot"></mi-typing>`);
      const controller = new AbortController();
      const paced = el.pace('A long considered answer', {min: 2000, signal: controller.signal});
      await settle(el);
      expect(label(el)).to.equal('Bot is typing…');
      const start = performance.now();
      setTimeout(() => controller.abort(), 30);
      const error = await paced.then(
        () => null,
        (e: unknown) => e
      );
      expect((error as DOMException).name).to.equal('AbortError');
      expect(performance.now() - start).to.be.below(500);
      await settle(el);
      expect(label(el)).to.equal('');
      // An already-aborted signal rejects without showing anything.
      const again = await el.pace('x', {signal: controller.signal}).catch((e: unknown) => e);
      expect((again as DOMException).name).to.equal('AbortError');
      await settle(el);
      expect(label(el)).to.equal('');
      expect(booked()).to.equal(0);
    });

    it('disconnecting rejects a running pace with AbortError', async () => {
      const el = await fixture<MiTyping>(html`<mi-typing></mi-typing>`);
      const paced = el.pace('Still typing', {min: 5000});
      el.remove();
      const error = await paced.catch((e: unknown) => e);
      expect((error as DOMException).name).to.equal('AbortError');
      expect(booked()).to.equal(0);
    });
  });

  describe('accessibility', () => {
    it('is accessible idle, typing (dots), typing (bubble + avatar), with three senders and a paced reply', async () => {
      const feed = topic();
      const el = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="0"></mi-typing>`);
      await expect(el).to.be.accessible();
      bus.emit(feed, {name: 'Ana', active: true});
      await settle(el);
      await expect(el).to.be.accessible();
      el.variant = 'bubble';
      el.avatar = AVATAR;
      await settle(el);
      expect(el.shadowRoot!.querySelector('img')).to.not.equal(null);
      await expect(el).to.be.accessible();
      bus.emit(feed, {name: 'Ben', active: true});
      bus.emit(feed, {name: 'Cleo', active: true});
      await settle(el);
      await expect(el).to.be.accessible();
      const paced = el.pace('Hi', {min: 50, max: 50});
      await expect(el).to.be.accessible();
      await paced;
    });

    it('puts the text in the accessibility tree, not the dots, and ignores the avatar [chromium]', async () => {
      const el = await fixture<MiTyping>(html`<mi-typing id="ax" name="Ana" active delay="0" avatar=${AVATAR}></mi-typing>`);
      await settle(el);
      const snapshot = (await a11ySnapshot({selector: '#ax'})) as unknown as AXNode;
      const text = findAccessibilityNode(snapshot as never, (n: AXNode) => n.name === 'Ana is typing…');
      expect(text, JSON.stringify(snapshot)).to.not.equal(null);
      const names: string[] = [];
      const walk = (n: AXNode) => {
        if (n.name) names.push(n.name);
        if (n.role === 'img' || n.role === 'image') names.push(`img:${n.name}`);
        n.children?.forEach(walk);
      };
      walk(snapshot);
      expect(names.filter((n) => n !== 'Ana is typing…'), 'nothing else is exposed').to.deep.equal([]);
    });

    it('is not a live region itself (the page announcer speaks)', async () => {
      const el = await fixture<MiTyping>(html`<mi-typing active delay="0"></mi-typing>`);
      await settle(el);
      const all = [el, ...el.shadowRoot!.querySelectorAll('*')];
      expect(all.filter((n) => n.hasAttribute('aria-live') || /^(status|alert|log)$/.test(n.getAttribute('role') ?? ''))).to.deep.equal([]);
    });
  });

  describe('announcements', () => {
    it('exactly one polite announcement per burst across 20 refreshes; stopping is silent', async () => {
      const feed = topic();
      const el = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="30" linger="100"></mi-typing>`);
      const log = recordAnnouncements();
      for (let i = 0; i < 20; i++) {
        bus.emit(feed, {name: 'Ana', active: true});
        await sleep(15);
      }
      bus.emit(feed, {name: 'Ana', active: false});
      await waitUntil(() => label(el) === '', 'did not stop');
      await sleep(450);
      expect(log.messages.map((m) => [m.message, m.politeness])).to.deep.equal([['Ana is typing…', 'polite']]);
      // A new burst is news again.
      bus.emit(feed, {name: 'Ana', active: true});
      await waitUntil(() => log.messages.length === 2, 'second burst not announced', {timeout: 2000});
      await sleep(300);
      log.stop();
      expect(log.texts()).to.deep.equal(['Ana is typing…', 'Ana is typing…']);
    });

    it('the element’s own `active` refreshed 20 times is announced once', async () => {
      const el = await fixture<MiTyping>(html`<mi-typing name="Ben" delay="0"></mi-typing>`);
      const log = recordAnnouncements();
      for (let i = 0; i < 20; i++) {
        el.active = true;
        await el.updateComplete;
      }
      await sleep(450);
      log.stop();
      expect(log.texts()).to.deep.equal(['Ben is typing…']);
    });

    it('someone joining is announced with the new text; someone leaving is not', async () => {
      const feed = topic();
      await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="0" linger="0"></mi-typing>`);
      const log = recordAnnouncements();
      bus.emit(feed, {name: 'Ana', active: true});
      await sleep(200);
      bus.emit(feed, {name: 'Ben', active: true});
      await sleep(250);
      bus.emit(feed, {name: 'Ana', active: false});
      await sleep(400);
      log.stop();
      expect(log.texts()).to.deep.equal(['Ana is typing…', 'Ana and Ben are typing…']);
    });

    it('a short burst suppressed by delay is not announced', async () => {
      const feed = topic();
      await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="200"></mi-typing>`);
      const log = recordAnnouncements();
      bus.emit(feed, {name: 'Ana', active: true});
      await sleep(50);
      bus.emit(feed, {name: 'Ana', active: false});
      await sleep(500);
      log.stop();
      expect(log.texts()).to.deep.equal([]);
    });

    it('announce="off" is silent but still shows the text', async () => {
      const el = await fixture<MiTyping>(html`<mi-typing announce="off" name="Ana" active delay="0"></mi-typing>`);
      const log = recordAnnouncements();
      await settle(el);
      await sleep(400);
      log.stop();
      expect(label(el)).to.equal('Ana is typing…');
      expect(log.texts()).to.deep.equal([]);
    });
  });

  describe('triggers & bus', () => {
    it('an element connected after the message still shows it (the bus keeps the last one)', async () => {
      const feed = topic();
      bus.emit(feed, {name: 'Ana', active: true});
      const el = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="0"></mi-typing>`);
      await settle(el);
      expect(label(el)).to.equal('Ana is typing…');
    });

    it('a brand-new element still shows a fresh last message, even after another element applied it', async () => {
      const feed = topic();
      bus.emit(feed, {name: 'Ana', active: true});
      const first = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="0"></mi-typing>`);
      await settle(first);
      const log = recordAnnouncements();
      const second = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="0"></mi-typing>`);
      await settle(second);
      expect([label(first), label(second)]).to.deep.equal(['Ana is typing…', 'Ana is typing…']);
      await waitUntil(() => log.texts().length === 1, 'the new element did not announce');
      log.stop();
    });

    it('a message older than `timeout` is stale: an element connected after it shows and says nothing', async () => {
      const feed = topic();
      bus.emit(feed, {name: 'Ana', active: true});
      await sleep(400);
      const log = recordAnnouncements();
      const el = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="0" timeout="250"></mi-typing>`);
      const shown = watch(el);
      await sleep(400);
      shown.stop();
      log.stop();
      expect(shown.seen).to.deep.equal(['']);
      expect(log.texts()).to.deep.equal([]);
      expect(booked(), 'no timer for a stale sender').to.equal(0);
      // The stale message does not block news: Ana typing again shows.
      bus.emit(feed, {name: 'Ana', active: true});
      await settle(el);
      expect(label(el)).to.equal('Ana is typing…');
    });

    it('moved in the DOM mid-burst and after it: announced once, and the old message neither refreshes nor revives Ana', async () => {
      const feed = topic();
      const wrap = await fixture<HTMLDivElement>(html`<div><p></p><p><mi-typing listen=${feed} delay="0" timeout="300"></mi-typing></p></div>`);
      const el = wrap.querySelector('mi-typing')!;
      const [a, b] = wrap.querySelectorAll('p');
      const log = recordAnnouncements();
      bus.emit(feed, {name: 'Ana', active: true});
      await settle(el);
      expect(label(el)).to.equal('Ana is typing…');
      // A framework re-rendering every 60 ms moves it back and forth; before the fix, each move
      // re-applied the last message as a refresh and Ana never timed out.
      let moves = 0;
      const mover = setInterval(() => (++moves % 2 ? a : b).append(el), 60);
      try {
        await waitUntil(() => label(el) === '', 'moving kept a stale sender alive', {timeout: 3000});
        await sleep(300);
        expect(label(el), 'moving after the timeout brings Ana back').to.equal('');
      } finally {
        clearInterval(mover);
      }
      expect(moves, 'it was moved while Ana showed').to.be.greaterThan(2);
      el.remove();
      b.append(el);
      await settle(el);
      await sleep(200);
      log.stop();
      expect(label(el)).to.equal('');
      expect(log.texts()).to.deep.equal(['Ana is typing…']);
    });

    it('what was sent while it was away is applied on reconnect: a stop ends Ana, a newcomer shows', async () => {
      const feed = topic();
      const el = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="0" linger="0"></mi-typing>`);
      bus.emit(feed, {id: 1, name: 'Ana', active: true});
      await settle(el);
      const parent = el.parentElement!;
      el.remove();
      bus.emit(feed, {id: 1, name: 'Ana', active: false});
      parent.append(el);
      await settle(el);
      expect(label(el)).to.equal('');
      el.remove();
      bus.emit(feed, {id: 2, name: 'Ben', active: true});
      parent.append(el);
      await settle(el);
      expect(label(el)).to.equal('Ben is typing…');
    });

    it('listens to several topics, keys senders by id when given, and drops one on {active: false}', async () => {
      const [a, b] = [topic(), topic()];
      const el = await fixture<MiTyping>(html`<mi-typing listen="${a} ${b}" delay="0" linger="0"></mi-typing>`);
      bus.emit(a, {id: 1, name: 'Ana', active: true});
      bus.emit(b, {id: 2, name: 'Ben', active: true});
      await settle(el);
      expect(label(el)).to.equal('Ana and Ben are typing…');
      bus.emit(b, {id: 1, name: 'Ana', active: false});
      await settle(el);
      expect(label(el)).to.equal('Ben is typing…');
    });

    it('accepts the CMS path: document.dispatchEvent(new CustomEvent("mi:emit"))', async () => {
      const feed = topic();
      const el = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="0"></mi-typing>`);
      document.dispatchEvent(new CustomEvent('mi:emit', {detail: {topic: feed, detail: {name: 'Cleo', active: true}}}));
      await settle(el);
      expect(label(el)).to.equal('Cleo is typing…');
    });
  });

  describe('reduced motion', () => {
    const transforms = (el: MiTyping) =>
      el.shadowRoot!.getAnimations().filter((a) =>
        ((a.effect as KeyframeEffect | null)?.getKeyframes() ?? []).some((k) => 'transform' in k && k.transform !== 'none')
      );

    it('bounces with full motion (the check below can fail)', async () => {
      const el = await fixture<MiTyping>(html`<mi-typing active delay="0"></mi-typing>`);
      await settle(el);
      await frames();
      expect(transforms(el).length).to.equal(3);
    });

    for (const how of ['prefers-reduced-motion', 'motion="reduce"', 'configure({motion: "reduce"})']) {
      it(`${how}: no transform animations, a slow fade instead, the text still visible`, async () => {
        if (how === 'prefers-reduced-motion') await emulateMedia({reducedMotion: 'reduce'});
        if (how.startsWith('configure')) configure({motion: 'reduce'});
        const el = await fixture<MiTyping>(html`<mi-typing name="Ana" active delay="0" motion=${how === 'motion="reduce"' ? 'reduce' : 'auto'}></mi-typing>`);
        await settle(el);
        await frames();
        expect(el.matches(':state(reduced-motion)')).to.equal(true);
        expect(transforms(el)).to.deep.equal([]);
        const dot = el.shadowRoot!.querySelector('[part=dot]')!;
        const style = getComputedStyle(dot);
        expect(style.animationName).to.equal('fade');
        expect(parseFloat(style.animationDuration)).to.be.at.least(1);
        const text = el.shadowRoot!.querySelector('[part=label]')!;
        expect(text.textContent).to.equal('Ana is typing…');
        expect(text.getBoundingClientRect().width).to.be.greaterThan(20);
        expect(getComputedStyle(text).opacity).to.equal('1');
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('forced colors', () => {
    afterEach(() => setForcedColors(false));

    it('dots, text and the bubble’s border use the system text colour, even under a page theme [chromium]', async () => {
      await setForcedColors(true);
      const [canvasText, canvas] = [systemColor('CanvasText'), systemColor('Canvas')];
      expect(canvasText).to.not.equal(canvas);
      const el = await fixture<MiTyping>(html`<mi-typing variant="bubble" name="Ana" active delay="0"></mi-typing>`);
      el.style.setProperty('--mi-text', 'rgb(200, 30, 30)');
      await settle(el);
      const style = (part: string) => getComputedStyle(el.shadowRoot!.querySelector(`[part=${part}]`)!);
      expect(style('dot').borderTopColor, 'dots (drawn as round borders)').to.equal(canvasText);
      expect(style('label').color, 'text').to.equal(canvasText);
      expect(style('bubble').borderTopColor, 'bubble border').to.equal(canvasText);
      expect(style('bubble').borderTopWidth).to.equal('1px');
      await expect(el).to.be.accessible();
    });
  });

  describe('bad input', () => {
    it('markup and 1 MB names render as short text, never as elements', async () => {
      const feed = topic();
      const el = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="0"></mi-typing>`);
      const markup = '<img src=x onerror="window.__typingHit=1">';
      bus.emit(feed, {name: markup, active: true});
      await settle(el);
      expect(label(el)).to.equal(`${markup} is typing…`);
      expect(el.shadowRoot!.querySelectorAll('img')).to.have.length(0);
      const huge = await fixture<MiTyping>(html`<mi-typing name=${'x'.repeat(1_000_000)} active delay="0"></mi-typing>`);
      await settle(huge);
      expect(label(huge).length).to.be.below(150);
      expect(label(huge)).to.match(/^x{100}… is typing…$/);
      bus.emit(feed, {name: 'y'.repeat(1_000_000), active: true});
      await settle(el);
      expect(label(el)).to.have.length.below(300);
      expect(label(el)).to.contain(' and yyyy');
      await sleep(50);
      expect((window as unknown as {__typingHit?: number}).__typingHit).to.equal(undefined);
    });

    it('junk payloads are ignored with one warning each kind; a missing `active` is a refresh; no throw, no pollution', async () => {
      const feed = topic();
      const el = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="0"></mi-typing>`);
      const {warns} = await captureConsole(async () => {
        for (const junk of [null, 'typing', 42, [], {active: 'maybe'}, {active: null}]) bus.emit(feed, junk);
        bus.emit(feed, JSON.parse('{"__proto__": {"polluted": 1}, "name": "Ana"}'));
        bus.emit(feed, {name: {toString: () => 'Eve'}, active: true});
        await settle(el);
      });
      expect(warns, JSON.stringify(warns)).to.have.length(1);
      expect(String(warns[0][0])).to.contain('<mi-typing> ignored message');
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(label(el), 'Ana without `active` types; a non-text name is nameless').to.equal('2 people are typing…');
    });

    it('junk delay / linger / timeout / variant fall back to defaults with one warning each', async () => {
      const {result: el, warns} = await captureConsole(async () => {
        const typing = await fixture<MiTyping>(html`<mi-typing delay="abc" linger="-5" timeout="soon" variant="marquee" name="Ana" active></mi-typing>`);
        await settle(typing);
        typing.active = true;
        await settle(typing);
        return typing;
      });
      // "used 400 for delay=…" (durations, the shared wording) and "ignored variant …".
      expect(warns.map((w) => /(?:ignored|used \d+ for) (\w+)/.exec(String(w[0]))?.[1])).to.have.members(['delay', 'linger', 'timeout', 'variant']);
      expect(label(el), 'default delay of 400 ms still running').to.equal('');
      await waitUntil(() => label(el) === 'Ana is typing…', 'the default delay did not apply', {timeout: 2000});
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part=bubble]')!).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    });

    it('refuses avatars that are not http(s) or relative, with one warning', async () => {
      const {result: el, warns} = await captureConsole(async () => {
        const typing = await fixture<MiTyping>(html`<mi-typing avatar="javascript:alert(1)" active delay="0"></mi-typing>`);
        await settle(typing);
        for (const url of ['data:image/svg+xml,<svg/>', ' JaVaScRiPt:alert(1)', 'x'.repeat(5000)]) {
          typing.avatar = url;
          await settle(typing);
          expect(typing.shadowRoot!.querySelector('img'), url.slice(0, 30)).to.equal(null);
        }
        typing.avatar = `${location.origin}${AVATAR}`;
        await settle(typing);
        return typing;
      });
      expect(warns).to.have.length(1);
      expect(el.shadowRoot!.querySelector('img')!.getAttribute('src')).to.equal(`${location.origin}${AVATAR}`);
      el.avatar = '';
      await settle(el);
    });

    it('junk pace() input: non-text and bad options fall back to defaults with warnings, and still resolve', async () => {
      const el = await fixture<MiTyping>(html`<mi-typing></mi-typing>`);
      const {warns} = await captureConsole(async () => {
        await Promise.all([
          el.pace(undefined as unknown as string, {min: 20, max: 30}),
          el.pace({} as unknown as string, {min: NaN, max: -1, wpm: 'fast' as unknown as number}),
          el.pace('', null as unknown as PaceOptions),
        ]);
      });
      expect(warns.map((w) => String(w[0]))).to.have.length(3);
    });
  });

  describe('cleanup', () => {
    it('disconnect clears the timer and the bus subscription', async () => {
      const feed = topic();
      const el = await fixture<MiTyping>(html`<mi-typing listen=${feed} delay="0" timeout="5000"></mi-typing>`);
      bus.emit(feed, {name: 'Ana', active: true});
      await settle(el);
      expect(booked(), 'a timeout is pending').to.equal(1);
      el.remove();
      expect(booked(), 'no timer after disconnect').to.equal(0);
      bus.emit(feed, {name: 'Ben', active: true});
      await settle(el);
      expect(label(el), 'a removed element ignores the bus').to.not.contain('Ben');
      expect(booked()).to.equal(0);
    });

    it('reconnecting picks the state up again', async () => {
      const el = await fixture<MiTyping>(html`<mi-typing name="Ana" active delay="0"></mi-typing>`);
      await settle(el);
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await settle(el);
      expect(label(el)).to.equal('Ana is typing…');
      expect(booked()).to.equal(1);
    });
  });

  describe('one shared timer', () => {
    /**
     * Counts live setTimeout / setInterval timers (not yet fired or cleared) that code under
     * src/typing/ created while `fn` runs; the test's own waiting is not counted.
     */
    async function census(fn: (live: () => number) => Promise<void>) {
      const live = new Set<number>();
      // Timers set by the element or by the shared ticker it books (core/ticker).
      const ours = () => /\/src\/(typing\/|core\/ticker)/.test(new Error().stack ?? '');
      const {setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci} = window;
      window.setTimeout = ((handler: () => void, ms?: number) => {
        const id = st(() => {
          live.delete(id);
          handler();
        }, ms);
        if (ours()) live.add(id);
        return id;
      }) as typeof setTimeout;
      window.clearTimeout = ((id: number) => {
        live.delete(id);
        ct(id);
      }) as typeof clearTimeout;
      window.setInterval = ((handler: () => void, ms?: number) => {
        const id = si(handler, ms);
        if (ours()) live.add(id);
        return id;
      }) as typeof setInterval;
      window.clearInterval = ((id: number) => {
        live.delete(id);
        ci(id);
      }) as typeof clearInterval;
      try {
        await fn(() => live.size);
      } finally {
        Object.assign(window, {setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci});
      }
    }

    it('the shared timer wakes for the earliest booking, follows re-bookings and cancellations', async () => {
      const ran: string[] = [];
      const a = () => ran.push('a');
      const b = () => ran.push('b');
      const c = () => ran.push('c');
      const t0 = performance.now();
      book(a, t0 + 400);
      book(b, t0 + 80);
      book(c, t0 + 250);
      book(b, t0 + 150); // the earliest moves later: nothing may run at 80 ms
      await sleep(110);
      expect(ran, 'at 110 ms').to.deep.equal([]);
      await waitUntil(() => ran.length === 1, 'b did not run', {timeout: 2000});
      expect(ran).to.deep.equal(['b']);
      book(c); // cancelled
      await waitUntil(() => ran.length === 2, 'a did not run', {timeout: 2000});
      expect(ran).to.deep.equal(['b', 'a']);
      expect(performance.now() - t0).to.be.at.least(395);
      expect(booked()).to.equal(0);
    });

    it('200 typing indicators share one timer; 1000 idle ones use none', async () => {
      const feed = topic();
      await census(async (live) => {
        const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
        const many = Array.from({length: 200}, () => Object.assign(document.createElement('mi-typing'), {announce: 'off', listen: feed, delay: 30}));
        wrap.append(...many);
        bus.emit(feed, {name: 'Ana', active: true});
        await Promise.all(many.map(settle));
        expect(live(), 'while waiting for the delay: exactly the one shared timer').to.equal(1);
        await waitUntil(() => many.every((el) => label(el) === 'Ana is typing…'), 'not all shown', {timeout: 3000});
        expect(live(), 'while showing (timeouts pending)').to.equal(1);
        expect(booked()).to.equal(200);
        wrap.replaceChildren();
        expect(live()).to.equal(0);
        expect(booked()).to.equal(0);

        const idle = Array.from({length: 1000}, () => document.createElement('mi-typing'));
        wrap.append(...idle);
        await Promise.all(idle.map((el) => el.updateComplete));
        await sleep(50);
        expect(live(), '1000 idle indicators').to.equal(0);
        expect(booked()).to.equal(0);
        wrap.replaceChildren();
      });
    });
  });
});
