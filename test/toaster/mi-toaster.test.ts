import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {a11ySnapshot, findAccessibilityNode, resetMouse, sendKeys, sendMouse} from '@web/test-runner-commands';
import '../../src/toaster/define.js';
import {bus} from '../../src/core/bus.js';
import {clearAnnouncements} from '../../src/core/announcer.js';
import {configure, resetConfig} from '../../src/core/config.js';
import {readingTime} from '../../src/toaster/notice.js';
import {booked} from '../../src/core/ticker.js';
import type {MiToaster} from '../../src/toaster/mi-toaster.js';
import {PAYLOADS, installHitCounter} from '../battery/payloads.js';
import {captureConsole, frames, isChromium, recordAnnouncements, resetWarnings, setReducedMotion, sleep} from '../helpers.js';
import {center, deep, layer, layerRoot, messages, notices, setHidden} from './helpers.js';

type AXNode = {role?: string; name?: string; children?: AXNode[]};

/** A toaster with short timings (min-duration 100 ms) so tests stay fast. */
const make = (attrs = '') => {
  const el = document.createElement('mi-toaster');
  el.setAttribute('min-duration', '100');
  for (const [, name, value] of attrs.matchAll(/([\w-]+)="([^"]*)"/g)) el.setAttribute(name, value);
  return fixture<MiToaster>(el);
};

/** Bus messages are applied in the next task (bursts are sliced): wait for that, then the render. */
const bussed = async (el: MiToaster) => {
  await sleep(20);
  await el.updateComplete;
};

/** Presses a key combination: modifiers down, the key, modifiers up. */
async function press(...keys: string[]) {
  const key = keys.pop()!;
  for (const k of keys) await sendKeys({down: k});
  await sendKeys({press: key});
  for (const k of keys.reverse()) await sendKeys({up: k});
}

/**
 * Long tasks (over 50 ms) from now until stop(): the Long Tasks API where there is one (Chromium),
 * else the gaps in a chain of zero-delay timers, which a long task delays (Firefox).
 */
function watchLongTasks(): {stop(): number[]} {
  const long: number[] = [];
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    const observer = new PerformanceObserver((list) => long.push(...list.getEntries().map((e) => Math.round(e.duration))));
    observer.observe({type: 'longtask'});
    return {stop: () => (observer.disconnect(), long)};
  }
  let last = performance.now();
  let timer = setTimeout(function tick() {
    const now = performance.now();
    if (now - last > 50) long.push(Math.round(now - last));
    last = now;
    timer = setTimeout(tick);
  });
  return {stop: () => (clearTimeout(timer), long)};
}

/** Waits for entry animations to end (axe measures contrast mid-fade otherwise). */
const settled = (el: MiToaster) => Promise.all(notices(el).flatMap((li) => li.getAnimations().map((a) => a.finished)));

const LIVE = '[aria-live], [role=status], [role=alert], [role=log], [role=marquee], [role=timer]';

/** A component with a dialog and a full-screen popover in its shadow root (toggle events stay inside it). */
class ShadowCheckout extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({mode: 'open'});
    const dialog = Object.assign(document.createElement('dialog'), {ariaLabel: 'Checkout'});
    dialog.append(Object.assign(document.createElement('button'), {textContent: 'Pay'}));
    const opener = Object.assign(document.createElement('button'), {textContent: 'Open details'});
    opener.setAttribute('popovertarget', 'cover');
    const cover = Object.assign(document.createElement('div'), {id: 'cover', popover: 'manual', textContent: 'Details'});
    cover.style.cssText = 'inset:0;width:100vw;height:100vh;margin:0;background:#fff';
    root.append(dialog, opener, cover);
  }
}
if (!customElements.get('x-shadow-checkout')) customElements.define('x-shadow-checkout', ShadowCheckout);

