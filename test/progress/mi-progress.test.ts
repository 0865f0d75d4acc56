import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {a11ySnapshot, emulateMedia, findAccessibilityNode} from '@web/test-runner-commands';
import '../../src/progress/define.js';
import type {MiProgress} from '../../src/progress/mi-progress.js';
import {forgetDurations, rememberDuration, typicalDuration} from '../../src/progress/durations.js';
import {clearAnnouncements} from '../../src/core/announcer.js';
import {getBus} from '../../src/core/bus.js';
import {configure, resetConfig} from '../../src/core/config.js';
import {MiCompleteEvent, MiErrorEvent} from '../../src/events.js';
import {breakStorage, captureConsole, frames, recordAnnouncements, resetWarnings, sleep, type AnnouncementLog} from '../helpers.js';

type AXNode = {role?: string; name?: string; value?: number; valuemin?: number; valuemax?: number; busy?: boolean; children?: AXNode[]};

const base = (el: MiProgress) => el.shadowRoot!.querySelector<HTMLElement>('[role=progressbar]')!;
const part = (el: MiProgress, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`)!;
const statusText = (el: MiProgress) => part(el, 'status').textContent!.trim();
const attr = (el: MiProgress, name: string) => base(el).getAttribute(name);
/** What the screen reader gets for the element's progressbar (Chromium's accessibility tree). */
async function axNode(el: MiProgress): Promise<AXNode> {
  el.id ||= `p${Math.random().toString(36).slice(2)}`;
  const snapshot = (await a11ySnapshot({selector: `#${el.id}`})) as unknown as AXNode;
  return findAccessibilityNode(snapshot as never, (n: AXNode) => n.role === 'progressbar') as unknown as AXNode;
}
/** Waits until the announcer has written `count` messages, then a little longer for strays. */
async function settled(log: AnnouncementLog, count: number) {
  await waitUntil(() => log.messages.length >= count, `expected ${count} announcements, got ${JSON.stringify(log.texts())}`, {timeout: 4000});
  await sleep(350);
  log.stop();
  return log.texts();
}
const listening = () => {
  clearAnnouncements();
  return recordAnnouncements();
};

