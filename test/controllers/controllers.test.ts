import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {emulateMedia, sendKeys} from '@web/test-runner-commands';
import {bus} from '../../src/core/bus.js';
import {BusController} from '../../src/controllers/bus-controller.js';
import {configure, resetConfig} from '../../src/core/config.js';
import {resetLoops} from '../../src/core/loops.js';
import {captureConsole, frames, recordAnnouncements, resetWarnings} from '../helpers.js';
import './fixtures.js';
import type {TestWidget} from './fixtures.js';

describe('controllers on a tiny element', () => {
  afterEach(async () => {
    bus.clear();
    resetConfig();
    resetLoops();
    await emulateMedia({reducedMotion: 'no-preference'});
  });

  describe('BusController', () => {
    it('applies the last message sent before the element existed, then live ones', async () => {
      bus.emit('widget', {value: 7, label: 'Early'});
      const el = await fixture<TestWidget>(html`<test-widget listen="widget"></test-widget>`);
      expect(el.value).to.equal(7);
      expect(el.shadowRoot!.querySelector('[part=label]')!.textContent).to.equal('Early');
      bus.emit('widget', {value: '9'});
      expect(el.value).to.equal(9);
    });

    it('patches documented properties only; junk is ignored with one warning, never thrown', async () => {
      resetWarnings();
      const el = await fixture<TestWidget>(html`<test-widget listen="w2"></test-widget>`);
      const {warns} = await captureConsole(() => {
        bus.emit('w2', {value: 'abc', hidden: true, innerHTML: '<b>x</b>', renders: 99});
        bus.emit('w2', JSON.parse('{"__proto__": {"polluted": 1}, "label": "<img src=x onerror=alert(1)>"}'));
        bus.emit('w2', 'not an object');
        bus.emit('w2', [1, 2]);
        bus.emit('w2', {value: 'abc'});
      });
      await el.updateComplete;
      expect(el.value).to.equal(0);
      expect(el.hidden).to.equal(false);
      expect(el.renders).to.be.lessThan(99);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part=label]')!.textContent).to.equal('<img src=x onerror=alert(1)>');
      expect(warns.length).to.equal(2);
    });

    it('re-subscribes when listen changes and unsubscribes on disconnect', async () => {
      const el = await fixture<TestWidget>(html`<test-widget listen="a"></test-widget>`);
      el.listen = 'b';
      await el.updateComplete;
      bus.emit('a', {value: 1});
      expect(el.value).to.equal(0);
      bus.emit('b', {value: 2});
      expect(el.value).to.equal(2);
      el.remove();
      bus.emit('b', {value: 3});
      expect(el.value).to.equal(2);
    });

    it('applies a message once per element: a move does not undo a later change; news sent while away is applied', async () => {
      bus.emit('moves', {label: 'From the server'});
      const wrap = await fixture<HTMLDivElement>(html`<div><p></p><p><test-widget listen="moves"></test-widget></p></div>`);
      const el = wrap.querySelector('test-widget')!;
      const [a, b] = wrap.querySelectorAll('p');
      const text = () => el.shadowRoot!.querySelector('[part=label]')!.textContent;
      await el.updateComplete;
      expect(text()).to.equal('From the server');
      el.label = 'Edited here';
      a.append(el);
      await el.updateComplete;
      expect(text(), 'moved: the old message is not applied again').to.equal('Edited here');
      el.remove();
      bus.emit('moves', {label: 'Sent while away'});
      b.append(el);
      await el.updateComplete;
      expect(text(), 'reconnected: what it missed is applied').to.equal('Sent while away');
      const fresh = await fixture<TestWidget>(html`<test-widget listen="moves"></test-widget>`);
      expect(fresh.label, 'a brand-new element starts from the last message').to.equal('Sent while away');
    });

    it('listening to a topic again after switching away is like new: its last message applies', async () => {
      bus.emit('room-x', {label: 'X'});
      bus.emit('room-y', {label: 'Y'});
      const el = await fixture<TestWidget>(html`<test-widget listen="room-x"></test-widget>`);
      expect(el.label).to.equal('X');
      el.listen = 'room-y';
      await el.updateComplete;
      expect(el.label).to.equal('Y');
      el.listen = 'room-x';
      await el.updateComplete;
      expect(el.label).to.equal('X');
    });

    it('tells the host when a message was sent and whether it is a replay', async () => {
      bus.emit('stamped', {value: 1});
      const sent = bus.lastMessage('stamped')!;
      await new Promise((r) => setTimeout(r, 30));
      const el = await fixture<TestWidget>(html`<test-widget></test-widget>`);
      const got: unknown[] = [];
      new BusController(el, {topics: () => 'stamped', onMessage: (detail, topic, info) => got.push([detail, topic, info])});
      expect(got).to.deep.equal([[{value: 1}, 'stamped', {time: sent.time, replay: true}]]);
      expect(performance.now() - sent.time).to.be.at.least(25);
      bus.emit('stamped', {value: 2});
      expect(got[1]).to.deep.equal([{value: 2}, 'stamped', {time: bus.lastMessage('stamped')!.time, replay: false}]);
      el.parentElement!.append(el);
      expect(got, 'a move replays nothing it already had').to.have.length(2);
      el.remove();
    });
  });

  describe('BusController with a bus from an older copy', () => {
    it('a page-wide bus without stamps (an older release loaded first) still delivers: last message on connect, then live ones', async () => {
      const key = Symbol.for('mi-elements/bus@1');
      const store = globalThis as unknown as Record<symbol, unknown>;
      const ours = Object.getOwnPropertyDescriptor(globalThis, key);
      const handlers = new Map<string, Set<(detail: unknown, topic: string) => void>>();
      const lastByTopic = new Map<string, unknown>();
      // The shape of release 0.1.0's bus: emit/on/last/clear, handlers get (detail, topic).
      const old = {
        emit(topic: string, detail: unknown) {
          lastByTopic.set(topic, detail);
          for (const h of handlers.get(topic) ?? []) h(detail, topic);
        },
        on(topic: string, handler: (detail: unknown, topic: string) => void) {
          if (!handlers.has(topic)) handlers.set(topic, new Set());
          handlers.get(topic)!.add(handler);
          return () => handlers.get(topic)!.delete(handler);
        },
        last: (topic: string) => lastByTopic.get(topic),
        clear: () => lastByTopic.clear(),
      };
      delete store[key];
      Object.defineProperty(globalThis, key, {value: old, configurable: true});
      try {
        old.emit('legacy', {label: 'Before'});
        const el = await fixture<TestWidget>(html`<test-widget listen="legacy"></test-widget>`);
        expect(el.label).to.equal('Before');
        old.emit('legacy', {value: 5});
        await el.updateComplete;
        expect(el.value).to.equal(5);
        el.remove();
        expect([...handlers.get('legacy')!]).to.have.length(0);
      } finally {
        delete store[key];
        if (ours) Object.defineProperty(globalThis, key, ours);
      }
    });
  });

  describe('TriggerController', () => {
    it('wires focus and click on the slotted control, and Tab reaches it', async () => {
      const el = await fixture<TestWidget>(html`<test-widget trigger="focus click"><button>Go</button></test-widget>`);
      await sendKeys({press: 'Tab'});
      el.querySelector('button')!.click();
      expect(el.triggers.map((t) => `${t.kind}:${t.active}`)).to.deep.equal(['focus:true', 'click:true']);
    });

    it('resolves for="id" in the same root, even when rendered a frame later', async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div><test-widget trigger="input" for="later"></test-widget></div>`);
      const input = document.createElement('input');
      input.id = 'later';
      wrap.append(input);
      await frames(2);
      input.dispatchEvent(new Event('input', {bubbles: true}));
      const el = wrap.querySelector('test-widget')!;
      expect(el.triggers.map((t) => t.kind)).to.deep.equal(['input']);
    });

    it('follows a for="id" target that the app re-creates (same id, new node)', async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div><test-widget trigger="click" for="target"></test-widget><button id="target">Old</button></div>`);
      const el = wrap.querySelector('test-widget')!;
      const fresh = document.createElement('button');
      fresh.id = 'target';
      wrap.querySelector('#target')!.replaceWith(fresh);
      await frames(1);
      fresh.click();
      expect(el.triggers.map((t) => t.kind)).to.deep.equal(['click']);
    });

    it('idle:N fires after N seconds without activity; unknown words warn once', async () => {
      resetWarnings();
      const {result: el, warns} = await captureConsole(() =>
        fixture<TestWidget>(html`<test-widget trigger="idle:0.2 wiggle"><span>t</span></test-widget>`)
      );
      await waitUntil(() => el.triggers.some((t) => t.kind === 'idle'), 'idle did not fire', {timeout: 2000});
      expect(warns).to.have.length(1);
    });

    it('removes listeners on disconnect', async () => {
      const el = await fixture<TestWidget>(html`<test-widget trigger="click"><button>Go</button></test-widget>`);
      const button = el.querySelector('button')!;
      el.remove();
      button.click();
      expect(el.triggers).to.have.length(0);
    });
  });

  describe('MiElement base', () => {
    it('flips :state(reduced-motion) live with the system, configure() and the attribute [chromium]', async () => {
      const el = await fixture<TestWidget>(html`<test-widget></test-widget>`);
      const reduced = () => el.matches(':state(reduced-motion)');
      expect(reduced()).to.equal(false);
      await emulateMedia({reducedMotion: 'reduce'});
      await waitUntil(reduced, 'did not follow the system');
      el.motion = 'full';
      await el.updateComplete;
      expect(reduced()).to.equal(false);
      el.motion = 'auto';
      configure({motion: 'full'});
      await el.updateComplete;
      expect(reduced()).to.equal(false);
    });

    it('announces through the shared announcer, honouring announce="off" and overrides', async () => {
      const el = await fixture<TestWidget>(html`<test-widget></test-widget>`);
      const log = recordAnnouncements();
      el.sayIt('One');
      el.announce = 'off';
      el.sayIt('Muted');
      el.announce = 'assertive';
      el.sayIt('Two');
      await waitUntil(() => log.messages.length === 2, 'expected two');
      log.stop();
      // Both were queued before the first write, so the assertive one goes first.
      expect(log.messages.map((m) => [m.message, m.politeness])).to.deep.equal([
        ['Two', 'assertive'],
        ['One', 'polite'],
      ]);
    });

    it('an outcome is spoken even if the app removes the element at once; a transient status is not', async () => {
      const el = await fixture<TestWidget>(html`<test-widget></test-widget>`);
      const log = recordAnnouncements();
      el.sayIt('Message sent');
      el.sayIt('Ana is typing…', true);
      el.remove();
      await waitUntil(() => log.messages.length === 1, 'the outcome was not spoken');
      await new Promise((r) => setTimeout(r, 400));
      log.stop();
      expect(log.texts()).to.deep.equal(['Message sent']);
    });

    it('strings come from configure() and fill placeholders', async () => {
      const el = await fixture<TestWidget>(html`<test-widget></test-widget>`);
      expect(el.label_('count', '{n} items')).to.equal('3 items');
      configure({strings: {count: '{n} Artikel'}});
      expect(el.label_('count', '{n} items')).to.equal('3 Artikel');
    });
  });

  describe('LoopController', () => {
    it('once: allowed until shown, remembered by a fresh element with the same key', async () => {
      const a = await fixture<TestWidget>(html`<test-widget once="intro"></test-widget>`);
      expect(a.loops.allowed()).to.equal(true);
      a.loops.shown();
      const b = await fixture<TestWidget>(html`<test-widget once="intro"></test-widget>`);
      expect(b.loops.allowed()).to.equal(false);
      const c = await fixture<TestWidget>(html`<test-widget once="intro-v2"></test-widget>`);
      expect(c.loops.allowed()).to.equal(true);
    });
  });
});

