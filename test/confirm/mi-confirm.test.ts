import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {a11ySnapshot, emulateMedia, findAccessibilityNode, sendKeys} from '@web/test-runner-commands';
import '../../src/confirm/define.js';
import type {ConfirmContext, MiConfirm} from '../../src/confirm/mi-confirm.js';
import {clearAnnouncements} from '../../src/core/announcer.js';
import {bus} from '../../src/core/bus.js';
import {MiErrorEvent, MiSuccessEvent} from '../../src/events.js';
import {captureConsole, frames, recordAnnouncements, resetWarnings, sleep, setForcedColors, systemColor} from '../helpers.js';

type AXNode = {role?: string; name?: string; description?: string; disabled?: boolean; children?: AXNode[]};

/** A real local endpoint (test/server/confirm.mjs). */
const endpoint = (query = '') => `/__test/confirm/submit?${query}`;
/** An action that posts the form to the endpoint, like an app would. */
const post =
  (query = '') =>
  ({formData, signal}: ConfirmContext) =>
    fetch(endpoint(query), {method: 'POST', body: formData, signal});

const statusText = (el: MiConfirm) => el.querySelector(':scope > [slot=status]')?.textContent ?? '';
const shadow = (el: MiConfirm, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const button = (el: MiConfirm) => el.querySelector<HTMLButtonElement>('button')!;

/** The support form; `delay` is pending-delay (fast endpoints answer well within the default 100). */
async function contactForm(attrs: {delay?: number} = {}): Promise<MiConfirm> {
  const el = await fixture<MiConfirm>(html`
    <mi-confirm success-text="Message sent" pending-delay=${attrs.delay ?? 100}>
      <form>
        <label>Name <input name="name" /></label>
        <label>Message <textarea name="message"></textarea></label>
        <button>Send</button>
      </form>
    </mi-confirm>
  `);
  await el.updateComplete;
  return el;
}

const submit = (el: MiConfirm) => el.querySelector('form')!.requestSubmit();

/** Removes it from the page for good: it lets go a microtask later (a move in the same task is not a removal). */
async function removeFromPage(el: Element): Promise<void> {
  el.remove();
  await Promise.resolve();
}

/** The accessibility node of the button named `name` (Chromium's tree, as a screen reader gets it). */
async function axButton(name: string): Promise<AXNode | null> {
  const snapshot = (await a11ySnapshot({})) as unknown as AXNode;
  return findAccessibilityNode(snapshot as never, (n: AXNode) => n.role === 'button' && n.name === name) as AXNode | null;
}

/** Counts unhandled rejections while a test runs. */
function watchRejections() {
  const seen: unknown[] = [];
  const handler = (e: PromiseRejectionEvent) => {
    seen.push(e.reason);
    e.preventDefault();
  };
  window.addEventListener('unhandledrejection', handler);
  return {seen, stop: () => window.removeEventListener('unhandledrejection', handler)};
}

/** Records every value the `state` attribute takes. */
function watchStates(el: MiConfirm): string[] {
  const seen: string[] = [];
  new MutationObserver(() => seen.push(el.getAttribute('state') ?? '')).observe(el, {attributes: true, attributeFilter: ['state']});
  return seen;
}

beforeEach(() => {
  clearAnnouncements();
  resetWarnings();
});

describe('<mi-confirm>', () => {
  describe('rendering', () => {
    it('wraps the user form in place; idle shows and adds nothing; a run adds one status element of its own in light DOM', async () => {
      const el = await contactForm();
      const form = el.querySelector('form')!;
      expect(el.state).to.equal('idle');
      expect(el.getAttribute('state')).to.equal('idle');
      // Idle: the form is the only child, no status line is rendered, the button has no description.
      expect([...el.children]).to.deep.equal([form]);
      expect(shadow(el, '[part=status]')).to.equal(null);
      expect(button(el).hasAttribute('aria-describedby')).to.equal(false);
      // The user's nodes are slotted, never copied into the shadow root.
      expect(el.shadowRoot!.querySelector('form, input, textarea')).to.equal(null);
      expect(form.assignedSlot).to.equal(shadow(el, 'slot:not([name])'));
      // The first run adds the status text at once: one span after the user's nodes, describing the control.
      el.action = () => new Promise(() => {});
      submit(el);
      const status = el.lastElementChild as HTMLElement;
      expect(el.children).to.have.length(2);
      expect(status.localName).to.equal('span');
      expect(status.slot).to.equal('status');
      expect(status.textContent).to.equal('');
      expect(button(el).ariaDescribedByElements).to.have.ordered.members([status]);
      // Back to idle: nothing is shown again.
      el.abort();
      await el.updateComplete;
      expect(shadow(el, '[part=status]')).to.equal(null);
    });

    it('adds nothing to an empty element until there is something to show or describe', async () => {
      const el = await fixture<MiConfirm>(html`<mi-confirm></mi-confirm>`);
      await el.updateComplete;
      expect(el.childElementCount).to.equal(0);
      // Its own status text is never a trigger.
      el.action = () => 'ok';
      await el.track(Promise.reject(new Error('x')));
      await el.updateComplete;
      (el.firstElementChild as HTMLElement).click();
      await sleep(50);
      expect(el.state).to.equal('error');
    });

    it('with an action resolving after 500 ms: no success text or announcement before, success after', async () => {
      const el = await contactForm({delay: 200});
      const log = recordAnnouncements();
      let resolvedAt = 0;
      const seen: Array<{text: string; at: number}> = [];
      const spoken: Array<{text: string; at: number}> = [];
      const {onAnnounce} = await import('../../src/core/announcer.js');
      const off = onAnnounce((a) => spoken.push({text: a.message, at: performance.now()}));
      el.action = async (context) => {
        const response = await post('delay=500')(context);
        resolvedAt = performance.now();
        return response;
      };
      submit(el);
      const status = el.querySelector(':scope > [slot=status]')!;
      new MutationObserver(() => seen.push({text: status.textContent ?? '', at: performance.now()})).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      await sleep(100);
      expect(el.state, 'nothing shown before pending-delay').to.equal('idle');
      expect(statusText(el)).to.equal('');
      await sleep(200);
      expect(el.state).to.equal('pending');
      expect(statusText(el)).to.equal('Working…');
      expect(shadow(el, '[part=icon] circle')).to.not.equal(null);
      const event = (await oneEvent(el, 'mi-success')) as unknown as MiSuccessEvent;
      expect(event).to.be.instanceOf(MiSuccessEvent);
      expect(event.result).to.be.instanceOf(Response);
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('success');
      expect(statusText(el)).to.equal('Message sent');
      expect(shadow(el, '[part=icon] path[mask]')).to.not.equal(null);
      await waitUntil(() => log.texts().includes('Message sent'), 'success announced');
      off();
      log.stop();
      expect(resolvedAt).to.be.greaterThan(0);
      for (const s of seen.filter((s) => s.text === 'Message sent')) expect(s.at).to.be.at.least(resolvedAt);
      for (const s of spoken.filter((s) => s.text === 'Message sent')) expect(s.at).to.be.at.least(resolvedAt);
      expect(log.texts()).to.deep.equal(['Working…', 'Message sent']);
    });

    it('a Response with ok === false (HTTP 500) is an error, with the status text', async () => {
      const el = await contactForm();
      let success = 0;
      el.addEventListener('mi-success', () => success++);
      el.action = post('status=500&delay=50');
      submit(el);
      const event = (await oneEvent(el, 'mi-error')) as unknown as MiErrorEvent;
      await el.updateComplete;
      expect(event).to.be.instanceOf(MiErrorEvent);
      expect((event.error as Response).status).to.equal(500);
      expect(event.message).to.equal('Error: Internal Server Error');
      expect(el.getAttribute('state')).to.equal('error');
      expect(statusText(el)).to.equal('Error: Internal Server Error');
      expect(success).to.equal(0);
    });

    it('a rejected promise is an error (a real network failure)', async () => {
      const el = await contactForm();
      el.action = ({signal}) => fetch('http://127.0.0.1:9/unreachable', {signal});
      submit(el);
      const event = (await oneEvent(el, 'mi-error')) as unknown as MiErrorEvent;
      expect(event.error).to.be.instanceOf(TypeError);
      expect(el.state).to.equal('error');
      expect(statusText(el)).to.match(/^Error: .+/);
    });

    it('timeout aborts the request through the signal and ends in an error', async () => {
      const el = await contactForm();
      el.timeout = 300;
      let signal: AbortSignal | undefined;
      el.action = (context) => {
        signal = context.signal;
        return post('delay=3000')(context);
      };
      const started = performance.now();
      submit(el);
      const event = (await oneEvent(el, 'mi-error')) as unknown as MiErrorEvent;
      expect(performance.now() - started).to.be.within(280, 1500);
      expect((event.error as DOMException).name).to.equal('TimeoutError');
      expect(signal!.aborted).to.equal(true);
      expect(statusText(el)).to.equal('Error: timed out');
      // The fetch's own AbortError arrives later and changes nothing.
      await sleep(100);
      expect(el.state).to.equal('error');
    });

    it('uses a custom isSuccess for other shapes (GraphQL errors in a 200)', async () => {
      const el = await contactForm();
      el.isSuccess = async (result) => !(await (result as Response).clone().json()).errors;
      el.action = post('graphql=error');
      submit(el);
      await oneEvent(el, 'mi-error');
      expect(el.state).to.equal('error');
      el.action = post();
      submit(el);
      await oneEvent(el, 'mi-success');
      expect(statusText(el)).to.equal('Message sent');
      // isSuccess decides on its own: here a 409 counts as done (already sent).
      el.isSuccess = (result) => (result as Response).status === 409;
      el.action = post('status=409');
      submit(el);
      await oneEvent(el, 'mi-success');
    });

    it('after success: reverts to idle after duration; sticky keeps it; reset-on-success empties the form', async () => {
      const el = await contactForm();
      el.duration = 150;
      el.resetOnSuccess = true;
      el.action = post();
      el.querySelector('input')!.value = 'Ana';
      submit(el);
      await oneEvent(el, 'mi-success');
      expect(el.querySelector('input')!.value).to.equal('');
      await waitUntil(() => el.state === 'idle', 'reverted');
      expect(statusText(el)).to.equal('');
      el.sticky = true;
      submit(el);
      await oneEvent(el, 'mi-success');
      await sleep(300);
      expect(el.state).to.equal('success');
    });

    it('says it is still working after slow-after', async () => {
      const el = await contactForm();
      el.slowAfter = 300;
      el.action = post('delay=700');
      submit(el);
      await waitUntil(() => statusText(el) === 'Still working…', 'slow text', {timeout: 1000});
      expect(el.state).to.equal('pending');
      await oneEvent(el, 'mi-success');
    });

    it('texts come from attributes, then configure strings', async () => {
      const {configure, resetConfig} = await import('../../src/core/config.js');
      configure({strings: {'confirm.error': 'Nicht gesendet ({reason})', 'confirm.retry': 'Nochmal'}});
      try {
        const el = await contactForm();
        el.action = post('status=503');
        submit(el);
        await oneEvent(el, 'mi-error');
        await el.updateComplete;
        expect(statusText(el)).to.equal('Nicht gesendet (Service Unavailable)');
        expect(shadow(el, '[part=retry]')!.textContent).to.equal('Nochmal');
        el.errorText = 'Could not send';
        submit(el);
        await oneEvent(el, 'mi-error');
        expect(statusText(el)).to.equal('Could not send');
      } finally {
        resetConfig();
      }
    });
  });

  describe('accessibility', () => {
    it('is accessible in idle, pending, success and error', async () => {
      const el = await contactForm({delay: 50});
      await expect(el).to.be.accessible();
      el.action = post('delay=400');
      submit(el);
      await oneEvent(el, 'mi-pending');
      await el.updateComplete;
      await expect(el).to.be.accessible();
      await oneEvent(el, 'mi-success');
      await el.updateComplete;
      await expect(el).to.be.accessible();
      el.action = post('status=500');
      submit(el);
      await oneEvent(el, 'mi-error');
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('the accessibility tree gives the control the status text as its description [chromium]', async () => {
      const el = await contactForm({delay: 50});
      el.action = post('status=500&delay=400');
      submit(el);
      await oneEvent(el, 'mi-pending');
      const pending = await axButton('Send');
      expect(pending?.description, JSON.stringify(pending)).to.equal('Working…');
      await oneEvent(el, 'mi-error');
      const failed = await axButton('Send');
      expect(failed?.description).to.equal('Error: Internal Server Error');
    });

    it('keeps a description the control already had, and restores it on disconnect [chromium]', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <div>
          <p id="hint">Replies within a day</p>
          <mi-confirm success-text="Saved" pending-delay="0"><button aria-describedby="hint">Save</button></mi-confirm>
        </div>
      `);
      const el = wrapper.querySelector('mi-confirm')!;
      await el.updateComplete;
      el.action = () => sleep(50).then(() => 'ok');
      button(el).click();
      await oneEvent(el, 'mi-success');
      const node = await axButton('Save');
      expect(node?.description).to.equal('Replies within a day Saved');
      const saveButton = button(el);
      await removeFromPage(el);
      expect(saveButton.getAttribute('aria-describedby')).to.equal('hint');
      expect(saveButton.hasAttribute('aria-disabled')).to.equal(false);
      // Put back on the page (as a framework might), it has exactly its own description again.
      wrapper.append(saveButton);
      expect((await axButton('Save'))?.description).to.equal('Replies within a day');
    });

    it('while pending the control is aria-disabled (not disabled) and keeps focus [chromium]', async () => {
      const el = await contactForm({delay: 50});
      el.action = post('delay=300');
      button(el).focus();
      button(el).click();
      expect(button(el).getAttribute('aria-disabled')).to.equal('true');
      expect(button(el).disabled).to.equal(false);
      expect(el.matches(':state(busy)')).to.equal(true);
      expect(getComputedStyle(el).cursor, 'feedback in the next frame').to.equal('progress');
      await oneEvent(el, 'mi-pending');
      expect(document.activeElement).to.equal(button(el));
      expect((await axButton('Send'))?.disabled).to.equal(true);
      await oneEvent(el, 'mi-success');
      expect(button(el).hasAttribute('aria-disabled')).to.equal(false);
      expect(document.activeElement).to.equal(button(el));
    });

    it('after an error every field keeps what was typed and focus stays where it was', async () => {
      const el = await contactForm();
      el.action = post('status=500&delay=200');
      const name = el.querySelector('input')!;
      const message = el.querySelector('textarea')!;
      message.focus();
      await sendKeys({type: 'My order never arrived'});
      name.focus();
      await sendKeys({type: 'Ana Lima'});
      await sendKeys({press: 'Enter'});
      await oneEvent(el, 'mi-error');
      await el.updateComplete;
      expect(name.value).to.equal('Ana Lima');
      expect(message.value).to.equal('My order never arrived');
      expect(document.activeElement).to.equal(name);
      // The error is shown next to the control, with a Retry button one Tab away.
      expect(shadow(el, '[part=retry]')!.textContent).to.equal('Retry');
    });

    it('retry is one action away: the Retry button resubmits and focus lands on the control, not <body>', async () => {
      const el = await contactForm();
      let calls = 0;
      el.action = (context) => post(++calls === 1 ? 'status=500' : '')(context);
      el.querySelector('input')!.value = 'Ana';
      submit(el);
      await oneEvent(el, 'mi-error');
      await el.updateComplete;
      const retry = shadow(el, '[part=retry]')!;
      retry.focus();
      const succeeded = oneEvent(el, 'mi-success');
      await sendKeys({press: 'Enter'});
      expect(document.activeElement).to.equal(button(el));
      await succeeded;
      expect(calls).to.equal(2);
      expect(statusText(el)).to.equal('Message sent');
      expect(shadow(el, '[part=retry]')).to.equal(null);
    });

    it('retry on a wrapped button presses it again: the action runs with the same submitter', async () => {
      const el = await fixture<MiConfirm>(html`<mi-confirm><button>Sync</button></mi-confirm>`);
      const contexts: ConfirmContext[] = [];
      el.action = (context) => {
        contexts.push(context);
        return contexts.length === 1 ? Promise.reject(new Error('offline')) : 'synced';
      };
      button(el).click();
      await oneEvent(el, 'mi-error');
      expect(statusText(el)).to.equal('Error: offline');
      el.retry();
      await oneEvent(el, 'mi-success');
      expect(contexts).to.have.length(2);
      expect(contexts[1].submitter).to.equal(button(el));
      expect(contexts[1].signal).to.not.equal(contexts[0].signal);
    });
  });

  describe('announcements', () => {
    it('a fast action (< pending-delay) announces only its outcome, once, politely; no pending UI', async () => {
      const el = await contactForm({delay: 300});
      const states = watchStates(el);
      let pendingEvents = 0;
      el.addEventListener('mi-pending', () => pendingEvents++);
      const log = recordAnnouncements();
      el.action = post('delay=30');
      submit(el);
      await oneEvent(el, 'mi-success');
      await waitUntil(() => log.messages.length >= 1, 'announced');
      await sleep(400);
      log.stop();
      expect(log.messages.map((m) => [m.message, m.politeness])).to.deep.equal([['Message sent', 'polite']]);
      expect(states).to.not.include('pending');
      expect(pendingEvents).to.equal(0);
    });

    it('an error is announced exactly once, assertively', async () => {
      const el = await contactForm({delay: 300});
      const log = recordAnnouncements();
      el.action = post('status=500');
      submit(el);
      await oneEvent(el, 'mi-error');
      await waitUntil(() => log.messages.length >= 1, 'announced');
      await sleep(400);
      log.stop();
      expect(log.messages.map((m) => [m.message, m.politeness])).to.deep.equal([['Error: Internal Server Error', 'assertive']]);
    });

    it('a slow success: pending once, still working once, success once', async () => {
      const el = await contactForm({delay: 50});
      el.slowAfter = 300;
      const log = recordAnnouncements();
      el.action = post('delay=600');
      submit(el);
      await oneEvent(el, 'mi-success');
      await waitUntil(() => log.messages.length >= 3, 'announced');
      await sleep(300);
      log.stop();
      expect(log.messages.map((m) => [m.message, m.politeness])).to.deep.equal([
        ['Working…', 'polite'],
        ['Still working…', 'polite'],
        ['Message sent', 'polite'],
      ]);
    });

    it('once shown, pending stays 500 ms even when the outcome follows at once', async () => {
      const el = await contactForm({delay: 100});
      el.action = post('delay=150');
      submit(el);
      await oneEvent(el, 'mi-pending');
      const shownAt = performance.now();
      await oneEvent(el, 'mi-success');
      expect(performance.now() - shownAt).to.be.at.least(480);
    });

    it('pending-min sets how long a shown pending state stays; 0 shows the outcome as soon as it is known', async () => {
      const run = async (el: MiConfirm) => {
        let resolve!: (value: string) => void;
        el.action = () => new Promise<string>((r) => (resolve = r));
        button(el).click();
        await oneEvent(el, 'mi-pending');
        const shownAt = performance.now();
        resolve('ok');
        await sleep(0);
        const stateRightAfter = el.state;
        if (el.state !== 'success') await oneEvent(el, 'mi-success');
        return {stateRightAfter, held: performance.now() - shownAt};
      };
      const slow = await fixture<MiConfirm>(html`<mi-confirm pending-delay="0" pending-min="1200"><button>Pay</button></mi-confirm>`);
      const held = await run(slow);
      expect(held.stateRightAfter).to.equal('pending');
      expect(held.held).to.be.at.least(1150);
      expect(statusText(slow)).to.equal('Done');
      const instant = await fixture<MiConfirm>(html`<mi-confirm pending-delay="0" pending-min="0"><button>Pay</button></mi-confirm>`);
      expect((await run(instant)).stateRightAfter, 'no hold with pending-min="0"').to.equal('success');
      await expect(instant).to.be.accessible();
    });

    it('a junk pending-min falls back to 500 ms with one warning', async () => {
      const {result, warns} = await captureConsole(async () => {
        const el = await fixture<MiConfirm>(html`<mi-confirm pending-delay="0" pending-min="soon"><button>Pay</button></mi-confirm>`);
        el.action = () => sleep(20).then(() => 'ok');
        button(el).click();
        await oneEvent(el, 'mi-pending');
        const shownAt = performance.now();
        await oneEvent(el, 'mi-success');
        const first = performance.now() - shownAt;
        button(el).click();
        await oneEvent(el, 'mi-success');
        return first;
      });
      expect(result).to.be.at.least(480);
      expect(warns).to.have.length(1);
      expect(String(warns[0][0])).to.include('pending-min');
    });

    it('every text can be set on the element with strings (shown and announced); they win over configure()', async () => {
      const {configure, resetConfig} = await import('../../src/core/config.js');
      configure({strings: {'confirm.slow': 'Still going (page-wide)', 'confirm.retry': 'Again (page-wide)'}});
      try {
        const el = await fixture<MiConfirm>(html`
          <mi-confirm
            pending-delay="0"
            slow-after="200"
            timeout="700"
            strings='{"confirm.pending":"Sende…","confirm.slow":"Dauert noch…","confirm.timeout":"Zeitüberschreitung","confirm.error":"Fehler: {reason}","confirm.unknown":"unbekannt","confirm.retry":"Nochmal","confirm.success":"Gesendet"}'
            ><button>Senden</button></mi-confirm
          >
        `);
        const log = recordAnnouncements();
        el.action = ({signal}) => fetch(endpoint('delay=3000'), {signal});
        button(el).click();
        await waitUntil(() => statusText(el) === 'Dauert noch…', 'slow text shown', {timeout: 2000});
        expect(el.state).to.equal('pending');
        await oneEvent(el, 'mi-error');
        await el.updateComplete;
        expect(statusText(el)).to.equal('Fehler: Zeitüberschreitung');
        expect(shadow(el, '[part=retry]')!.textContent).to.equal('Nochmal');
        await expect(el).to.be.accessible();
        el.timeout = 0;
        el.action = () => 42;
        el.isSuccess = () => false;
        button(el).click();
        await oneEvent(el, 'mi-error');
        expect(statusText(el)).to.equal('Fehler: unbekannt');
        el.isSuccess = null;
        button(el).click();
        await oneEvent(el, 'mi-success');
        expect(statusText(el)).to.equal('Gesendet');
        await waitUntil(() => log.messages.length >= 5, 'announced');
        log.stop();
        expect(log.texts()).to.deep.equal(['Sende…', 'Dauert noch…', 'Fehler: Zeitüberschreitung', 'Fehler: unbekannt', 'Gesendet']);
      } finally {
        resetConfig();
      }
    });

    it('announce="off" silences it; the text is still shown', async () => {
      const el = await contactForm();
      el.announce = 'off';
      const log = recordAnnouncements();
      el.action = post();
      submit(el);
      await oneEvent(el, 'mi-success');
      await sleep(300);
      log.stop();
      expect(log.messages).to.have.length(0);
      expect(statusText(el)).to.equal('Message sent');
    });
  });

  describe('triggers & bus', () => {
    it('submitting twice while pending calls the action once (and never lets the form navigate)', async () => {
      const el = await contactForm();
      let calls = 0;
      el.action = (context) => (calls++, post('delay=300')(context));
      const prevented: boolean[] = [];
      const onSubmit = (e: Event) => prevented.push(e.defaultPrevented);
      window.addEventListener('submit', onSubmit);
      submit(el);
      submit(el);
      button(el).click();
      await oneEvent(el, 'mi-success');
      window.removeEventListener('submit', onSubmit);
      expect(calls).to.equal(1);
      expect(prevented).to.deep.equal([true, true, true]);
    });

    it('a wrapped control whose own click handler stops propagation (Vue @click.stop) still runs the action once', async () => {
      const el = await fixture<MiConfirm>(html`<mi-confirm pending-delay="0"><button>Save</button></mi-confirm>`);
      let calls = 0;
      let appHandler = 0;
      el.action = () => (calls++, Promise.resolve());
      button(el).addEventListener('click', (e) => (appHandler++, e.stopPropagation()));
      button(el).click();
      await oneEvent(el, 'mi-success');
      expect([calls, appHandler]).to.deep.equal([1, 1]);
    });

    it('gives the action the form data, the submitter and a signal', async () => {
      const el = await fixture<MiConfirm>(html`
        <mi-confirm pending-delay="0">
          <form><input name="topic" value="billing" /><button name="intent" value="send">Send</button></form>
        </mi-confirm>
      `);
      let context: ConfirmContext | undefined;
      let formdataEvents = 0;
      el.querySelector('form')!.addEventListener('formdata', () => formdataEvents++);
      el.action = (c) => ((context = c), post()(c));
      button(el).click();
      await oneEvent(el, 'mi-success');
      // The app's own formdata handlers run once per submit, as without us.
      expect(formdataEvents).to.equal(1);
      expect(context!.formData.get('topic')).to.equal('billing');
      expect(context!.formData.get('intent')).to.equal('send');
      expect(context!.submitter).to.equal(button(el));
      expect(context!.signal).to.be.instanceOf(AbortSignal);
    });

    it('wraps a plain button (click) and follows for="id" [chromium]', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <div>
          <button id="copy">Copy link</button>
          <mi-confirm for="copy" success-text="Copied" pending-delay="0"></mi-confirm>
        </div>
      `);
      const el = wrapper.querySelector('mi-confirm')!;
      await el.updateComplete;
      let submitter: HTMLElement | null = null;
      el.action = (c) => ((submitter = c.submitter), true);
      wrapper.querySelector<HTMLButtonElement>('#copy')!.click();
      await oneEvent(el, 'mi-success');
      expect(submitter).to.equal(wrapper.querySelector('#copy'));
      expect(statusText(el)).to.equal('Copied');
      expect((await axButton('Copy link'))?.description).to.equal('Copied');
    });

    it('for= and a wrapped control never both fire: one press runs the action once, from the control in use', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <div>
          <button id="elsewhere">Elsewhere</button>
          <mi-confirm for="inside" pending-delay="0"><button id="inside">Inside</button></mi-confirm>
        </div>
      `);
      const el = wrapper.querySelector('mi-confirm')!;
      const [elsewhere, inside] = wrapper.querySelectorAll('button');
      await el.updateComplete;
      const pressed: string[] = [];
      el.action = ({submitter}) => (pressed.push(submitter!.id), 'ok');
      // `for` names its own wrapped button: heard once, not twice.
      inside.click();
      await oneEvent(el, 'mi-success');
      // `for` removed: the wrapped button is the control, still once per press.
      el.htmlFor = '';
      await el.updateComplete;
      inside.click();
      await oneEvent(el, 'mi-success');
      // `for` names another button: the wrapped one no longer runs it.
      el.htmlFor = 'elsewhere';
      await el.updateComplete;
      inside.click();
      elsewhere.click();
      await oneEvent(el, 'mi-success');
      await sleep(50);
      expect(pressed).to.deep.equal(['inside', 'inside', 'elsewhere']);
    });

    it('a control pressed while its element is off the page runs nothing', async () => {
      const el = await fixture<MiConfirm>(html`<mi-confirm pending-delay="0"><button>Pay</button></mi-confirm>`);
      let calls = 0;
      el.action = () => (calls++, 'ok');
      await removeFromPage(el);
      button(el).click();
      await sleep(50);
      expect(calls).to.equal(0);
      expect(el.state).to.equal('idle');
    });

    it('finds a control rendered after it connected, even when a bus outcome came first [chromium]', async () => {
      bus.emit('early', {state: 'success', message: 'Synced earlier'});
      const el = document.createElement('mi-confirm');
      el.setAttribute('listen', 'early');
      document.body.append(el);
      await el.updateComplete;
      expect(statusText(el)).to.equal('Synced earlier');
      // The app renders its form now (as a parser or a framework would, after the element).
      const form = document.createElement('form');
      form.append(Object.assign(document.createElement('input'), {name: 'q'}), Object.assign(document.createElement('button'), {textContent: 'Go'}));
      el.append(form);
      await oneEvent(el.shadowRoot!.querySelector('slot')!, 'slotchange');
      await el.updateComplete;
      expect(el.firstElementChild).to.equal(form);
      let calls = 0;
      el.action = () => (calls++, 'ok');
      const keepPage = (e: Event) => e.preventDefault();
      window.addEventListener('submit', keepPage);
      const succeeded = oneEvent(el, 'mi-success');
      form.requestSubmit();
      window.removeEventListener('submit', keepPage);
      expect(calls, 'the action ran').to.equal(1);
      await succeeded;
      expect((await axButton('Go'))?.description).to.equal('Done');
      el.remove();
      bus.clear('early');
    });

    it('track(promise) drives it without an action', async () => {
      const el = await contactForm();
      const result = el.track(fetch(endpoint('delay=50')));
      await oneEvent(el, 'mi-success');
      expect(await result).to.equal(true);
      const failed = oneEvent(el, 'mi-error');
      expect(await el.track(fetch(endpoint('status=502')))).to.equal(false);
      await failed;
      expect(el.state).to.equal('error');
      // Without an action there is nothing to retry from here.
      await el.updateComplete;
      expect(shadow(el, '[part=retry]')).to.equal(null);
    });

    it('a bus {state: "success", id} settles the pending confirm with the same id only', async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <div>
          <mi-confirm id="ticket-42" listen="tickets" pending-delay="0"><button>Open ticket</button></mi-confirm>
          <mi-confirm id="ticket-7" listen="tickets" pending-delay="0"><button>Other</button></mi-confirm>
        </div>
      `);
      const [mine, other] = [...wrapper.querySelectorAll('mi-confirm')];
      await mine.updateComplete;
      // The request is accepted, the outcome comes later from the server (e.g. over SSE).
      mine.action = () => new Promise(() => {});
      button(mine).click();
      await oneEvent(mine, 'mi-pending');
      bus.emit('tickets', {state: 'success', id: 'ticket-1', message: 'Not for us'});
      await sleep(50);
      expect(mine.state).to.equal('pending');
      const settled = oneEvent(mine, 'mi-success');
      bus.emit('tickets', {state: 'success', id: 'ticket-42', message: 'Ticket #42 confirmed'});
      await settled;
      expect(mine.state).to.equal('success');
      expect(statusText(mine)).to.equal('Ticket #42 confirmed');
      expect(other.state).to.equal('idle');
      bus.clear('tickets');
    });

    it('bus pending then error; idle resets; a late subscriber applies the last message once', async () => {
      const el = await fixture<MiConfirm>(html`<mi-confirm listen="job" pending-delay="0"><button>Run</button></mi-confirm>`);
      bus.emit('job', {state: 'pending'});
      await oneEvent(el, 'mi-pending');
      const failed = oneEvent(el, 'mi-error');
      bus.emit('job', {state: 'error', message: 'Worker crashed'});
      await failed;
      expect(statusText(el)).to.equal('Error: Worker crashed');
      bus.emit('job', {state: 'idle'});
      await el.updateComplete;
      expect(el.state).to.equal('idle');
      bus.emit('job', {state: 'success', message: 'Built'});
      const late = await fixture<MiConfirm>(html`<mi-confirm listen="job"><button>Late</button></mi-confirm>`);
      await late.updateComplete;
      expect(statusText(late)).to.equal('Built');
      // Moving it (disconnect + connect) does not replay the same message again.
      await sleep(200);
      clearAnnouncements();
      const log = recordAnnouncements();
      late.parentElement!.append(late);
      await sleep(300);
      log.stop();
      expect(log.texts()).to.deep.equal([]);
      bus.clear('job');
    });

    it('abort() cancels through the signal and returns to idle silently', async () => {
      const el = await contactForm({delay: 0});
      const rejections = watchRejections();
      let signal: AbortSignal | undefined;
      let errors = 0;
      el.addEventListener('mi-error', () => errors++);
      el.action = (c) => ((signal = c.signal), post('delay=3000')(c));
      const log = recordAnnouncements();
      submit(el);
      await oneEvent(el, 'mi-pending');
      el.abort();
      await el.updateComplete;
      expect(signal!.aborted).to.equal(true);
      expect(el.state).to.equal('idle');
      expect(button(el).hasAttribute('aria-disabled')).to.equal(false);
      await sleep(200);
      log.stop();
      rejections.stop();
      expect(errors).to.equal(0);
      // Only the pending text that was already on its way; nothing about the cancel.
      expect(log.texts()).to.deep.equal(['Working…']);
      expect(rejections.seen).to.have.length(0);
    });

    it('without an action the form submits natively', async () => {
      const el = await contactForm();
      const prevented: boolean[] = [];
      const onSubmit = (e: Event) => {
        prevented.push(e.defaultPrevented);
        e.preventDefault(); // keep the test page
      };
      window.addEventListener('submit', onSubmit);
      submit(el);
      window.removeEventListener('submit', onSubmit);
      expect(prevented).to.deep.equal([false]);
      expect(el.state).to.equal('idle');
    });
  });

  describe('reduced motion', () => {
    afterEach(() => emulateMedia({reducedMotion: 'no-preference'}));

    it('full motion: the tick is drawn (transform only, ≤ 300 ms); the error does not move', async () => {
      const el = await contactForm();
      el.action = post();
      submit(el);
      await oneEvent(el, 'mi-success');
      await el.updateComplete;
      const wipe = shadow(el, 'rect')!;
      const [draw] = wipe.getAnimations();
      expect(draw, 'tick drawing').to.not.equal(undefined);
      expect(Number(draw.effect!.getTiming().duration)).to.be.within(1, 300);
      expect(Object.keys((draw.effect as KeyframeEffect).getKeyframes()[0]).filter((k) => !['offset', 'easing', 'composite', 'computedOffset'].includes(k))).to.deep.equal([
        'transform',
      ]);
      el.action = post('status=500');
      submit(el);
      await oneEvent(el, 'mi-error');
      await el.updateComplete;
      const moving = [el, ...el.shadowRoot!.querySelectorAll('*')].flatMap((n) => n.getAnimations()).flatMap((a) => (a.effect as KeyframeEffect).getKeyframes());
      expect(moving.some((k) => 'transform' in k || 'translate' in k), 'no shake').to.equal(false);
    });

    it('reduced motion: the tick appears at once, the spinner pulses instead of spinning [chromium]', async () => {
      await emulateMedia({reducedMotion: 'reduce'});
      const el = await contactForm({delay: 0});
      await frames();
      expect(el.matches(':state(reduced-motion)')).to.equal(true);
      el.action = post('delay=200');
      submit(el);
      await oneEvent(el, 'mi-pending');
      await el.updateComplete;
      const spinner = shadow(el, '[part=icon]')!;
      expect(getComputedStyle(spinner).animationName).to.equal('pulse');
      await oneEvent(el, 'mi-success');
      await el.updateComplete;
      const icon = shadow(el, '[part=icon]')!;
      expect([icon, ...icon.querySelectorAll('*')].flatMap((n) => n.getAnimations())).to.have.length(0);
      expect(getComputedStyle(icon).opacity).to.equal('1');
      expect(getComputedStyle(shadow(el, 'rect')!).transform).to.equal('none');
      expect(statusText(el)).to.equal('Message sent');
    });
  });

  describe('forced colors', () => {
    let theme: HTMLStyleElement | undefined;
    afterEach(async () => {
      theme?.remove();
      await setForcedColors(false);
    });

    it('status text, spinner, tick and error icon use system colours, even over a themed icon [chromium]', async () => {
      // A page theme that colours the icon: in forced colors the user's colours must win.
      theme = document.head.appendChild(document.createElement('style'));
      theme.textContent = 'mi-confirm::part(icon) { color: rgb(109, 213, 140); }';
      await setForcedColors(true);
      const [canvasText, canvas, buttonText] = [systemColor('CanvasText'), systemColor('Canvas'), systemColor('ButtonText')];
      expect(canvasText).to.not.equal(canvas);
      const el = await fixture<MiConfirm>(html`<mi-confirm pending-delay="0" sticky><button>Pay</button></mi-confirm>`);
      let settle!: (ok: boolean) => void;
      el.action = () => new Promise((resolve, reject) => (settle = (ok) => (ok ? resolve('ok') : reject(new Error('Card declined')))));
      const icon = () => getComputedStyle(shadow(el, '[part=icon]')!);
      const visibleIn = (state: string) => {
        expect(getComputedStyle(shadow(el, '[part=status]')!).display, state).to.not.equal('none');
        expect(getComputedStyle(el.querySelector('[slot=status]')!).color, `${state} text`).to.equal(canvasText);
        expect(icon().stroke, `${state} icon`).to.equal(canvasText);
        expect(Number(icon().opacity), `${state} icon`).to.be.greaterThan(0.3);
      };
      button(el).click();
      await oneEvent(el, 'mi-pending');
      await frames();
      visibleIn('pending');
      settle(true);
      await oneEvent(el, 'mi-success');
      await frames();
      visibleIn('success');
      // The tick is drawn through a mask: its white (fully opaque) rect must not be recoloured.
      expect(getComputedStyle(shadow(el, 'mask rect')!).fill).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(shadow(el, 'path[mask]')!).stroke).to.equal(canvasText);
      await expect(el).to.be.accessible();
      button(el).click();
      settle(false);
      await oneEvent(el, 'mi-error');
      await frames();
      visibleIn('error');
      expect(statusText(el)).to.equal('Error: Card declined');
      const retry = getComputedStyle(shadow(el, '[part=retry]')!);
      expect(retry.color).to.equal(buttonText);
      expect(retry.borderTopStyle).to.not.equal('none');
      expect(parseFloat(retry.borderTopWidth)).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('bad input', () => {
    it('a throwing action, a non-promise return and hostile errors end well, with no unhandled rejection', async () => {
      const rejections = watchRejections();
      const el = await contactForm({delay: 300});
      el.action = () => {
        throw new Error('boom');
      };
      submit(el);
      await oneEvent(el, 'mi-error');
      expect(statusText(el)).to.equal('Error: boom');
      el.action = () => 42;
      submit(el);
      expect(((await oneEvent(el, 'mi-success')) as unknown as MiSuccessEvent).result).to.equal(42);
      el.isSuccess = () => false;
      submit(el);
      await oneEvent(el, 'mi-error');
      expect(statusText(el)).to.equal('Error: something went wrong');
      el.isSuccess = () => {
        throw new Error('bad check');
      };
      submit(el);
      await oneEvent(el, 'mi-error');
      el.isSuccess = null;
      const hostile = Object.defineProperty(new Error(), 'message', {
        get() {
          throw new Error('gotcha');
        },
      });
      el.action = () => Promise.reject(hostile);
      submit(el);
      await oneEvent(el, 'mi-error');
      expect(statusText(el)).to.equal('Error: something went wrong');
      el.action = () => ({then: () => {
        throw new Error('bad thenable');
      }});
      submit(el);
      await oneEvent(el, 'mi-error');
      await sleep(100);
      rejections.stop();
      expect(rejections.seen).to.have.length(0);
    });

    it('markup and 1 MB strings render as text and are cut', async () => {
      const el = await contactForm({delay: 300});
      el.action = () => Promise.reject('<img src=x onerror="window.__pwned=1">' + 'x'.repeat(1_000_000));
      submit(el);
      await oneEvent(el, 'mi-error');
      await el.updateComplete;
      expect(el.querySelector('img')).to.equal(null);
      expect(statusText(el).startsWith('Error: <img src=x')).to.equal(true);
      expect(statusText(el).length).to.equal(500);
      expect((window as {__pwned?: number}).__pwned).to.equal(undefined);
    });

    it('junk bus payloads never throw: unknown states warn once, others are ignored', async () => {
      const el = await fixture<MiConfirm>(html`<mi-confirm listen="junk"><button>Go</button></mi-confirm>`);
      const {warns, errors} = await captureConsole(async () => {
        bus.emit('junk', {state: 'explode'});
        bus.emit('junk', {state: 'explode!'});
        bus.emit('junk', 'success');
        bus.emit('junk', null);
        bus.emit('junk', 42);
        bus.emit('junk', JSON.parse('{"__proto__": {"state": "success"}, "state": 7}'));
        bus.emit('junk', {state: 'success', id: {toString: () => 'x'}});
        bus.emit('junk', new Proxy({}, {get: () => {
          throw new Error('trap');
        }}));
        await el.updateComplete;
      });
      expect(el.state).to.equal('idle');
      expect(errors).to.have.length(0);
      // One "unknown state" warning, one for the throwing proxy.
      expect(warns).to.have.length(2);
      bus.clear('junk');
    });

    it('junk durations fall back to defaults with one warning each; a junk state is replaced', async () => {
      const {result: el, warns} = await captureConsole(async () => {
        const el = await fixture<MiConfirm>(html`
          <mi-confirm pending-delay="abc" timeout="-5" state="exploded" duration="NaN"><button>Go</button></mi-confirm>
        `);
        el.action = () => sleep(20).then(() => 'ok');
        button(el).click();
        await oneEvent(el, 'mi-success');
        return el;
      });
      expect(el.state).to.equal('success');
      expect(warns.map((w) => String(w[0]))).to.have.length(3);
    });

    it('a non-function action is ignored with a warning', async () => {
      const el = await contactForm();
      const {warns} = await captureConsole(() => {
        (el as unknown as {action: unknown}).action = 'fetch("/evil")';
        const stop = (e: Event) => e.preventDefault();
        window.addEventListener('submit', stop);
        submit(el);
        submit(el);
        window.removeEventListener('submit', stop);
      });
      expect(warns).to.have.length(1);
      expect(el.state).to.equal('idle');
    });
  });

  describe('cleanup', () => {
    it("gives the control back with the app's own aria-disabled", async () => {
      const el = await fixture<MiConfirm>(html`<mi-confirm pending-delay="0"><button aria-disabled="false">Pay</button></mi-confirm>`);
      const pay = button(el);
      let finish!: () => void;
      el.action = () => new Promise<void>((r) => (finish = r));
      pay.click();
      await el.updateComplete;
      expect(pay.getAttribute('aria-disabled')).to.equal('true');
      finish();
      await waitUntil(() => el.state === 'success', 'no success');
      expect(pay.getAttribute('aria-disabled')).to.equal('false');
    });

    it('disconnecting while pending restores the control and stops timers, announcements and bus', async () => {
      const el = await fixture<MiConfirm>(html`<mi-confirm listen="gone" pending-delay="50"><button>Pay</button></mi-confirm>`);
      const pay = button(el);
      el.action = () => fetch(endpoint('delay=200'));
      pay.click();
      let events = 0;
      for (const type of ['mi-pending', 'mi-success', 'mi-error']) el.addEventListener(type, () => events++);
      const log = recordAnnouncements();
      await removeFromPage(el);
      expect(pay.hasAttribute('aria-disabled')).to.equal(false);
      expect(pay.hasAttribute('aria-describedby')).to.equal(false);
      expect(el.querySelector('[slot=status]')).to.equal(null);
      bus.emit('gone', {state: 'success'});
      await sleep(400);
      log.stop();
      expect(events).to.equal(0);
      expect(log.messages).to.have.length(0);
      bus.clear('gone');
    });

    it('moved while pending (disconnect + connect in one task), it keeps the run: one action, one outcome [chromium]', async () => {
      const el = await contactForm({delay: 50});
      const elsewhere = el.parentElement!.appendChild(document.createElement('section'));
      const send = button(el);
      let calls = 0;
      let resolve!: (response: Response) => void;
      el.action = () => (calls++, new Promise<Response>((r) => (resolve = r)));
      let successes = 0;
      el.addEventListener('mi-success', () => successes++);
      const log = recordAnnouncements();
      submit(el);
      await oneEvent(el, 'mi-pending');
      // A framework reordering its list: the same node is appended somewhere else.
      elsewhere.append(el);
      await sleep(0);
      expect(el.isConnected).to.equal(true);
      expect(el.state, 'pending survives the move').to.equal('pending');
      expect(statusText(el)).to.equal('Working…');
      expect(send.getAttribute('aria-disabled'), 'the control is still held').to.equal('true');
      submit(el);
      submit(el);
      await sleep(50);
      expect(calls, 'a second submit after the move is refused').to.equal(1);
      resolve(new Response('ok'));
      await oneEvent(el, 'mi-success');
      await el.updateComplete;
      expect(statusText(el)).to.equal('Message sent');
      expect(send.hasAttribute('aria-disabled')).to.equal(false);
      await waitUntil(() => log.texts().includes('Message sent'), 'success announced');
      await sleep(300);
      log.stop();
      expect(log.texts()).to.deep.equal(['Working…', 'Message sent']);
      expect(successes).to.equal(1);
      expect(el.querySelectorAll('[slot=status]')).to.have.length(1);
      expect((await axButton('Send'))?.description).to.equal('Message sent');
      await expect(el).to.be.accessible();
    });

    it('removed while pending and put back in a later task: the old run is over, a new submit runs again', async () => {
      const el = await contactForm({delay: 0});
      const parent = el.parentElement!;
      const send = button(el);
      let calls = 0;
      let finishFirst!: (value: string) => void;
      el.action = () => (++calls === 1 ? new Promise<string>((r) => (finishFirst = r)) : 'ok');
      let successes = 0;
      el.addEventListener('mi-success', () => successes++);
      submit(el);
      await oneEvent(el, 'mi-pending');
      el.remove();
      await sleep(0);
      expect(send.hasAttribute('aria-disabled'), 'the control is given back').to.equal(false);
      parent.append(el);
      await el.updateComplete;
      expect(el.state).to.equal('idle');
      // The first run's late outcome is ignored; the new run is not refused.
      finishFirst('late');
      await sleep(50);
      expect(successes).to.equal(0);
      submit(el);
      await oneEvent(el, 'mi-success');
      expect(calls).to.equal(2);
      expect(successes).to.equal(1);
      expect(statusText(el)).to.equal('Message sent');
    });

    it('a reconnected element works again [chromium]', async () => {
      const el = await contactForm();
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await el.updateComplete;
      el.action = post();
      submit(el);
      await oneEvent(el, 'mi-success');
      expect(el.querySelectorAll('[slot=status]')).to.have.length(1);
      expect((await axButton('Send'))?.description).to.equal('Message sent');
    });
  });
});