describe('<mi-progress>', () => {
  afterEach(async () => {
    resetConfig();
    clearAnnouncements();
    await emulateMedia({reducedMotion: 'no-preference'});
  });

  describe('rendering', () => {
    it('is an indeterminate bar by default, with the label shown as text', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Uploading photo.jpg"></mi-progress>`);
      expect(el.variant).to.equal('bar');
      expect(el.getAttribute('state')).to.equal('active');
      expect(part(el, 'label').textContent).to.contain('Uploading photo.jpg');
      expect(base(el).classList.contains('indeterminate')).to.equal(true);
      expect(part(el, 'track')).to.exist;
      expect(part(el, 'indicator')).to.exist;
    });

    it('fills the bar to the value and shows the percentage', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Upload" value="40"></mi-progress>`);
      await frames();
      expect(getComputedStyle(part(el, 'indicator')).transform).to.equal('matrix(0.4, 0, 0, 1, 0, 0)');
      expect(statusText(el)).to.equal('40%');
      el.max = 200;
      await el.updateComplete;
      expect(statusText(el)).to.equal('20%');
    });

    it('formats the percentage in the page language', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress lang="de" value="40"></mi-progress>`);
      expect(statusText(el)).to.equal('40\u00a0%');
    });

    it('draws a ring: a round track filled by a conic gradient', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress variant="ring" label="Sync" value="25"></mi-progress>`);
      const track = getComputedStyle(part(el, 'track'));
      expect(track.borderRadius).to.equal('50%');
      expect(track.width).to.equal(track.height);
      expect(getComputedStyle(part(el, 'indicator')).backgroundImage).to.contain('conic-gradient');
      expect(statusText(el)).to.equal('25%');
    });

    it('shows labelled steps: done steps carry a ✓ and the current one is marked, not only by colour', async () => {
      const el = await fixture<MiProgress>(
        html`<mi-progress variant="steps" steps="Cart, Shipping ,Payment" value="1" label="Checkout"></mi-progress>`
      );
      const items = [...el.shadowRoot!.querySelectorAll('li')];
      expect(items.map((li) => li.textContent!.trim())).to.deep.equal(['Cart', 'Shipping', 'Payment']);
      expect(items.map((li) => getComputedStyle(li, '::before').content)).to.deep.equal(['"✓"', 'counter(step)', 'counter(step)']);
      expect(items.map((li) => li.getAttribute('aria-current'))).to.deep.equal([null, 'step', null]);
      expect(getComputedStyle(items[1]).fontWeight).to.equal('700');
      expect(getComputedStyle(items[2]).fontWeight).to.equal('400');
      expect(statusText(el)).to.equal('Step 2 of 3: Shipping');
    });

    it('complete() ends with a tick, full bar and mi-complete', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Upload" value="40"></mi-progress>`);
      setTimeout(() => el.complete());
      await oneEvent(el, 'mi-complete');
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('success');
      expect(statusText(el)).to.equal('Complete');
      expect(getComputedStyle(part(el, 'status'), '::before').content).to.contain('✓');
      expect(attr(el, 'aria-valuenow')).to.equal('100');
    });

    it('fail(message) ends with the message shown and mi-error carrying it', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Upload" value="40"></mi-progress>`);
      const cause = new Error('socket closed');
      setTimeout(() => el.fail('Network down', cause));
      const event = (await oneEvent(el, 'mi-error')) as MiErrorEvent;
      expect(event).to.be.instanceOf(MiErrorEvent);
      expect(event.message).to.equal('Network down');
      expect(event.error).to.equal(cause);
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('error');
      expect(statusText(el)).to.equal('Failed. Network down');
      expect(getComputedStyle(part(el, 'status'), '::before').content).to.contain('✕');
      // The bar stays where it failed.
      expect(attr(el, 'aria-valuenow')).to.equal('40');
    });

    it('reaching max completes the run once; setting state directly fires no event', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress value="10"></mi-progress>`);
      let completes = 0;
      el.addEventListener('mi-complete', () => completes++);
      el.value = 100;
      await el.updateComplete;
      expect(el.state).to.equal('success');
      el.value = 100;
      await el.updateComplete;
      expect(completes).to.equal(1);
      el.state = 'active';
      el.value = 50;
      await el.updateComplete;
      el.state = 'success';
      await el.updateComplete;
      expect(completes, 'the owner set the state: not an event').to.equal(1);
    });

    it('track(promise) shows the run and ends it with the promise', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Save"></mi-progress>`);
      let resolve!: (v: string) => void;
      const work = new Promise<string>((r) => (resolve = r));
      expect(el.track(work)).to.equal(work);
      await el.updateComplete;
      expect(el.state).to.equal('active');
      expect(attr(el, 'aria-busy')).to.equal('true');
      resolve('ok');
      await oneEvent(el, 'mi-complete');
      expect(el.state).to.equal('success');
    });

    it('track() fails on rejection and on a result with ok: false', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Save"></mi-progress>`);
      const rejected = Promise.reject(new Error('Timed out'));
      el.track(rejected);
      const event = (await oneEvent(el, 'mi-error')) as MiErrorEvent;
      expect(event.message).to.equal('Timed out');
      expect(statusText(el)).to.equal('Failed. Timed out');
      el.track(Promise.resolve({ok: false, status: 500, statusText: 'Internal Server Error'}));
      await oneEvent(el, 'mi-error');
      await el.updateComplete;
      expect(statusText(el)).to.equal('Failed. Internal Server Error');
    });

    it('only the latest run counts: a superseded promise, or one settled after complete(), is ignored', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Search"></mi-progress>`);
      let rejectOld!: (e: Error) => void;
      el.track(new Promise((_, reject) => (rejectOld = reject)));
      let resolveNew!: () => void;
      el.track(new Promise<void>((r) => (resolveNew = r)));
      rejectOld(new Error('stale'));
      await sleep(10);
      expect(el.state).to.equal('active');
      resolveNew();
      await oneEvent(el, 'mi-complete');
      let rejectLate!: (e: Error) => void;
      el.track(new Promise((_, reject) => (rejectLate = reject)));
      el.complete();
      rejectLate(new Error('late'));
      await sleep(10);
      expect(el.state).to.equal('success');
    });

    it('renders once for 10 000 value updates in one task', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress value="0" eta></mi-progress>`);
      let renders = 0;
      const render = el.render.bind(el);
      el.render = () => {
        renders++;
        return render();
      };
      for (let i = 0; i < 10_000; i++) el.value = (i % 99) + 0.5;
      await el.updateComplete;
      await frames();
      expect(renders).to.equal(1);
      expect(attr(el, 'aria-valuenow')).to.equal(String(((9_999 % 99) + 0.5)));
    });

    it('paused: not busy, says so, and the indeterminate sweep stops', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Upload" value="40" state="paused"></mi-progress>`);
      expect(attr(el, 'aria-busy')).to.equal('false');
      expect(statusText(el)).to.equal('40%, paused');
      el.value = null;
      await el.updateComplete;
      await frames();
      expect(statusText(el)).to.equal('paused');
      const animations = el.shadowRoot!.getAnimations();
      expect(animations.length).to.be.greaterThan(0);
      expect(animations.every((a) => a.playState === 'paused')).to.equal(true);
    });
  });

  describe('accessibility', () => {
    const variants = [
      {name: 'bar', markup: (state: string) => html`<mi-progress label="Upload" value="30" state=${state}></mi-progress>`},
      {name: 'indeterminate bar', markup: (state: string) => html`<mi-progress label="Upload" state=${state}></mi-progress>`},
      {name: 'ring', markup: (state: string) => html`<mi-progress variant="ring" label="Sync" value="30" state=${state}></mi-progress>`},
      {name: 'indeterminate ring', markup: (state: string) => html`<mi-progress variant="ring" label="Sync" state=${state}></mi-progress>`},
      {
        name: 'steps',
        markup: (state: string) => html`<mi-progress variant="steps" steps="Cart,Shipping,Payment" value="1" label="Checkout" state=${state}></mi-progress>`,
      },
    ];
    for (const variant of variants) {
      for (const state of ['active', 'paused', 'success', 'error']) {
        it(`${variant.name}, ${state}: passes axe`, async () => {
          const el = await fixture<MiProgress>(variant.markup(state));
          expect(el.getAttribute('state')).to.equal(state);
          await expect(el).to.be.accessible();
        });
      }
    }

    it('exposes role, name, value, range and busy in the accessibility tree [chromium]', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Uploading photo.jpg" value="40"></mi-progress>`);
      const node = await axNode(el);
      expect(node).to.include({role: 'progressbar', name: 'Uploading photo.jpg', value: 40, valuemin: 0, valuemax: 100, busy: true});
      // NOTE: Chromium's CDP tree leaves `valuetext` empty even for plain ARIA, so it is checked on the element.
      expect(attr(el, 'aria-valuetext')).to.equal('40%');
      el.complete();
      await el.updateComplete;
      const done = await axNode(el);
      expect(done.value).to.equal(100);
      expect(done.busy).to.not.equal(true);
      expect(attr(el, 'aria-valuetext')).to.equal('Complete');
    });

    it('has no aria-valuenow when indeterminate, and a default name without a label [chromium]', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress></mi-progress>`);
      expect(base(el).hasAttribute('aria-valuenow')).to.equal(false);
      const node = await axNode(el);
      expect(node.name).to.equal('Progress');
      expect(node.value).to.equal(undefined);
      el.value = 20;
      el.indeterminate = true;
      await el.updateComplete;
      expect(base(el).hasAttribute('aria-valuenow'), 'indeterminate wins over value').to.equal(false);
      el.indeterminate = false;
      await el.updateComplete;
      expect(attr(el, 'aria-valuenow')).to.equal('20');
    });

    it('clamps aria-valuenow into the range [chromium]', async () => {
      resetWarnings();
      const {result: el, warns} = await captureConsole(() => fixture<MiProgress>(html`<mi-progress label="Upload" value="-20"></mi-progress>`));
      expect(warns).to.have.length(1);
      expect(attr(el, 'aria-valuenow')).to.equal('0');
      const {warns: more} = await captureConsole(async () => {
        el.value = 150;
        await el.updateComplete;
      });
      expect(more).to.have.length(0); // one warning per kind of bad input per page
      expect(attr(el, 'aria-valuenow')).to.equal('100');
      expect((await axNode(el)).value).to.equal(100);
    });

    it('steps: value is the step index out of the number of steps [chromium]', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress variant="steps" steps="Cart,Shipping,Payment" value="2" label="Checkout"></mi-progress>`);
      expect(await axNode(el)).to.include({name: 'Checkout', value: 2, valuemin: 0, valuemax: 3});
      expect(attr(el, 'aria-valuetext')).to.equal('Step 3 of 3: Payment');
    });

    it('the page has no live region of its own: announcements go to the shared announcer', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Upload" value="5"></mi-progress>`);
      expect(el.shadowRoot!.querySelector('[aria-live], [role=status], [role=alert], [role=log]')).to.equal(null);
    });
  });

  describe('announcements', () => {
    it('a 0→100 sweep, one by one, is announced at most 6 times: start, 25, 50, 75, done', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Upload" value="0"></mi-progress>`);
      const log = listening();
      for (let i = 1; i <= 100; i++) {
        el.value = i;
        await el.updateComplete;
      }
      const texts = await settled(log, 5);
      expect(texts.length).to.be.at.most(6);
      expect(texts).to.deep.equal(['Upload: Started', 'Upload: 25%', 'Upload: 50%', 'Upload: 75%', 'Upload: Complete']);
      expect(log.messages.every((m) => m.politeness === 'polite')).to.equal(true);
    });

    it('announce-every sets the milestones; a jump announces where it landed, once', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Sync" value="0" announce-every="10"></mi-progress>`);
      const log = listening();
      el.value = 5;
      await el.updateComplete;
      el.value = 12;
      await el.updateComplete;
      el.value = 47;
      await el.updateComplete;
      el.value = 45;
      await el.updateComplete;
      el.value = 48;
      await el.updateComplete;
      expect(await settled(log, 3)).to.deep.equal(['Sync: Started', 'Sync: 12%', 'Sync: 47%']);
    });

    it('a failure is announced assertively with its message', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Upload" value="30"></mi-progress>`);
      const log = listening();
      el.fail('The server is not responding');
      await settled(log, 1);
      expect(log.messages[0]).to.include({message: 'Upload: Failed. The server is not responding', politeness: 'assertive'});
    });

    it('steps announce each new step', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress variant="steps" steps="Cart,Shipping,Payment" value="0" label="Checkout"></mi-progress>`);
      const log = listening();
      el.value = 1;
      await el.updateComplete;
      el.value = 2;
      await el.updateComplete;
      el.value = 3;
      await el.updateComplete;
      expect(await settled(log, 3)).to.deep.equal(['Checkout: Step 2 of 3: Shipping', 'Checkout: Step 3 of 3: Payment', 'Checkout: Complete']);
    });

    it('what the page shows at load is not announced', async () => {
      const log = listening();
      await fixture<MiProgress>(html`<mi-progress label="Quota" value="60"></mi-progress>`);
      await fixture<MiProgress>(html`<mi-progress label="Done" value="100"></mi-progress>`);
      await sleep(400);
      log.stop();
      expect(log.texts()).to.deep.equal([]);
    });

    it('uses configure({strings}) and honours announce="off"', async () => {
      configure({strings: {'progress.done': 'Fertig', 'progress.announce': '{label} — {status}'}});
      const el = await fixture<MiProgress>(html`<mi-progress label="Upload" value="10"></mi-progress>`);
      const log = listening();
      el.complete();
      await el.updateComplete;
      expect(statusText(el)).to.equal('Fertig');
      expect(await settled(log, 1)).to.deep.equal(['Upload — Fertig']);
      const quiet = await fixture<MiProgress>(html`<mi-progress label="Quiet" value="10" announce="off"></mi-progress>`);
      const none = listening();
      quiet.value = 60;
      await quiet.updateComplete;
      quiet.complete();
      await sleep(400);
      none.stop();
      expect(none.texts()).to.deep.equal([]);
    });
    it('every text comes from the strings attribute: shown, in the accessibility tree, in aria-valuetext and announced [chromium]', async () => {
      const strings = JSON.stringify({
        'progress.label': 'Fortschritt',
        'progress.announce': '{label} – {status}',
        'progress.started': 'Gestartet',
        'progress.done': 'Fertig',
        'progress.failed': 'Fehlgeschlagen: {message}',
        'progress.paused': 'pausiert',
        'progress.stalled': 'hängt',
        'progress.left': 'noch etwa {time}',
        'progress.longer': 'dauert länger als üblich',
        'progress.step': 'Schritt {n} von {total}: {step}',
      });
      const el = await fixture<MiProgress>(html`<mi-progress lang="de" strings=${strings} value="0" eta stall-after="300"></mi-progress>`);
      expect((await axNode(el)).name).to.equal('Fortschritt');
      const log = listening();
      el.value = 10;
      await el.updateComplete;
      await waitUntil(() => statusText(el) === '10\u00a0%, hängt', `stall shown, got ${statusText(el)}`, {timeout: 2000});
      expect(attr(el, 'aria-valuetext')).to.equal('10\u00a0%, hängt');
      el.state = 'paused';
      await el.updateComplete;
      expect(statusText(el)).to.equal('10\u00a0%, pausiert');
      el.state = 'active';
      el.complete();
      await el.updateComplete;
      expect(statusText(el)).to.equal('Fertig');
      expect(attr(el, 'aria-valuetext')).to.equal('Fertig');
      expect((await axNode(el)).name).to.equal('Fortschritt');
      // (The announcer folds whitespace, the no-break space of "10 %" included.)
      expect(await settled(log, 3)).to.deep.equal(['Fortschritt – Gestartet', 'Fortschritt – 10 %, hängt', 'Fortschritt – Fertig']);
      await expect(el).to.be.accessible();

      const failLog = listening();
      el.state = 'active';
      el.fail('Netz weg');
      await el.updateComplete;
      expect(statusText(el)).to.equal('Fehlgeschlagen: Netz weg');
      expect(await settled(failLog, 1)).to.deep.equal(['Fortschritt – Fehlgeschlagen: Netz weg']);
      expect(failLog.messages[0].politeness).to.equal('assertive');

      const steps = await fixture<MiProgress>(html`<mi-progress variant="steps" steps="Korb,Versand" value="1" strings=${strings}></mi-progress>`);
      expect(statusText(steps)).to.equal('Schritt 2 von 2: Versand');
      expect(attr(steps, 'aria-valuetext')).to.equal('Schritt 2 von 2: Versand');

      const timed = await fixture<MiProgress>(html`<mi-progress lang="de" label="Bericht" expected="3000" eta strings=${strings}></mi-progress>`);
      await waitUntil(() => /, noch etwa 3 Sekunden$/.test(statusText(timed)), `time left, got ${statusText(timed)}`, {timeout: 2000});
      timed.expected = 50;
      await waitUntil(() => / dauert länger als üblich$/.test(statusText(timed)), `longer, got ${statusText(timed)}`, {timeout: 2000});
      expect((await axNode(timed)).name, 'a label wins over progress.label').to.equal('Bericht');
    });

    it('the strings attribute wins over configure({strings})', async () => {
      configure({strings: {'progress.done': 'Done (page)', 'progress.paused': 'on hold'}});
      const el = await fixture<MiProgress>(html`<mi-progress label="Upload" value="10" state="paused" strings='{"progress.done":"Fertig"}'></mi-progress>`);
      expect(statusText(el), 'a key the element does not set comes from the page').to.equal('10%, on hold');
      el.complete();
      await el.updateComplete;
      expect(statusText(el)).to.equal('Fertig');
    });
  });

  describe('time left (eta)', () => {
    it('estimates the time left within 20 % for a steady rate, and shows it with Intl', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Upload" value="0" eta></mi-progress>`);
      const rate = 0.05; // per ms: 50 % a second
      const start = performance.now();
      while (performance.now() - start < 900) {
        el.value = (performance.now() - start) * rate;
        await el.updateComplete;
        await sleep(20);
      }
      const truth = (100 - el.value!) / rate;
      expect(el.timeLeft).to.be.within(truth * 0.8, truth * 1.2);
      expect(attr(el, 'aria-valuetext')).to.match(/^\d+%, about \d+ seconds? left$/);
      expect(statusText(el)).to.equal(attr(el, 'aria-valuetext'));
    });

    it('detects a stall: shows and announces it instead of a frozen estimate', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Upload" value="0" eta stall-after="300"></mi-progress>`);
      el.value = 10;
      await el.updateComplete;
      await sleep(260);
      el.value = 30;
      await el.updateComplete;
      expect(statusText(el)).to.contain('left');
      const log = listening();
      await waitUntil(() => statusText(el) === '30%, stalled', 'stall shown', {timeout: 1000});
      expect(attr(el, 'aria-valuetext')).to.equal('30%, stalled');
      expect(await settled(log, 1)).to.deep.equal(['Upload: 30%, stalled']);
      el.value = 31;
      await el.updateComplete;
      expect(statusText(el)).to.not.contain('stalled');
    });
  });

  describe('expected (time-based)', () => {
    beforeEach(() => forgetDurations());

    it('eases toward max but never reaches it before complete()', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Loading page" expected="200"></mi-progress>`);
      const seen: number[] = [];
      const start = performance.now();
      while (performance.now() - start < 900) {
        await sleep(50);
        seen.push(Number(attr(el, 'aria-valuenow')));
      }
      expect(Math.max(...seen)).to.be.below(100);
      expect(Math.max(...seen)).to.be.above(90);
      expect(seen).to.deep.equal([...seen].sort((a, b) => a - b));
      expect(el.state).to.equal('active');
      el.complete();
      await el.updateComplete;
      expect(attr(el, 'aria-valuenow')).to.equal('100');
      expect(el.state).to.equal('success');
    });

    it('with eta, tells the time left from the expected duration, then that it takes longer', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Report" expected="3000" eta></mi-progress>`);
      await sleep(250);
      expect(statusText(el)).to.match(/, about 3 seconds left$/);
      el.expected = 50;
      await sleep(250);
      expect(statusText(el)).to.match(/, taking longer than usual$/);
    });

    it('pausing stops the clock: value and time left stand still, and resume from where they were', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Report" expected="4000" eta></mi-progress>`);
      await sleep(300);
      el.state = 'paused';
      await el.updateComplete;
      const held = el.value!;
      const left = el.timeLeft!;
      expect(held).to.be.above(5);
      expect(left).to.be.above(1000);
      // A running clock would be past 60 % after this.
      await sleep(2000);
      await el.updateComplete;
      expect(el.value).to.equal(held);
      expect(el.timeLeft).to.equal(left);
      expect(attr(el, 'aria-valuenow')).to.equal(String(held));
      expect(statusText(el)).to.match(/%, paused$/);
      el.state = 'active';
      await el.updateComplete;
      // (Before the fix the value jumped to where the clock had run on meanwhile.)
      expect(el.value).to.be.within(held, held + 10);
      expect(el.timeLeft).to.be.within(left - 400, left);
      expect(statusText(el)).to.match(/%, about \d seconds? left$/);
      await waitUntil(() => el.value! > held + 1, 'the clock goes on after resume', {timeout: 3000});
      await expect(el).to.be.accessible();
    });

    it('the rate and the stall wait leave out the time paused', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Upload" value="0" eta stall-after="800"></mi-progress>`);
      const rate = 0.05; // per ms
      let active = 0; // ms of work so far
      const work = async (ms: number) => {
        let last = performance.now();
        const until = last + ms;
        while (performance.now() < until) {
          await sleep(20);
          const t = performance.now();
          active += t - last;
          last = t;
          el.value = Math.min(active * rate, 95);
          await el.updateComplete;
        }
      };
      await work(600);
      el.state = 'paused';
      await el.updateComplete;
      // A pause far longer than stall-after is not a stall...
      await sleep(2000);
      expect(statusText(el)).to.match(/%, paused$/);
      el.state = 'active';
      await el.updateComplete;
      expect(statusText(el)).to.not.contain('stalled');
      // ...and the work after it keeps the rate it had: a window across the pause would make it ~0.
      await work(400);
      const truth = (100 - el.value!) / rate;
      expect(el.timeLeft).to.be.within(truth * 0.8, truth * 1.2);
      await expect(el).to.be.accessible();
    });

    it('learns the typical duration under expected-key and paces the next run by it', async () => {
      const first = await fixture<MiProgress>(html`<mi-progress label="Report" expected="5000" expected-key="report"></mi-progress>`);
      await first.track(sleep(300));
      await first.updateComplete;
      const stored = JSON.parse(localStorage.getItem('mi-elements:progress@1:report')!) as number[];
      expect(stored).to.have.length(1);
      expect(stored[0]).to.be.within(280, 700);

      const next = await fixture<MiProgress>(html`<mi-progress label="Report" expected="5000" expected-key="report"></mi-progress>`);
      // Paced by ~300 ms, not by the 5 s guess (which would be at ~10 % after 300 ms).
      expect(next.timeLeft).to.be.below(400);
      await sleep(320);
      expect(next.value).to.be.above(50);
    });

    it('keeps durations in memory when storage fails, and ignores junk in storage', async () => {
      const restoreStorage = breakStorage();
            try {
        for (const ms of [400, 900, 500]) rememberDuration('private', ms);
        expect(typicalDuration('private')).to.equal(500);
      } finally {
        restoreStorage();
      }
      localStorage.setItem('mi-elements:progress@1:junk', '{"__proto__": {"x": 1}}');
      expect(typicalDuration('junk')).to.equal(undefined);
      localStorage.setItem('mi-elements:progress@1:junk', '[1, "a", -5, null, 300, 1e99]');
      expect(typicalDuration('junk')).to.equal(300);
      forgetDurations('junk');
      expect(localStorage.getItem('mi-elements:progress@1:junk')).to.equal(null);
    });
  });

  describe('triggers & bus', () => {
    it('applies a message sent before the element existed when it connects [chromium]', async () => {
      const bus = getBus();
      bus.emit('test-upload-early', {value: 40, label: 'Early upload'});
      const el = await fixture<MiProgress>(html`<mi-progress listen="test-upload-early"></mi-progress>`);
      expect(await axNode(el)).to.include({name: 'Early upload', value: 40});
      bus.clear('test-upload-early');
    });

    it('follows {value, max, state, label}; a state from the bus fires the outcome event', async () => {
      const bus = getBus();
      const el = await fixture<MiProgress>(html`<mi-progress listen="test-upload"></mi-progress>`);
      bus.emit('test-upload', {value: 512, max: 2048, label: 'Video'});
      await el.updateComplete;
      expect(statusText(el)).to.equal('25%');
      const log = listening();
      setTimeout(() => bus.emit('test-upload', {state: 'success'}));
      expect(await oneEvent(el, 'mi-complete')).to.be.instanceOf(MiCompleteEvent);
      expect(await settled(log, 1)).to.deep.equal(['Video: Complete']);
      bus.clear('test-upload');
    });

    it('ignores junk payloads, prototype keys and undocumented properties', async () => {
      resetWarnings();
      const bus = getBus();
      const el = await fixture<MiProgress>(html`<mi-progress listen="test-junk" value="10"></mi-progress>`);
      const {warns} = await captureConsole(async () => {
        bus.emit('test-junk', 'not an object');
        bus.emit('test-junk', JSON.parse('{"__proto__": {"polluted": 1}, "value": "abc", "eta": true, "innerHTML": "<b>x</b>"}'));
        bus.emit('test-junk', {state: 'exploded'});
        await el.updateComplete;
      });
      expect(warns.length).to.equal(3);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(el.eta).to.equal(false);
      expect(el.state).to.equal('active');
      expect(attr(el, 'aria-valuenow')).to.equal('10');
      bus.clear('test-junk');
    });
  });

  describe('reduced motion', () => {
    const movers = (el: MiProgress) =>
      el
        .shadowRoot!.getAnimations()
        .filter((a) => a.playState === 'running')
        .flatMap((a) => (a.effect as KeyframeEffect).getKeyframes().flatMap((k) => Object.keys(k)))
        .filter((key) => ['transform', 'width', 'translate', 'rotate', 'scale', 'left'].includes(key));

    it('without it, the indeterminate bar sweeps (sanity check for the tests below)', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Working"></mi-progress>`);
      await frames();
      expect(movers(el)).to.include('transform');
    });

    for (const variant of ['bar', 'ring']) {
      it(`indeterminate ${variant}: no moving animation, but a slow opacity pulse that looks alive`, async () => {
        await emulateMedia({reducedMotion: 'reduce'});
        const el = await fixture<MiProgress>(html`<mi-progress label="Working" variant=${variant}></mi-progress>`);
        await frames();
        expect(movers(el)).to.deep.equal([]);
        const running = el.shadowRoot!.getAnimations().filter((a) => a.playState === 'running');
        expect(running.length).to.equal(1);
        const keys = (running[0].effect as KeyframeEffect).getKeyframes().flatMap((k) => Object.keys(k));
        expect(keys).to.include('opacity');
        const indicator = part(el, 'indicator');
        const a = Number(getComputedStyle(indicator).opacity);
        await sleep(300);
        const b = Number(getComputedStyle(indicator).opacity);
        expect(a).to.not.equal(b);
        expect(indicator.getBoundingClientRect().width, 'the whole track pulses').to.equal(part(el, 'track').getBoundingClientRect().width);
      });
    }

    it('value changes snap [chromium]', async () => {
      await emulateMedia({reducedMotion: 'reduce'});
      const el = await fixture<MiProgress>(html`<mi-progress label="Upload" value="10"></mi-progress>`);
      el.value = 70;
      await el.updateComplete;
      await frames(1);
      expect(el.shadowRoot!.getAnimations()).to.have.length(0);
      expect(getComputedStyle(part(el, 'indicator')).transform).to.equal('matrix(0.7, 0, 0, 1, 0, 0)');
    });

    it('follows motion="reduce" on the element too', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Working" motion="reduce"></mi-progress>`);
      await frames();
      expect(movers(el)).to.deep.equal([]);
      expect(el.shadowRoot!.getAnimations().length).to.equal(1);
    });
  });

  describe('bad input', () => {
    beforeEach(() => resetWarnings());

    const warned = async (markup: ReturnType<typeof html>) => {
      const {result, warns} = await captureConsole(() => fixture<MiProgress>(markup));
      return {el: result, warns};
    };

    it('value="abc" and value="1e309" are ignored: indeterminate, one warning', async () => {
      for (const value of ['abc', '1e309']) {
        resetWarnings();
        const {el, warns} = await warned(html`<mi-progress label="Upload" value=${value}></mi-progress>`);
        expect(warns).to.have.length(1);
        expect(base(el).hasAttribute('aria-valuenow')).to.equal(false);
        expect(el.state).to.equal('active');
        await expect(el).to.be.accessible();
      }
    });

    it('max="-5", max="0" and max="abc" fall back to 100', async () => {
      for (const max of ['-5', '0', 'abc']) {
        resetWarnings();
        const {el, warns} = await warned(html`<mi-progress label="Upload" value="50" max=${max}></mi-progress>`);
        expect(warns).to.have.length(1);
        expect(attr(el, 'aria-valuemax')).to.equal('100');
        expect(statusText(el)).to.equal('50%');
      }
    });

    it('500 steps: the first 20 are drawn, one warning', async () => {
      const steps = Array.from({length: 500}, (_, i) => `Step${i}`).join(',');
      const {el, warns} = await warned(html`<mi-progress variant="steps" steps=${steps} value="3" label="Wizard"></mi-progress>`);
      expect(warns).to.have.length(1);
      expect(el.shadowRoot!.querySelectorAll('li')).to.have.length(20);
      expect(attr(el, 'aria-valuemax')).to.equal('20');
      await expect(el).to.be.accessible();
    });

    it('markup in steps and label is text, never executed', async () => {
      const evil = '<img src=x onerror="window.__miXss=1">';
      const el = await fixture<MiProgress>(html`<mi-progress variant="steps" steps=${`${evil},<b>Pay</b>`} label=${evil} value="0"></mi-progress>`);
      await sleep(50);
      expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
      expect(el.shadowRoot!.querySelector('li')!.textContent).to.contain('<img src=x');
      expect(attr(el, 'aria-label')).to.equal(evil);
      expect((window as unknown as {__miXss?: number}).__miXss).to.equal(undefined);
    });

    it('a 1 MB label renders as text without throwing', async () => {
      const huge = 'x'.repeat(1_000_000);
      const el = await fixture<MiProgress>(html`<mi-progress .label=${huge} value="5"></mi-progress>`);
      expect(part(el, 'label').textContent!.length).to.be.at.least(1_000_000);
      expect(el.getBoundingClientRect().width).to.be.at.most(document.body.getBoundingClientRect().width);
    });

    it('junk state, variant, announce-every, stall-after and expected are ignored with one warning each', async () => {
      const {el, warns} = await warned(
        html`<mi-progress label="Upload" value="0" eta state="exploded" variant="zigzag" announce-every="abc" stall-after="-1" expected="soon"></mi-progress>`
      );
      expect(warns).to.have.length(5);
      expect(el.state).to.equal('active');
      expect(el.getAttribute('state')).to.equal('active');
      expect(part(el, 'track')).to.exist;
      // announce-every falls back to 25; expected is off, so the value is the owner's.
      const log = listening();
      el.value = 30;
      await el.updateComplete;
      expect(await settled(log, 1)).to.deep.equal(['Upload: Started']);
      expect(el.value).to.equal(30);
      // stall-after falls back to 10 s: no instant stall.
      expect(statusText(el)).to.not.contain('stalled');
    });

    it('accepts steps as an array and numbers given as strings from script', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress variant="steps" .steps=${['Cart', 'Pay'] as unknown as string} value="1"></mi-progress>`);
      expect(statusText(el)).to.equal('Step 2 of 2: Pay');
      const bar = await fixture<MiProgress>(html`<mi-progress .value=${'50' as unknown as number} .max=${'200' as unknown as number}></mi-progress>`);
      expect(statusText(bar)).to.equal('25%');
      expect(attr(bar, 'aria-valuemax')).to.equal('200');
    });
  });

  describe('cleanup', () => {
    it('a removed element stops its clock, its stall timer and its bus subscription', async () => {
      const bus = getBus();
      const el = await fixture<MiProgress>(html`<mi-progress listen="test-cleanup" expected="300" label="A"></mi-progress>`);
      const stall = await fixture<MiProgress>(html`<mi-progress value="10" eta stall-after="100" label="B"></mi-progress>`);
      let renders = 0;
      const render = el.render.bind(el);
      el.render = () => {
        renders++;
        return render();
      };
      el.remove();
      stall.remove();
      const log = listening();
      bus.emit('test-cleanup', {label: 'changed'});
      await sleep(450);
      log.stop();
      expect(renders).to.equal(0);
      expect(el.label).to.equal('A');
      expect(log.texts()).to.deep.equal([]);
      bus.clear('test-cleanup');
    });

    it('an element removed before its first update starts no timer (so it can be collected)', async () => {
      for (const attrs of [{expected: '100'}, {eta: '', value: '10', 'stall-after': '50'}]) {
        const el = document.createElement('mi-progress');
        for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
        let renders = 0;
        const render = el.render.bind(el);
        el.render = () => {
          renders++;
          return render();
        };
        document.body.append(el);
        el.remove();
        await sleep(300);
        expect(renders, JSON.stringify(attrs)).to.equal(1);
      }
    });

    it('resumes an expected run when put back', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress expected="400"></mi-progress>`);
      const parent = el.parentElement!;
      el.remove();
      await sleep(50);
      parent.append(el);
      await sleep(300);
      expect(el.value).to.be.above(30);
    });
  });
});