describe('TriggerController: every kind', () => {
  it('hover, submit, invalid and visible reach the element', async () => {
    const el = await fixture<TestWidget>(html`
      <test-widget trigger="hover submit invalid visible">
        <form><input required /><button>Send</button></form>
      </test-widget>
    `);
    const form = el.querySelector('form')!;
    // Firefox submits a form even for a synthetic submit event: keep the test page where it is.
    form.addEventListener('submit', (e) => e.preventDefault());
    form.dispatchEvent(new PointerEvent('pointerenter'));
    form.dispatchEvent(new PointerEvent('pointerleave'));
    form.querySelector('input')!.checkValidity();
    form.dispatchEvent(new SubmitEvent('submit', {bubbles: true, cancelable: true}));
    await waitUntil(() => el.triggers.some((t) => t.kind === 'visible'), 'visible did not fire');
    expect(el.triggers.map((t) => `${t.kind}:${t.active}`)).to.include.members([
      'hover:true',
      'hover:false',
      'invalid:true',
      'submit:true',
      'visible:true',
    ]);
  });

  it('first-visit fires once per connection', async () => {
    const el = await fixture<TestWidget>(html`<test-widget trigger="first-visit"><b>x</b></test-widget>`);
    await frames(2);
    expect(el.triggers.map((t) => t.kind)).to.deep.equal(['first-visit']);
  });

  it('warns once when the for target never appears', async () => {
    resetWarnings();
    const {warns} = await captureConsole(async () => {
      await fixture<TestWidget>(html`<test-widget trigger="click" for="nowhere"></test-widget>`);
      await new Promise((r) => setTimeout(r, 2100));
    });
    expect(warns).to.have.length(1);
    expect(String(warns[0][0])).to.contain('nowhere');
  });
});

