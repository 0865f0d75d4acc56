// <mi-hint listen> and the bus's last message: a late element starts from it, but an element
// that already had it (and the user dismissed it) does not get it again when it is moved or
// re-connected, as frameworks do on re-render.
import {expect, fixture, html} from '@open-wc/testing';
import {bus} from '../../src/core/bus.js';
import {resetLoops} from '../../src/core/loops.js';
import '../../src/hint/define.js';
import type {MiHint} from '../../src/hint/mi-hint.js';
import {frames} from '../helpers.js';
import {events, isShown, part, pop} from './helpers.js';

/** A coach mark listening to `topic`, in section #b, with an empty #a to move it to (and an input before them). */
async function coachInSections(topic: string) {
  const wrap = await fixture<HTMLDivElement>(
    html`<div>
      <input aria-label="Reply" />
      <section id="a"></section>
      <section id="b"><mi-hint variant="coach" listen=${topic} heading="New" content="Export is in the menu"><button>Export</button></mi-hint></section>
    </div>`
  );
  const to = (id: 'a' | 'b') => wrap.querySelector(`#${id}`)!;
  return {el: wrap.querySelector('mi-hint')!, input: wrap.querySelector('input')!, to};
}

const settled = async (el: MiHint) => {
  await el.updateComplete;
  await frames();
  await Promise.all(pop(el).getAnimations().map((a) => a.finished));
};

describe('<mi-hint> and the bus’s last message', () => {
  afterEach(() => {
    bus.clear();
    resetLoops();
  });

  it('a coach mark opened from the bus and dismissed stays closed when moved or re-connected', async () => {
    const {el, to} = await coachInSections('replay-coach');
    const log = events(el);
    bus.emit('replay-coach', {open: true});
    await settled(el);
    expect(isShown(el)).to.equal(true);
    await expect(el).to.be.accessible();
    part(el, 'dismiss')!.click();
    await settled(el);
    expect(isShown(el)).to.equal(false);

    // A framework re-render moves it, then takes it out and puts it back.
    to('a').append(el);
    await settled(el);
    expect(isShown(el), 'moved').to.equal(false);
    el.remove();
    to('b').append(el);
    await settled(el);
    expect(isShown(el), 're-connected').to.equal(false);
    expect(log).to.deep.equal(['show', 'dismiss', 'hide:dismiss']);
    await expect(el).to.be.accessible();

    // Still listening: a new message is news and opens it again.
    bus.emit('replay-coach', {open: true, text: 'Import is there too'});
    await settled(el);
    expect(isShown(el)).to.equal(true);
    expect(part(el, 'text')!.textContent).to.equal('Import is there too');
  });

  it('a message sent while it was away opens it on reconnect', async () => {
    const el = await fixture<MiHint>(html`<mi-hint variant="coach" listen="replay-away" content="Old news"><button>Go</button></mi-hint>`);
    bus.emit('replay-away', {open: true});
    await settled(el);
    part(el, 'dismiss')!.click();
    await settled(el);
    const parent = el.parentElement!;
    el.remove();
    bus.emit('replay-away', {open: true, text: 'Fresh news'});
    parent.append(el);
    await settled(el);
    expect(isShown(el)).to.equal(true);
    expect(part(el, 'text')!.textContent).to.equal('Fresh news');
    await expect(el).to.be.accessible();
  });

  it('a brand-new coach mark connected after the message still opens (it shows the current state)', async () => {
    bus.emit('replay-late', {open: true, text: 'Sent before it existed'});
    const first = await fixture<MiHint>(html`<mi-hint variant="coach" listen="replay-late"><button>One</button></mi-hint>`);
    await settled(first);
    expect(isShown(first)).to.equal(true);
    part(first, 'dismiss')!.click();
    await settled(first);
    first.remove();
    const second = await fixture<MiHint>(html`<mi-hint variant="coach" listen="replay-late"><button>Two</button></mi-hint>`);
    await settled(second);
    expect(isShown(second)).to.equal(true);
    expect(part(second, 'text')!.textContent).to.equal('Sent before it existed');
    await expect(second).to.be.accessible();
  });

  it('a coach mark still showing (not dismissed) comes back with its element when a framework moves it', async () => {
    const {el, to} = await coachInSections('moved-coach');
    bus.emit('moved-coach', {open: true});
    await settled(el);
    expect(isShown(el)).to.equal(true);
    to('a').append(el);
    await settled(el);
    expect(isShown(el), 'shown after the move').to.equal(true);
    expect(el.open).to.equal(true);
    await expect(el).to.be.accessible();
    // The user can still dismiss it, and then it stays closed through another move.
    part(el, 'dismiss')!.click();
    await settled(el);
    to('b').append(el);
    await settled(el);
    expect(isShown(el), 'dismissed, then moved').to.equal(false);
  });

  it('a close sent while it was away wins over coming back; a move does not take focus from where the user is', async () => {
    const {el, input, to} = await coachInSections('away-coach');
    bus.emit('away-coach', {open: true});
    await settled(el);
    expect(isShown(el)).to.equal(true);
    // The user goes on typing elsewhere; the app re-orders the list: the coach mark comes back
    // with its element, and the caret stays in the reply box.
    input.focus();
    to('a').append(el);
    await settled(el);
    expect(isShown(el), 'shown after the move').to.equal(true);
    expect(document.activeElement, 'focus stays in the reply box').to.equal(input);
    // Taken out; the server closes it meanwhile; put back: it stays closed.
    el.remove();
    bus.emit('away-coach', {open: false});
    to('b').append(el);
    await settled(el);
    expect(isShown(el), 'closed while away').to.equal(false);
    // Likewise an app's hide() while it is away.
    bus.emit('away-coach', {open: true});
    await settled(el);
    expect(isShown(el)).to.equal(true);
    el.remove();
    el.hide();
    to('a').append(el);
    await settled(el);
    expect(isShown(el), 'hidden by the app while away').to.equal(false);
  });
});
