import {expect, fixture, html} from '@open-wc/testing';
import {frames} from '../helpers.js';
import './fixtures.js';
import type {TestWidget} from './fixtures.js';

describe('TriggerController: waiting for for="id" targets', () => {
  it('many elements waiting in one root share one MutationObserver; each still follows its own target', async () => {
    const Native = window.MutationObserver;
    let made = 0;
    window.MutationObserver = class extends Native {
      constructor(callback: MutationCallback) {
        super(callback);
        made++;
      }
    };
    try {
      const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
      const widgets: TestWidget[] = [];
      let afterFirst = 0;
      for (let i = 0; i < 50; i++) {
        if (i === 1) {
          await widgets[0].updateComplete;
          afterFirst = made;
        }
        const widget = document.createElement('test-widget');
        widget.trigger = 'click';
        widget.htmlFor = `later-${i}`;
        wrap.append(widget);
        widgets.push(widget);
      }
      await Promise.all(widgets.map((w) => w.updateComplete));
      expect(afterFirst, 'the first waiting element observes its root').to.be.greaterThan(0);
      expect(made, 'observers for 50 waiting elements').to.equal(afterFirst);
      // The targets arrive later (as frameworks render them); each element wires its own.
      for (let i = 0; i < 50; i += 7) {
        const button = document.createElement('button');
        button.id = `later-${i}`;
        wrap.append(button);
      }
      await frames(1);
      for (let i = 0; i < 50; i += 7) wrap.querySelector<HTMLButtonElement>(`#later-${i}`)!.click();
      const fired = widgets.map((w, i) => (w.triggers.length ? i : -1)).filter((i) => i >= 0);
      expect(fired).to.deep.equal([0, 7, 14, 21, 28, 35, 42, 49]);
      // Removing every element releases the observer: a new waiting element makes a fresh one.
      wrap.replaceChildren();
      const late = document.createElement('test-widget');
      late.trigger = 'click';
      late.htmlFor = 'nope';
      wrap.append(late);
      await late.updateComplete;
      expect(made).to.equal(afterFirst + 1);
      late.remove();
    } finally {
      window.MutationObserver = Native;
    }
  });
});