describe('<mi-toaster>', () => {
  afterEach(async () => {
    bus.clear();
    clearAnnouncements();
    resetConfig();
    await resetMouse();
    await setReducedMotion(false);
  });

  describe('rendering', () => {
    it('has documented defaults and is not in the top layer while empty', async () => {
      const el = await fixture<MiToaster>(html`<mi-toaster></mi-toaster>`);
      expect([el.position, el.max, el.minDuration, el.hotkey]).to.deep.equal(['bottom-end', 3, 6000, 'Alt+T']);
      expect(el.getAttribute('position')).to.equal('bottom-end');
      expect(notices(el)).to.have.length(0);
      expect(layer(el)?.matches(':popover-open') ?? false).to.equal(false);
      expect(el.getBoundingClientRect().width).to.equal(0);
    });

    it('shows message, description and kind in the top layer', async () => {
      const el = await make();
      el.show('Payment failed', {kind: 'error', description: 'The card was declined.'});
      await el.updateComplete;
      const [li] = notices(el);
      expect(layer(el)!.matches(':popover-open')).to.equal(true);
      expect(li.dataset.kind).to.equal('error');
      expect(li.querySelector('[part=message]')!.textContent).to.equal('Payment failed');
      expect(li.querySelector('[part=description]')!.textContent).to.equal('The card was declined.');
      expect(li.querySelector('.visually-hidden')!.textContent).to.equal('Error:');
      const box = li.getBoundingClientRect();
      expect(box.right).to.be.closeTo(innerWidth - 16, 20);
      expect(box.bottom).to.be.closeTo(innerHeight - 16, 20);
    });

    it('updates the notice with the same id instead of stacking', async () => {
      const el = await make();
      const first = el.show('Uploading…', {id: 'upload', kind: 'pending'});
      el.show('Uploaded', {id: 'upload', kind: 'success'});
      await el.updateComplete;
      expect(first.id).to.equal('upload');
      expect(messages(el)).to.deep.equal(['Uploaded']);
      expect(notices(el)[0].dataset.kind).to.equal('success');
      first.update({message: 'Uploaded 3 files'});
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['Uploaded 3 files']);
    });

    it('respects max: older notices wait behind a "+N more" button, none is lost', async () => {
      const el = await make('max="2"');
      for (const m of ['One', 'Two', 'Three', 'Four']) el.show(m, {kind: 'error'});
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['Three', 'Four']);
      const more = layerRoot(el)!.querySelector<HTMLButtonElement>('[part=more]')!;
      expect(more.textContent).to.equal('+2 more');
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      more.click();
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['One', 'Two', 'Three', 'Four']);
      expect(more.textContent).to.equal('Show fewer');
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      more.click();
      await el.updateComplete;
      // Dismissing the visible ones brings the older ones forward.
      notices(el)[1].querySelector<HTMLButtonElement>('[part=close]')!.click();
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['Two', 'Three']);
      expect(layerRoot(el)!.querySelector('[part=more]')!.textContent).to.equal('+1 more');
    });

    it('stacks newest first at the top positions', async () => {
      const el = await make('position="top-center"');
      el.show('Older');
      el.show('Newer');
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['Newer', 'Older']);
      expect(notices(el)[0].getBoundingClientRect().top).to.be.closeTo(16, 20);
    });

    it('keeps an error after its would-be duration; a success leaves after its own', async () => {
      const el = await make();
      const hides: string[] = [];
      el.addEventListener('mi-hide', (e) => hides.push(e.reason));
      el.show('Saved', {kind: 'success', duration: 150});
      el.show('Could not sync', {kind: 'error', duration: 150});
      el.show('Undo?', {duration: 150, action: {label: 'Undo', onClick: () => {}}});
      await el.updateComplete;
      await waitUntil(() => !messages(el).includes('Saved'), 'the success leaves', {timeout: 1000});
      await sleep(200);
      expect(messages(el)).to.deep.equal(['Could not sync', 'Undo?']);
      expect(hides).to.deep.equal(['timeout']);
    });

    it('never lasts less than min-duration, and reads 200 words a minute plus a second', async () => {
      expect(readingTime('Saved')).to.equal(1300);
      expect(readingTime('Your order  has shipped today')).to.equal(2500);
      const el = await fixture<MiToaster>(html`<mi-toaster min-duration="600"></mi-toaster>`);
      el.show('Saved', {duration: 50});
      await el.updateComplete;
      await sleep(300);
      expect(messages(el)).to.deep.equal(['Saved']);
      await waitUntil(() => messages(el).length === 0, 'gone after min-duration', {timeout: 1000});
    });

    it('runs an action and dismisses its notice; a link action is a real link', async () => {
      const el = await make();
      let clicked = 0;
      el.show('Message archived', {action: {label: 'Undo', onClick: () => clicked++}});
      el.show('Ticket solved', {action: {label: 'View ticket', href: '/tickets/42'}});
      await el.updateComplete;
      const link = notices(el)[1].querySelector<HTMLAnchorElement>('a[part=action]')!;
      expect(link.href).to.equal(new URL('/tickets/42', location.href).href);
      expect(link.textContent).to.equal('View ticket');
      const events: string[] = [];
      el.addEventListener('mi-dismiss', () => events.push('dismiss'));
      notices(el)[0].querySelector<HTMLButtonElement>('button[part=action]')!.click();
      await el.updateComplete;
      expect(clicked).to.equal(1);
      expect(events).to.deep.equal(['dismiss']);
      expect(messages(el)).to.deep.equal(['Ticket solved']);
    });

    it('fires mi-show for a new notice and mi-hide with the reason', async () => {
      const el = await make();
      const events: string[] = [];
      el.addEventListener('mi-show', () => events.push('show'));
      el.addEventListener('mi-hide', (e) => events.push(`hide:${e.reason}`));
      const handle = el.show('Hello', {kind: 'error'});
      el.show('Hello again', {id: handle.id});
      handle.dismiss();
      el.dismiss();
      expect(events).to.deep.equal(['show', 'hide:api']);
    });
  });

  describe('timing and pauses', () => {
    it('pauses while hovered', async () => {
      const el = await make();
      el.show('Hover me', {duration: 300});
      await el.updateComplete;
      await sendMouse({type: 'move', position: center(notices(el)[0].getBoundingClientRect())});
      await waitUntil(() => el.matches(':state(paused)'));
      await sleep(500);
      expect(messages(el)).to.deep.equal(['Hover me']);
      await sendMouse({type: 'move', position: [5, 5]});
      await waitUntil(() => messages(el).length === 0, 'resumes and leaves', {timeout: 1000});
    });

    it('pauses while focus is inside', async () => {
      const outside = await fixture<HTMLButtonElement>(html`<button>Elsewhere</button>`);
      const el = await make();
      el.show('Focus me', {duration: 300});
      await el.updateComplete;
      notices(el)[0].querySelector<HTMLButtonElement>('[part=close]')!.focus();
      await el.updateComplete;
      await sleep(500);
      expect(messages(el)).to.deep.equal(['Focus me']);
      outside.focus();
      await waitUntil(() => messages(el).length === 0, 'resumes and leaves', {timeout: 1000});
    });

    it('pauses in a hidden tab and, on return, sums up what came meanwhile in one notice', async () => {
      const el = await make();
      // Long enough to outlive the announcer's pacing on a loaded machine, short enough to see it resume.
      el.show('Before', {duration: 1200});
      await el.updateComplete;
      const log = recordAnnouncements();
      await waitUntil(() => log.texts().includes('Before'));
      setHidden(true);
      try {
        el.show('Agent joined');
        el.show('Message from Ana');
        bus.emit('toast', {message: 'Ticket solved', kind: 'success'});
        await el.updateComplete;
        await sleep(500);
        expect(messages(el)).to.deep.equal(['Agent joined', 'Message from Ana', 'Ticket solved']);
        expect(el.matches(':state(paused)')).to.equal(true);
        expect(log.texts(), 'nothing announced while hidden').to.deep.equal(['Before']);
      } finally {
        setHidden(false);
      }
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['Before', '3 new notifications']);
      const summary = notices(el)[1];
      expect(summary.querySelector('[part=description]')!.textContent).to.equal('Ticket solved');
      // "Show all": its notices take its place on the stack, all of them shown.
      summary.querySelector<HTMLButtonElement>('[part=expand]')!.click();
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['Before', 'Agent joined', 'Message from Ana', 'Ticket solved']);
      // Let the entrance fades finish (slower browsers are mid-fade here): contrast is judged on the settled text.
      const finite = (a: Animation) => a.effect?.getComputedTiming().endTime !== Infinity;
      await Promise.all([...el.shadowRoot!.getAnimations(), ...document.getAnimations()].filter(finite).map((a) => a.finished.catch(() => {})));
      await waitUntil(() => notices(el).every((n) => getComputedStyle(n).opacity === '1'), 'notices settled', {timeout: 2000});
      await expect(el).to.be.accessible();
      await waitUntil(() => log.texts().length === 2);
      await sleep(300);
      log.stop();
      expect(log.texts()).to.deep.equal(['Before', '3 new notifications. Ticket solved']);
      // The paused one resumes (and still leaves on its own).
      await waitUntil(() => !messages(el).includes('Before'), 'resumes', {timeout: 4000});
    });

    it('a summary that opens into its notices leaves with mi-hide (reason "expand"): every mi-show has its mi-hide', async () => {
      const el = await make();
      const events: string[] = [];
      el.addEventListener('mi-show', () => events.push('show'));
      el.addEventListener('mi-hide', (e) => events.push(`hide:${e.reason}`));
      setHidden(true);
      el.show('One', {id: 'one', duration: 0});
      el.show('Two', {id: 'two', duration: 0});
      setHidden(false);
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['2 new notifications']);
      expect(events, 'two notices, then their summary').to.deep.equal(['show', 'show', 'show']);
      el.dismiss('one');
      el.dismiss('two');
      await el.updateComplete;
      expect(messages(el)).to.deep.equal([]);
      expect(events).to.deep.equal(['show', 'show', 'show', 'hide:expand', 'hide:api', 'hide:api']);
    });

    it('an update to a notice inside a summary opens the summary and updates that notice, never a copy', async () => {
      const el = await make();
      setHidden(true);
      const upload = el.show('Uploading…', {id: 'upload', kind: 'pending'});
      el.show('Agent joined');
      setHidden(false);
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['2 new notifications']);
      upload.update({message: 'Uploaded', kind: 'success'});
      await el.updateComplete;
      expect(messages(el), 'in its place').to.deep.equal(['Uploaded', 'Agent joined']);
      el.dismiss('upload');
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['Agent joined']);
    });

    it('an update by id inside a summary keeps max: the other notices wait behind "+N more", nothing opens by itself', async () => {
      const el = await make('max="2"');
      setHidden(true);
      const upload = el.show('Uploading…', {id: 'upload', kind: 'pending'});
      for (const text of ['Agent joined', 'Ticket moved', 'Reply drafted']) el.show(text);
      setHidden(false);
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['4 new notifications']);
      upload.update({message: 'Uploaded', kind: 'success'});
      await el.updateComplete;
      expect(messages(el).length, 'shown').to.equal(2);
      const more = layerRoot(el)!.querySelector('[part=more]');
      expect(more?.getAttribute('aria-expanded')).to.equal('false');
      expect(more?.textContent).to.equal('+2 more');
    });

    it('a single notice that came while hidden is announced on return, not summarised', async () => {
      const el = await make();
      const log = recordAnnouncements();
      setHidden(true);
      el.show('One thing');
      await sleep(300);
      expect(log.texts()).to.deep.equal([]);
      setHidden(false);
      await waitUntil(() => log.texts().length === 1);
      log.stop();
      expect(log.texts()).to.deep.equal(['One thing']);
      expect(messages(el)).to.deep.equal(['One thing']);
    });
  });

  describe('accessibility', () => {
    it('is accessible in every state', async () => {
      const el = await make('max="2"');
      await expect(el).to.be.accessible();
      el.show('Saved', {kind: 'success'});
      el.show('Disk almost full', {kind: 'warning', description: '92 % used'});
      await el.updateComplete;
      await settled(el);
      await expect(el).to.be.accessible();
      el.show('Sync failed', {kind: 'error', action: {label: 'Retry', onClick: () => {}}});
      el.show('Deploying…', {kind: 'pending'});
      el.show('Ticket solved', {action: {label: 'View', href: '/t/1'}});
      await el.updateComplete;
      await settled(el);
      await expect(el).to.be.accessible();
      layerRoot(el)!.querySelector<HTMLButtonElement>('[part=more]')!.click();
      await el.updateComplete;
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it('is a labelled region with a list; close buttons say what they dismiss [chromium]', async () => {
      const el = await make();
      el.show('Saved');
      await el.updateComplete;
      const section = layerRoot(el)!.querySelector('section')!;
      expect(section.getAttribute('aria-label')).to.equal('Notifications');
      expect(section.querySelector('ol > li [part=close]')!.getAttribute('aria-label')).to.equal('Dismiss notification: Saved');
      // Chromium only: the accessibility tree is read over CDP.
      if (!isChromium()) return;
      const snapshot = (await a11ySnapshot({})) as unknown as AXNode;
      const region = findAccessibilityNode(snapshot as never, (n: AXNode) => n.role === 'region' && n.name === 'Notifications') as AXNode | null;
      expect(region, JSON.stringify(snapshot)).to.not.equal(null);
      const close = findAccessibilityNode(region as never, (n: AXNode) => n.role === 'button' && n.name === 'Dismiss notification: Saved');
      expect(close).to.not.equal(null);
      expect(findAccessibilityNode(region as never, (n: AXNode) => n.role === 'listitem')).to.not.equal(null);
    });

    it('a stack taller than the screen keeps every notice in the accessibility tree [chromium]', async () => {
      if (!isChromium()) return;
      const el = await make('max="60"');
      for (let i = 0; i < 60; i++) el.show(`Order ${i} shipped`, {duration: 0});
      await el.updateComplete;
      await frames(2);
      // The oldest are above the top of the viewport (not rendered inside, but still there to read and reach).
      expect(notices(el)[0].getBoundingClientRect().bottom).to.be.below(0);
      const snapshot = (await a11ySnapshot({})) as unknown as AXNode;
      for (const i of [0, 30, 59]) {
        const close = findAccessibilityNode(snapshot as never, (n: AXNode) => n.role === 'button' && n.name === `Dismiss notification: Order ${i} shipped`);
        expect(close, `notice ${i}`).to.not.equal(null);
      }
      notices(el)[0].querySelector<HTMLButtonElement>('[part=close]')!.focus();
      await frames(2);
      expect(notices(el)[0].querySelector('[part=message]')!.getBoundingClientRect().height).to.be.above(0);
    });

    it('has no live role or aria-live of its own in any state', async () => {
      const el = await make('max="1"');
      el.show('Saved', {kind: 'success'});
      el.show('Failed', {kind: 'error'});
      await el.updateComplete;
      setHidden(true);
      el.show('A');
      el.show('B');
      setHidden(false);
      await el.updateComplete;
      const nodes = [el, ...deep(el.shadowRoot!)];
      expect(nodes.length).to.be.greaterThan(10);
      expect(nodes.filter((n) => n.matches(LIVE)).map((n) => n.localName)).to.deep.equal([]);
    });

    it('never takes focus when a notice appears', async () => {
      const input = await fixture<HTMLInputElement>(html`<input aria-label="Reply" />`);
      input.focus();
      const el = await make();
      el.show('New message', {action: {label: 'Open', href: '/m/1'}});
      el.show('Error', {kind: 'error'});
      await el.updateComplete;
      await frames();
      expect(document.activeElement).to.equal(input);
    });

    it('Alt+T moves focus to the newest notice; Esc (or Alt+T) moves it back', async () => {
      const input = await fixture<HTMLInputElement>(html`<input aria-label="Reply" />`);
      const el = await make();
      el.show('Older', {kind: 'error'});
      el.show('Newest', {kind: 'error'});
      await el.updateComplete;
      input.focus();
      await press('Alt', 'KeyT');
      expect(layerRoot(el)!.activeElement).to.equal(notices(el)[1]);
      await sendKeys({press: 'Escape'});
      expect(document.activeElement).to.equal(input);
      await press('Alt', 'KeyT');
      await press('Alt', 'KeyT');
      expect(document.activeElement).to.equal(input);
    });

    it('takes a configurable hotkey, says so when there is nothing to reach', async () => {
      const input = await fixture<HTMLInputElement>(html`<input aria-label="Reply" />`);
      const el = await make('hotkey="Ctrl+Shift+Y"');
      input.focus();
      const log = recordAnnouncements();
      await press('Alt', 'KeyT');
      await press('Control', 'Shift', 'KeyY');
      await waitUntil(() => log.texts().length === 1);
      log.stop();
      expect(log.texts()).to.deep.equal(['No notifications']);
      el.show('Hi', {kind: 'error'});
      await el.updateComplete;
      await press('Control', 'Shift', 'KeyY');
      expect(layerRoot(el)!.activeElement).to.equal(notices(el)[0]);
    });

    it('keeps focus in the stack when the focused notice is dismissed', async () => {
      const input = await fixture<HTMLInputElement>(html`<input aria-label="Reply" />`);
      const el = await make();
      el.show('First', {kind: 'error'});
      el.show('Second', {kind: 'error'});
      await el.updateComplete;
      input.focus();
      await press('Alt', 'KeyT');
      await sendKeys({press: 'Tab'});
      expect(layerRoot(el)!.activeElement!.getAttribute('part')).to.equal('close');
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['First']);
      expect(layerRoot(el)!.activeElement).to.equal(notices(el)[0]);
      await sendKeys({press: 'Tab'});
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(messages(el)).to.deep.equal([]);
      expect(document.activeElement, 'back where the user was').to.equal(input);
    });

    it('takes its texts from configure({strings}) and the label attribute', async () => {
      configure({strings: {'toaster.dismiss': 'Schließen: {message}', 'toaster.more': '+{count} weitere'}});
      const el = await make('max="1" label="Benachrichtigungen"');
      el.show('Gespeichert');
      el.show('Gesendet');
      await el.updateComplete;
      expect(layerRoot(el)!.querySelector('section')!.getAttribute('aria-label')).to.equal('Benachrichtigungen');
      expect(notices(el)[0].querySelector('[part=close]')!.getAttribute('aria-label')).to.equal('Schließen: Gesendet');
      expect(layerRoot(el)!.querySelector('[part=more]')!.textContent).to.equal('+1 weitere');
    });

    it('its own strings attribute wins over configure({strings}) for every key', async () => {
      configure({strings: {'toaster.dismiss': 'Schließen: {message}', 'toaster.label': 'Meldungen', 'toaster.error': 'Fehler'}});
      const own = {
        'toaster.label': 'Avisos',
        'toaster.dismiss': 'Cerrar: {message}',
        'toaster.more': '+{count} más',
        'toaster.fewer': 'Ver menos',
        'toaster.summary': '{count} avisos nuevos',
        'toaster.showAll': 'Ver todos',
        'toaster.empty': 'Sin avisos',
        'toaster.success': 'Éxito',
        'toaster.warning': 'Atención',
        'toaster.error': 'Error grave',
      };
      const el = await make(`max="1"`);
      el.setAttribute('strings', JSON.stringify(own));
      const input = await fixture<HTMLInputElement>(html`<input aria-label="Reply" />`);
      input.focus();
      const log = recordAnnouncements();
      await press('Alt', 'KeyT');
      await waitUntil(() => log.texts().length === 1);
      el.show('Guardado', {kind: 'success'});
      el.show('Disco casi lleno', {kind: 'warning'});
      el.show('Falló', {kind: 'error'});
      await el.updateComplete;
      const root = layerRoot(el)!;
      const hidden = () => notices(el).map((li) => li.querySelector('.visually-hidden')?.textContent);
      expect(root.querySelector('section')!.getAttribute('aria-label')).to.equal('Avisos');
      expect(notices(el)[0].querySelector('[part=close]')!.getAttribute('aria-label')).to.equal('Cerrar: Falló');
      expect(hidden()).to.deep.equal(['Error grave:']);
      const more = root.querySelector<HTMLButtonElement>('[part=more]')!;
      expect(more.textContent).to.equal('+2 más');
      more.click();
      await el.updateComplete;
      expect(more.textContent).to.equal('Ver menos');
      expect(hidden()).to.deep.equal(['Éxito:', 'Atención:', 'Error grave:']);
      el.dismiss();
      setHidden(true);
      el.show('A');
      el.show('B');
      setHidden(false);
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['2 avisos nuevos']);
      const expand = layerRoot(el)!.querySelector<HTMLButtonElement>('[part=expand]')!;
      expect(expand.textContent).to.equal('Ver todos');
      expand.click();
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['A', 'B']);
      await sleep(300);
      log.stop();
      expect(log.texts()).to.deep.equal(['Sin avisos', '2 avisos nuevos. B']);
      await settled(el);
      await expect(el).to.be.accessible();
    });
  });

  describe('announcements', () => {
    it('writes each notice to the announcer once: errors assertive, the rest polite', async () => {
      const el = await make();
      const log = recordAnnouncements();
      el.show('Saved', {kind: 'success'});
      el.show('Payment failed', {kind: 'error', description: 'The card was declined.'});
      await waitUntil(() => log.messages.length === 2);
      await sleep(400);
      log.stop();
      expect(log.messages.map((m) => [m.message, m.politeness])).to.deep.equal([
        ['Payment failed. The card was declined.', 'assertive'],
        ['Saved', 'polite'],
      ]);
    });

    it('announces an update with new text once, and an update with the same text not at all', async () => {
      const el = await make();
      const log = recordAnnouncements();
      const handle = el.show('Uploading…', {kind: 'pending'});
      await waitUntil(() => log.messages.length === 1);
      handle.update({message: 'Uploading…'});
      handle.update({kind: 'success', message: 'Uploaded'});
      await waitUntil(() => log.messages.length === 2);
      await sleep(400);
      log.stop();
      expect(log.texts()).to.deep.equal(['Uploading…', 'Uploaded']);
    });

    it('sums up a burst in one announcement', async () => {
      const el = await make();
      const log = recordAnnouncements();
      for (let i = 1; i <= 6; i++) el.show(`Message ${i}`, {kind: i === 3 ? 'error' : 'info'});
      await waitUntil(() => log.messages.length === 1);
      await sleep(400);
      log.stop();
      expect(log.messages.map((m) => [m.message, m.politeness])).to.deep.equal([['6 new notifications. Message 6', 'assertive']]);
    });

    it('honours announce="off"', async () => {
      const el = await make('announce="off"');
      const log = recordAnnouncements();
      el.show('Quiet');
      await sleep(500);
      log.stop();
      expect(log.texts()).to.deep.equal([]);
      expect(messages(el)).to.deep.equal(['Quiet']);
    });
  });

  describe('triggers & bus', () => {
    it('shows bus messages on the "toast" topic, and from a mi:emit DOM event', async () => {
      const el = await make();
      bus.emit('toast', {message: 'Agent Ana joined', kind: 'info', id: 'join', description: 'Support chat'});
      document.dispatchEvent(new CustomEvent('mi:emit', {detail: {topic: 'toast', detail: {message: 'Ticket solved', kind: 'success', action: {label: 'Rate us', href: 'https://example.com/rate'}}}}));
      await bussed(el);
      expect(messages(el)).to.deep.equal(['Agent Ana joined', 'Ticket solved']);
      expect(notices(el)[1].querySelector('a')!.href).to.equal('https://example.com/rate');
      bus.emit('toast', {id: 'join', dismiss: true});
      await bussed(el);
      expect(messages(el)).to.deep.equal(['Ticket solved']);
    });

    it('listen="…" replaces the default topic', async () => {
      const el = await make('listen="support"');
      bus.emit('toast', {message: 'Not for me'});
      bus.emit('support', {message: 'For me'});
      await bussed(el);
      expect(messages(el)).to.deep.equal(['For me']);
    });

    it('shows a message sent before it connected, but a later toaster does not replay it', async () => {
      bus.emit('toast', {message: 'Sent early', kind: 'error'});
      const first = await make();
      await bussed(first);
      expect(messages(first)).to.deep.equal(['Sent early']);
      const second = await make();
      await bussed(second);
      expect(messages(second)).to.deep.equal([]);
    });

    it('stays visible and usable above a modal dialog opened after it', async () => {
      const dialog = await fixture<HTMLDialogElement>(html`<dialog aria-label="Checkout"><button>Pay</button></dialog>`);
      const el = await make();
      el.show('Payment failed', {kind: 'error'});
      await el.updateComplete;
      dialog.showModal();
      await waitUntil(() => dialog.querySelector('[data-mi-toaster]'), 'our layer moved into the dialog');
      await el.updateComplete;
      await frames();
      const li = notices(el)[0];
      const [x, y] = center(li.getBoundingClientRect());
      expect(document.elementFromPoint(x, y)).to.equal(layer(el));
      expect(li.contains(layerRoot(el)!.elementFromPoint(x, y))).to.equal(true);
      await settled(el);
      await expect(dialog).to.be.accessible();
      li.querySelector<HTMLButtonElement>('[part=close]')!.click();
      await el.updateComplete;
      expect(messages(el)).to.deep.equal([]);
      el.show('Back home');
      dialog.close();
      await waitUntil(() => el.shadowRoot!.querySelector('[data-mi-toaster]'), 'our layer came back');
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['Back home']);
      expect(dialog.querySelector('[data-mi-toaster]')).to.equal(null);
    });

    it('re-enters the top layer above a popover opened after it', async () => {
      const cover = await fixture<HTMLDivElement>(html`<div popover="manual" style="inset:0;width:100vw;height:100vh;margin:0">Cover</div>`);
      const el = await make();
      el.show('Still here', {kind: 'error'});
      await el.updateComplete;
      cover.showPopover();
      const [x, y] = center(notices(el)[0].getBoundingClientRect());
      await waitUntil(() => document.elementFromPoint(x, y) === el, 'the toast is on top again');
      cover.hidePopover();
    });

    it('stays visible and usable above a modal dialog inside another component\'s shadow root', async () => {
      const host = await fixture<HTMLElement>(html`<x-shadow-checkout></x-shadow-checkout>`);
      const dialog = host.shadowRoot!.querySelector('dialog')!;
      const el = await make();
      const hits: string[] = [];
      el.show('Payment failed', {kind: 'error', action: {label: 'Retry', onClick: () => hits.push('retry')}});
      await el.updateComplete;
      dialog.showModal();
      await frames();
      const li = () => notices(el)[0];
      const action = () => li().querySelector<HTMLButtonElement>('[part=action]')!;
      const hitsToast = () => {
        const [x, y] = center(li().getBoundingClientRect());
        return li().contains(layerRoot(el)!.elementFromPoint(x, y));
      };
      await waitUntil(hitsToast, 'the toast is hit-testable above the dialog');
      // Not inert: the action takes focus and a real click.
      action().focus();
      expect(layerRoot(el)!.activeElement).to.equal(action());
      await settled(el);
      await expect(host).to.be.accessible();
      const [x, y] = center(action().getBoundingClientRect());
      await sendMouse({type: 'click', position: [x, y]});
      await waitUntil(() => hits.length === 1, 'the action ran');
      expect(dialog.open, 'the dialog stays open').to.equal(true);
      el.show('Back home');
      dialog.close();
      await waitUntil(() => el.shadowRoot!.querySelector('[data-mi-toaster]'), 'our layer came back');
      await el.updateComplete;
      await frames();
      expect(messages(el)).to.deep.equal(['Back home']);
      const [hx, hy] = center(li().getBoundingClientRect());
      expect(document.elementFromPoint(hx, hy)).to.equal(el);
    });

    it('re-enters the top layer above a popover in a shadow root that a click opened', async () => {
      const host = await fixture<HTMLElement>(html`<x-shadow-checkout></x-shadow-checkout>`);
      const el = await make();
      el.show('Still here', {kind: 'error'});
      await el.updateComplete;
      const opener = host.shadowRoot!.querySelector<HTMLButtonElement>('[popovertarget]')!;
      const cover = host.shadowRoot!.querySelector<HTMLElement>('[popover]')!;
      const [ox, oy] = center(opener.getBoundingClientRect());
      await sendMouse({type: 'click', position: [ox, oy]});
      await waitUntil(() => cover.matches(':popover-open'), 'the popover opened');
      const [x, y] = center(notices(el)[0].getBoundingClientRect());
      await waitUntil(() => document.elementFromPoint(x, y) === el, 'the toast is on top again');
      cover.hidePopover();
    });

    it('1000 bus messages in a burst: bounded DOM, no long task, one announcement', async () => {
      const el = await make();
      const log = recordAnnouncements();
      const watch = watchLongTasks();
      const t0 = performance.now();
      for (let i = 0; i < 1000; i++) bus.emit('toast', {message: `Order ${i} shipped`, id: `order-${i}`});
      expect(performance.now() - t0, 'the emitting loop itself (ms)').to.be.below(50);
      await waitUntil(() => messages(el).at(-1) === 'Order 999 shipped', 'all applied', {timeout: 3000});
      await frames(3);
      await waitUntil(() => log.messages.length === 1);
      expect(watch.stop(), 'long tasks (ms)').to.deep.equal([]);
      expect(notices(el)).to.have.length(3);
      expect(layerRoot(el)!.querySelectorAll('*').length, 'elements in the layer').to.be.below(60);
      expect(layerRoot(el)!.querySelector('[part=more]')!.textContent).to.equal('+997 more');
      await sleep(400);
      log.stop();
      expect(log.texts()).to.deep.equal(['1000 new notifications. Order 999 shipped']);
    });
  });

  describe('reduced motion', () => {
    const keyframeProps = (li: Element) =>
      li.getAnimations().flatMap((a) => (a.effect as KeyframeEffect).getKeyframes().flatMap((k) => Object.keys(k).filter((p) => !['offset', 'easing', 'composite', 'computedOffset'].includes(p))));

    it('slides in with motion, fades in place without', async () => {
      const el = await make();
      el.show('Slides');
      await el.updateComplete;
      expect(keyframeProps(notices(el)[0])).to.include('transform');
      await setReducedMotion(true);
      const calm = await make();
      calm.show('Fades');
      await calm.updateComplete;
      const props = keyframeProps(notices(calm)[0]);
      expect(props).to.include('opacity');
      expect(props).to.not.include('transform');
      const duration = Number(notices(calm)[0].getAnimations()[0].effect!.getTiming().duration);
      expect(duration).to.be.within(1, 300);
    });

    it('a burst slides in its newest three; the others appear in place; a later one slides in', async () => {
      const el = await make('max="10"');
      for (let i = 0; i < 8; i++) el.show(`Burst ${i}`);
      await el.updateComplete;
      const moving = (li: Element) => keyframeProps(li).includes('transform');
      expect(messages(el)).to.have.length(8);
      expect(notices(el).filter(moving).map((li) => li.querySelector('[part=message]')!.textContent)).to.deep.equal(['Burst 5', 'Burst 6', 'Burst 7']);
      el.show('Later');
      await el.updateComplete;
      expect(moving(notices(el).at(-1)!)).to.equal(true);
    });

    it('motion="reduce" on the element does the same', async () => {
      const el = await make('motion="reduce"');
      el.show('Fades');
      await el.updateComplete;
      expect(keyframeProps(notices(el)[0])).to.not.include('transform');
    });
  });

  describe('bad input', () => {
    beforeEach(resetWarnings);

    it('renders XSS payloads in message, description, action label and bus payloads as text', async () => {
      const hits = installHitCounter();
      const el = await make('max="100"');
      const {warns} = await captureConsole(async () => {
        for (const p of PAYLOADS) {
          el.show(p, {description: p, action: {label: p, onClick: () => {}}, id: `a${p}`});
          bus.emit('toast', {message: p, description: p, kind: 'info', id: p, action: {label: p, href: '/safe'}});
        }
        await el.updateComplete;
        layerRoot(el)!.querySelector<HTMLButtonElement>('[part=more]')?.click();
        await el.updateComplete;
        await sleep(300);
      });
      expect(warns).to.have.length(0);
      expect(hits).to.deep.equal([]);
      const root = layerRoot(el)!;
      expect([...deep(root)].filter((n) => /^(img|script|iframe|svg|object|embed|style|video)$/.test(n.localName))).to.deep.equal([]);
      expect([...deep(root)].filter((n) => [...n.attributes].some((a) => /^on/i.test(a.name)))).to.deep.equal([]);
      expect(messages(el)).to.include(PAYLOADS[0]);
      expect(notices(el).length).to.equal(PAYLOADS.length * 2);
      const first = notices(el)[0];
      expect(first.querySelector('[part=description]')!.textContent).to.equal(PAYLOADS[0]);
      expect(first.querySelector('[part=action]')!.textContent).to.equal(PAYLOADS[0]);
    });

    it('refuses action URLs other than http(s) or relative', async () => {
      const hits = installHitCounter();
      const el = await make('max="10"');
      const bad = ['javascript:__hit(1)', ' JaVaScRiPt:__hit(2)', 'java\tscript:__hit(3)', 'data:text/html,<script>__hit(4)</script>', 'vbscript:__hit(5)'];
      const {warns} = await captureConsole(async () => {
        for (const href of bad) el.show(`Refused ${href}`, {action: {label: 'Open', href}});
        bus.emit('toast', {message: 'From the bus', action: {label: 'Open', href: 'javascript:__hit(6)', onClick: () => hits.push(7)}});
        el.show('Allowed', {action: {label: 'Open', href: 'https://example.com/a'}});
        el.show('Relative', {action: {label: 'Open', href: '../b?c=1'}});
        await bussed(el);
      });
      expect(warns).to.have.length(1);
      expect(String(warns[0][0])).to.match(/refused/);
      const links = [...layerRoot(el)!.querySelectorAll('a')].map((a) => a.href);
      expect(links).to.deep.equal(['https://example.com/a', new URL('../b?c=1', document.baseURI).href]);
      // Refused links are rendered without the link: a button that dismisses.
      const actions = [...layerRoot(el)!.querySelectorAll('[part=action]')].map((a) => a.localName);
      expect(actions).to.deep.equal(['button', 'button', 'button', 'button', 'button', 'a', 'a', 'button']);
      layerRoot(el)!.querySelector<HTMLButtonElement>('button[part=action]')!.click();
      await el.updateComplete;
      expect(messages(el)[0]).to.equal('Refused  JaVaScRiPt:__hit(2)');
      expect(hits).to.deep.equal([]);
    });

    it('clamps junk attributes with one warning each', async () => {
      const {result: el, warns} = await captureConsole(async () => {
        const t = await fixture<MiToaster>(html`<mi-toaster max="abc" min-duration="-5" position="sideways"></mi-toaster>`);
        t.show('Hi');
        await t.updateComplete;
        t.setAttribute('max', '-1');
        await t.updateComplete;
        return t;
      });
      expect(el.max).to.equal(3);
      expect(el.minDuration).to.equal(6000);
      // Each warning names the attribute as written.
      expect(warns.map((w) => String(w[0]).match(/max|min-duration|position/)?.[0])).to.deep.equal(['max', 'min-duration', 'position']);
      expect(notices(el)[0].getBoundingClientRect().right).to.be.closeTo(innerWidth - 16, 20);
    });

    it('ignores junk payloads without throwing or polluting prototypes', async () => {
      const el = await make();
      const trap = () => {
        throw new Error('trap');
      };
      const hostile = new Proxy({}, {ownKeys: trap, get: trap, getOwnPropertyDescriptor: trap});
      const {warns} = await captureConsole(async () => {
        bus.emit('toast', 'just a string');
        bus.emit('toast', [1, 2]);
        bus.emit('toast', null);
        bus.emit('toast', JSON.parse('{"__proto__": {"polluted": 1}, "message": "Proto", "kind": "alert", "duration": "abc"}'));
        bus.emit('toast', {message: '   '});
        bus.emit('toast', {message: 'x'.repeat(1_000_000), description: {}, action: 'nope'});
        bus.emit('toast', hostile);
        el.show('Options from a proxy', hostile as never);
        el.show(42 as unknown as string);
        await bussed(el);
      });
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(messages(el).map((m) => m!.length)).to.deep.equal([2, 5, 2000]);
      expect(notices(el)[1].dataset.kind).to.equal('info');
      // payload shape, kind, empty message, length, action, unreadable bus payload, unreadable options
      expect(warns).to.have.length(7);
    });
  });

  describe('cleanup', () => {
    it('toasters book the one shared timer of the page while a notice runs, and nothing once removed', async () => {
      const [a, b] = [await make(), await make()];
      a.show('One', {duration: 5000});
      b.show('Two', {duration: 5000});
      await Promise.all([a.updateComplete, b.updateComplete]);
      expect(booked(), 'one booking per toaster with a running notice').to.equal(2);
      a.remove();
      b.remove();
      expect(booked(), 'a removed toaster is not kept waiting').to.equal(0);
    });

    it('stops listening, timing and announcing once disconnected; picks up again on reconnect', async () => {
      const el = await make();
      const log = recordAnnouncements();
      const hides: string[] = [];
      el.addEventListener('mi-hide', (e) => hides.push(e.reason));
      el.show('Short', {duration: 300});
      const parent = el.parentElement!;
      el.remove();
      bus.emit('toast', {message: 'While away'});
      await sleep(400);
      expect(hides).to.deep.equal([]);
      expect(log.texts()).to.deep.equal([]);
      const input = await fixture<HTMLInputElement>(html`<input aria-label="x" />`);
      input.focus();
      await press('Alt', 'KeyT');
      expect(document.activeElement).to.equal(input);
      parent.append(el);
      await bussed(el);
      // The bus's last message is shown on reconnect (no toaster showed it yet).
      expect(messages(el)).to.deep.equal(['Short', 'While away']);
      await waitUntil(() => hides.length === 1, 'its timer resumed', {timeout: 1000});
      await waitUntil(() => log.texts().length === 2, `announced ${JSON.stringify(log.texts())}`);
      log.stop();
      expect(log.texts()).to.deep.equal(['Short', 'While away']);
    });
  });
});