describe('LoopController: times and snooze', () => {
  afterEach(() => resetLoops());

  it('times="2" allows two showings; a dismissal is remembered', async () => {
    const el = await fixture<TestWidget>(html`<test-widget once="tips" times="2"></test-widget>`);
    el.loops.shown();
    expect(el.loops.allowed()).to.equal(true);
    el.loops.shown();
    expect(el.loops.allowed()).to.equal(false);
    const other = await fixture<TestWidget>(html`<test-widget once="tips-b" times="5"></test-widget>`);
    other.loops.dismissed();
    expect(other.loops.allowed()).to.equal(false);
  });

  it('once + snooze: shown until dismissed, then hidden for the snooze', async () => {
    const el = await fixture<TestWidget>(html`<test-widget once="snoozy"></test-widget>`);
    el.snooze = 2;
    const rule = el.loops.rule();
    expect(rule?.times).to.equal(undefined);
    expect(rule?.snoozeDays).to.equal(2);
  });

  it('without a key there is no limit, and times without a key warns once', async () => {
    resetWarnings();
    const el = await fixture<TestWidget>(html`<test-widget times="1"></test-widget>`);
    const {warns} = await captureConsole(() => {
      el.loops.shown();
      el.loops.shown();
      expect(el.loops.allowed()).to.equal(true);
    });
    expect(warns).to.have.length(1);
  });
});
