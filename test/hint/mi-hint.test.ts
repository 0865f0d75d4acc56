import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {a11ySnapshot, emulateMedia, findAccessibilityNode, resetMouse, sendKeys, sendMouse, setViewport} from '@web/test-runner-commands';
import {bus} from '../../src/core/bus.js';
import {configure, resetConfig} from '../../src/core/config.js';
import {readLoop, recordDismissed, resetLoops} from '../../src/core/loops.js';
import '../../src/hint/define.js';
import type {MiHint} from '../../src/hint/mi-hint.js';
import {breakStorage, captureConsole, frames, recordAnnouncements, resetWarnings, sleep} from '../helpers.js';
import {events, isShown, part, pop} from './helpers.js';

/** CDP-only commands (accessibility tree, media emulation) run on Chromium; Firefox (BiDi) gets equivalents. */
const chromium = navigator.userAgent.includes('Chrome/');

/** Reduced motion on: emulated media on Chromium, the page setting (same MotionController path) elsewhere. */
async function reduceMotion(on: boolean): Promise<void> {
  if (chromium) await emulateMedia({reducedMotion: on ? 'reduce' : 'no-preference'});
  else configure({motion: on ? 'reduce' : 'auto'});
}

type AXNode = {role?: string; name?: string; description?: string; focused?: boolean; children?: AXNode[]};

/** Waits for the fade-in to finish (axe and geometry read the settled box). */
const settled = (el: MiHint) => Promise.all(pop(el).getAnimations().map((a) => a.finished));
/** The arrow the styles draw for a cue (a graphic, hidden from assistive technology). */
const glyph = (el: MiHint) => getComputedStyle(part(el, 'cue')!, '::before').content;
const center = (r: DOMRect): [number, number] => [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];

/** The accessibility-tree node of the control named `name` (Chromium's tree, not attributes). */
async function axNode(name: string): Promise<AXNode | null> {
  const snapshot = await a11ySnapshot({});
  return findAccessibilityNode(snapshot as never, (n: AXNode) => n.name === name && n.role !== 'StaticText') as AXNode | null;
}

/**
 * The accessible description of the control labelled `name`: from Chromium's accessibility tree;
 * on Firefox (no CDP) from the text of its description elements.
 */
async function described(name: string): Promise<string> {
  if (chromium) return (await axNode(name))?.description ?? '';
  const control = document.querySelector(`[aria-label="${name}"]`);
  return [...(control?.ariaDescribedByElements ?? [])].map((e) => e.textContent).join(' ');
}


/** Fresh hint + fresh storage reads: what a page reload does to a hint (same localStorage). */
async function reload(template: () => ReturnType<typeof html>): Promise<MiHint> {
  document.querySelectorAll('mi-hint').forEach((h) => h.remove());
  return fixture<MiHint>(template());
}

describe('<mi-hint>', () => {
  afterEach(async () => {
    bus.clear();
    resetConfig();
    resetLoops();
    await resetMouse();
    await reduceMotion(false);
    await setViewport({width: 800, height: 600});
  });

  describe('rendering', () => {
    it('shows a tooltip in the top layer on focus, with its text as text, and hides it on blur', async () => {
      const el = await fixture<MiHint>(html`<mi-hint content="At least 8 characters"><input aria-label="Password" /></mi-hint>`);
      const log = events(el);
      expect(isShown(el)).to.equal(false);
      el.querySelector('input')!.focus();
      await el.updateComplete;
      expect(isShown(el)).to.equal(true);
      expect(el.open).to.equal(true);
      expect(el.hasAttribute('open')).to.equal(true);
      expect(part(el, 'text')!.textContent).to.equal('At least 8 characters');
      expect(pop(el).getAttribute('role')).to.equal('tooltip');
      el.querySelector('input')!.blur();
      await el.updateComplete;
      expect(isShown(el)).to.equal(false);
      expect(log).to.deep.equal(['show', 'hide:blur']);
    });

    it('show() and hide() open and close it from script', async () => {
      const el = await fixture<MiHint>(html`<mi-hint content="Scripted"><input aria-label="S" /></mi-hint>`);
      const log = events(el);
      expect(el.show()).to.equal(true);
      expect(el.show(), 'already showing').to.equal(true);
      await el.updateComplete;
      expect(isShown(el)).to.equal(true);
      el.hide();
      el.hide();
      el.dismiss();
      await el.updateComplete;
      expect(isShown(el)).to.equal(false);
      expect(log).to.deep.equal(['show', 'hide:method']);
    });

    it('shows within the next frame after focus', async () => {
      const el = await fixture<MiHint>(html`<mi-hint content="Fast"><input aria-label="Name" /></mi-hint>`);
      el.querySelector('input')!.focus();
      await frames(1);
      expect(isShown(el)).to.equal(true);
    });

    it('is legible in the first frame after focus (full motion: it slides in at full opacity; reduced: no movement)', async () => {
      for (const reduced of [false, true]) {
        await reduceMotion(reduced);
        const el = await fixture<MiHint>(html`<mi-hint content="Legible at once"><input aria-label="Name" /></mi-hint>`);
        await frames();
        el.querySelector('input')!.focus();
        // The first animation frame after focus: what this frame paints is what the user sees first.
        const seen = await new Promise<{open: boolean; opacity: number; rect: DOMRect; hit: Element | null; moving: string[]}>((resolve) =>
          requestAnimationFrame(() => {
            const text = part(el, 'text')!;
            let opacity = 1;
            for (let n: Element | null = text; n && n !== el.shadowRoot!.host; n = n.parentElement) opacity *= parseFloat(getComputedStyle(n).opacity);
            opacity *= parseFloat(getComputedStyle(el).opacity);
            const rect = text.getBoundingClientRect();
            const [x, y] = center(rect);
            resolve({
              open: pop(el).matches(':popover-open'),
              opacity,
              rect,
              hit: el.shadowRoot!.elementFromPoint(x, y),
              moving: pop(el)
                .getAnimations()
                .map((a) => (a as CSSTransition).transitionProperty),
            });
          })
        );
        expect(seen.open, `${reduced ? 'reduced' : 'full'} motion: open`).to.equal(true);
        expect(seen.opacity, `${reduced ? 'reduced' : 'full'} motion: effective opacity of the text`).to.be.at.least(0.6);
        expect(seen.rect.width > 0 && seen.rect.height > 0, 'laid out').to.equal(true);
        expect(seen.hit === part(el, 'text') || pop(el).contains(seen.hit), 'on top at its own centre').to.equal(true);
        // The entrance is movement only (never a fade that would dim the text below its contrast).
        expect(seen.moving).to.deep.equal(reduced ? [] : ['transform']);
        el.querySelector('input')!.blur();
      }
    });

    it('targets for="id" in the same root, including inside a shadow root', async () => {
      const host = await fixture<HTMLElement>(html`<div></div>`);
      const root = host.attachShadow({mode: 'open'});
      const input = document.createElement('input');
      input.id = 'dob';
      input.setAttribute('aria-label', 'Date of birth');
      const hint = document.createElement('mi-hint');
      hint.setAttribute('for', 'dob');
      hint.content = 'Format: DD/MM/YYYY';
      root.append(input, hint);
      await hint.updateComplete;
      input.focus();
      await hint.updateComplete;
      expect(isShown(hint)).to.equal(true);
      expect(input.ariaDescribedByElements?.[0]?.textContent).to.equal('Format: DD/MM/YYYY');
    });

    it('inline: renders in flow under the field, not in the top layer', async () => {
      const wrap = await fixture<HTMLElement>(
        html`<div><mi-hint variant="inline" content="We never share it"><input aria-label="Email" /></mi-hint></div>`
      );
      const inline = wrap.querySelector('mi-hint')!;
      expect(inline.shadowRoot!.querySelector('[popover]')).to.equal(null);
      expect(part(inline, 'inline')!.checkVisibility()).to.equal(false);
      inline.querySelector('input')!.focus();
      await inline.updateComplete;
      const box = part(inline, 'inline')!;
      expect(box.checkVisibility()).to.equal(true);
      expect(box.getBoundingClientRect().top).to.be.at.least(inline.querySelector('input')!.getBoundingClientRect().bottom);
      expect(box.textContent!.trim()).to.equal('We never share it');
    });

    it('coach: title, body, "Step k of n" and a "Got it" button, all overridable', async () => {
      const el = await fixture<MiHint>(
        html`<mi-hint variant="coach" heading="Filters" content="Narrow the results here" step="2" steps="3"><button>Filter</button></mi-hint>`
      );
      expect(isShown(el)).to.equal(false);
      el.show();
      await el.updateComplete;
      expect(isShown(el)).to.equal(true);
      expect(part(el, 'heading')!.textContent).to.equal('Filters');
      expect(part(el, 'text')!.textContent).to.equal('Narrow the results here');
      expect(part(el, 'step')!.textContent).to.equal('Step 2 of 3');
      expect(part(el, 'dismiss')!.textContent).to.equal('Got it');
      configure({strings: {'hint.step': '{step}/{steps}'}});
      el.dismissText = 'OK';
      await el.updateComplete;
      expect(part(el, 'step')!.textContent).to.equal('2/3');
      expect(part(el, 'dismiss')!.textContent).to.equal('OK');
      el.stepText = 'Last but one';
      el.steps = 1;
      await el.updateComplete;
      expect(part(el, 'step'), 'step > steps shows no step line').to.equal(null);
    });

    it('cue: an arrow plus a text equivalent; content replaces the default text', async () => {
      const el = await fixture<MiHint>(html`<mi-hint cue="swipe-left" variant="inline" open><div aria-label="Photos" role="region" tabindex="0">…</div></mi-hint>`);
      expect(glyph(el)).to.equal('"←"');
      expect(part(el, 'cue')!.getAttribute('aria-hidden')).to.equal('true');
      expect(part(el, 'text')!.textContent).to.equal('Swipe left for more');
      el.gesture = 'swipe-right';
      await el.updateComplete;
      expect(glyph(el)).to.equal('"→"');
      expect(part(el, 'text')!.textContent).to.equal('Swipe right for more');
      el.content = 'More photos →';
      await el.updateComplete;
      expect(part(el, 'text')!.textContent).to.equal('More photos →');
    });
  });

  describe('positioning', () => {
    const corners: Array<[string, string]> = [
      ['top-left', 'top:0;left:0'],
      ['top-right', 'top:0;right:0'],
      ['bottom-left', 'bottom:0;left:0'],
      ['bottom-right', 'bottom:0;right:0'],
    ];

    async function checkCorners() {
      await setViewport({width: 420, height: 320});
      for (const [name, where] of corners) {
        const el = await fixture<MiHint>(
          html`<mi-hint content="Use letters, numbers and at least one symbol, please"
            ><input aria-label="Password" style="position:fixed;${where};width:60px"
          /></mi-hint>`
        );
        el.querySelector('input')!.focus();
        await el.updateComplete;
        await settled(el);
        const r = pop(el).getBoundingClientRect();
        const t = el.querySelector('input')!.getBoundingClientRect();
        expect(r.left, `${name} left`).to.be.at.least(0);
        expect(r.top, `${name} top`).to.be.at.least(0);
        expect(r.right, `${name} right`).to.be.at.most(420);
        expect(r.bottom, `${name} bottom`).to.be.at.most(320);
        // Next to the target: directly above or below it, never over it.
        const gap = r.top >= t.bottom ? r.top - t.bottom : t.top - r.bottom;
        expect(gap, `${name} gap`).to.be.within(0, 20);
        el.remove();
      }
    }

    it('keeps the tooltip inside the viewport near all four edges (CSS anchor positioning)', async () => {
      await checkCorners();
    });

    it('does the same where CSS anchor positioning is missing (script fallback)', async () => {
      const supports = CSS.supports;
      CSS.supports = ((property: string, value: string) => property !== 'position-area' && supports(property, value)) as typeof CSS.supports;
      try {
        await checkCorners();
      } finally {
        CSS.supports = supports;
      }
    });

    it('places itself next to an SVG target too (no implicit anchor there: the script places it)', async () => {
      const el = await fixture<MiHint>(
        html`<mi-hint content="Opens the help centre"><svg tabindex="0" role="img" aria-label="Help" width="24" height="24" style="margin:200px 300px"></svg></mi-hint>`
      );
      el.querySelector('svg')!.focus();
      await el.updateComplete;
      await settled(el);
      const r = pop(el).getBoundingClientRect();
      const t = el.querySelector('svg')!.getBoundingClientRect();
      expect(t.top - r.bottom).to.be.within(0, 20);
      expect(Math.abs(r.left + r.width / 2 - (t.left + t.width / 2))).to.be.below(2);
      window.dispatchEvent(new Event('resize'));
      expect(pop(el).getBoundingClientRect().top).to.equal(r.top);
    });

    it('is not clipped by an overflow: hidden ancestor', async () => {
      const box = await fixture<HTMLElement>(
        html`<div style="overflow:hidden;width:140px;height:40px;margin:120px 0 0 200px">
          <mi-hint content="A hint wider and taller than the box that holds its field"><input aria-label="Code" style="width:100px" /></mi-hint>
        </div>`
      );
      const el = box.querySelector('mi-hint')!;
      el.querySelector('input')!.focus();
      await el.updateComplete;
      await settled(el);
      const r = pop(el).getBoundingClientRect();
      const b = box.getBoundingClientRect();
      expect(r.bottom).to.be.at.most(b.top + 1);
      expect(document.elementFromPoint(...center(r))).to.equal(el);
    });

    it('shows above an open modal dialog when its target is inside it; Esc closes the hint, not the dialog', async () => {
      const dialog = await fixture<HTMLDialogElement>(
        html`<dialog aria-label="Checkout"><p>Card</p><mi-hint content="16 digits, no spaces"><input aria-label="Card number" /></mi-hint></dialog>`
      );
      const el = dialog.querySelector('mi-hint')!;
      dialog.showModal();
      dialog.querySelector('input')!.focus();
      await el.updateComplete;
      await settled(el);
      expect(isShown(el)).to.equal(true);
      expect(document.elementFromPoint(...center(pop(el).getBoundingClientRect()))).to.equal(el);
      await sendKeys({press: 'Escape'});
      await el.updateComplete;
      expect(isShown(el)).to.equal(false);
      expect(dialog.open).to.equal(true);
      dialog.close();
    });
  });

  describe('accessibility', () => {
    it('the target’s description in the accessibility tree is the hint, and is gone after removal', async () => {
      const el = await fixture<MiHint>(html`<mi-hint content="At least 8 characters"><input aria-label="Password" /></mi-hint>`);
      expect(await described('Password'), 'described before focus, read with the control').to.equal('At least 8 characters');
      el.querySelector('input')!.focus();
      await el.updateComplete;
      expect(await described('Password')).to.equal('At least 8 characters');
      el.content = 'At least 12 characters';
      await el.updateComplete;
      expect(await described('Password')).to.equal('At least 12 characters');
      const input = el.querySelector('input')!;
      el.replaceWith(input);
      expect(await described('Password')).to.equal('');
      expect(input.hasAttribute('aria-describedby')).to.equal(false);
    });

    it('keeps and restores a description the target already had', async () => {
      const wrap = await fixture<HTMLElement>(
        html`<div><p id="help">Used to sign in</p><input id="user" aria-label="User name" aria-describedby="help" /><mi-hint for="user" content="Letters only"></mi-hint></div>`
      );
      expect(await described('User name')).to.equal('Used to sign in Letters only');
      wrap.querySelector('mi-hint')!.remove();
      expect(await described('User name')).to.equal('Used to sign in');
      expect(wrap.querySelector('input')!.getAttribute('aria-describedby')).to.equal('help');
    });

    it('two hints on one field: each adds and takes away only its own text', async () => {
      const wrap = await fixture<HTMLElement>(
        html`<div><input id="mail" aria-label="Mail" aria-describedby="mail-help" /><p id="mail-help">Work address</p>
          <mi-hint id="h1" for="mail" content="We never share it"></mi-hint>
          <mi-hint id="h2" for="mail" content="Required"></mi-hint></div>`
      );
      expect(await described('Mail')).to.equal('Work address We never share it Required');
      wrap.querySelector('#h1')!.remove();
      expect(await described('Mail')).to.equal('Work address Required');
      wrap.querySelector('#h2')!.remove();
      expect(await described('Mail')).to.equal('Work address');
    });

    it('an invalid-triggered hint describes the field only while it shows', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><mi-hint trigger="invalid" variant="inline" content="Enter your email"><input aria-label="Email" type="email" required /></mi-hint></form>`
      );
      expect(await described('Email')).to.equal('');
      form.checkValidity();
      await form.querySelector('mi-hint')!.updateComplete;
      expect(await described('Email')).to.equal('Enter your email');
      await expect(form.querySelector('mi-hint')).to.be.accessible();
    });

    it('a once-hint stops describing the field once it has had its showing', async () => {
      const el = await fixture<MiHint>(html`<mi-hint once="pw-tip" content="Use a passphrase"><input aria-label="Passphrase" /></mi-hint>`);
      el.querySelector('input')!.focus();
      await el.updateComplete;
      expect(await described('Passphrase')).to.equal('Use a passphrase');
      el.querySelector('input')!.blur();
      await el.updateComplete;
      expect(await described('Passphrase')).to.equal('');
    });

    it('coach mark: a dialog named by its title and described by its body', async () => {
      const el = await fixture<MiHint>(html`<mi-hint variant="coach" heading="Filters" content="Narrow results"><button>Filter</button></mi-hint>`);
      el.show();
      await el.updateComplete;
      if (chromium) {
        const dialog = (await axNode('Filters')) as AXNode;
        expect(dialog.role).to.equal('dialog');
        expect(dialog.description).to.equal('Narrow results');
      }
      const byId = (id: string | null) => el.shadowRoot!.getElementById(id ?? '')?.textContent;
      expect(pop(el).getAttribute('role')).to.equal('dialog');
      expect(byId(pop(el).getAttribute('aria-labelledby'))).to.equal('Filters');
      expect(byId(pop(el).getAttribute('aria-describedby'))).to.equal('Narrow results');
      el.heading = '';
      await el.updateComplete;
      if (chromium) expect((await axNode('Narrow results'))?.role).to.equal('dialog');
      expect(byId(pop(el).getAttribute('aria-labelledby'))).to.equal('Narrow results');
    });

    it('passes axe in every variant and state', async () => {
      const tooltip = await fixture<MiHint>(html`<mi-hint content="Tip"><input aria-label="A" /></mi-hint>`);
      await expect(tooltip).to.be.accessible();
      tooltip.show();
      await tooltip.updateComplete;
      await settled(tooltip);
      await expect(tooltip).to.be.accessible();
      const inline = await fixture<MiHint>(html`<mi-hint variant="inline" open content="Inline tip"><input aria-label="B" /></mi-hint>`);
      await expect(inline).to.be.accessible();
      const coach = await fixture<MiHint>(html`<mi-hint variant="coach" heading="New" content="Body" step="1" steps="2"><button>C</button></mi-hint>`);
      await expect(coach).to.be.accessible();
      coach.show();
      await coach.updateComplete;
      await settled(coach);
      await expect(coach).to.be.accessible();
      const cue = await fixture<MiHint>(html`<mi-hint cue="scroll"><div role="region" aria-label="List" tabindex="0">…</div></mi-hint>`);
      cue.show();
      await cue.updateComplete;
      await settled(cue);
      await expect(cue).to.be.accessible();
      await reduceMotion(true);
      await expect(cue).to.be.accessible();
    });

    it('passes axe (colour contrast included) at the first frame of its entrance, in every variant', async () => {
      for (const reduced of [false, true]) {
        await reduceMotion(reduced);
        const hints = [
          await fixture<MiHint>(html`<mi-hint content="Tip"><input aria-label="A" /></mi-hint>`),
          await fixture<MiHint>(html`<mi-hint variant="coach" heading="New" content="Body" step="1" steps="2"><button>C</button></mi-hint>`),
          await fixture<MiHint>(html`<mi-hint cue="swipe-left"><div role="region" aria-label="List" tabindex="0">…</div></mi-hint>`),
          await fixture<MiHint>(html`<mi-hint variant="inline" content="Inline tip"><input aria-label="B" /></mi-hint>`),
        ];
        for (const el of hints) {
          el.show();
          await el.updateComplete;
          // Held at the entrance's first frame while axe reads colours and boxes.
          const entrance = el.shadowRoot!.querySelector('[part~=hint]')!.getAnimations();
          for (const a of entrance) {
            a.pause();
            a.currentTime = 0;
          }
          expect(entrance.length > 0, `${reduced ? 'reduced' : 'full'} motion: ${el.variant} has an entrance`).to.equal(!reduced && el.variant !== 'inline');
          await expect(el).to.be.accessible();
          for (const a of entrance) a.finish();
        }
      }
    });
  });

  describe('announcements', () => {
    it('a hint shown where the user already is (focus) is not announced; one shown by the system is, once', async () => {
      const log = recordAnnouncements();
      const el = await fixture<MiHint>(html`<mi-hint content="Focus tip"><input aria-label="A" /></mi-hint>`);
      el.querySelector('input')!.focus();
      await fixture<MiHint>(html`<mi-hint trigger="first-visit" content="New here? Start with search"><input aria-label="Search" /></mi-hint>`);
      await waitUntil(() => log.texts().includes('New here? Start with search'), 'first-visit hint announced', {timeout: 3000});
      await sleep(400);
      log.stop();
      expect(log.texts().filter((t) => t === 'New here? Start with search')).to.have.length(1);
      expect(log.texts()).to.not.include('Focus tip');
      expect(log.messages.find((m) => m.message === 'New here? Start with search')!.politeness).to.equal('polite');
    });

    it('a coach mark takes focus instead of being announced; announce="off" silences', async () => {
      const log = recordAnnouncements();
      const coach = await fixture<MiHint>(html`<mi-hint variant="coach" heading="Hi" content="Coach body"><button>X</button></mi-hint>`);
      coach.show();
      const quiet = await fixture<MiHint>(html`<mi-hint announce="off" content="Quiet tip"><input aria-label="Q" /></mi-hint>`);
      quiet.show();
      await sleep(500);
      log.stop();
      expect(log.texts()).to.not.include('Coach body');
      expect(log.texts()).to.not.include('Quiet tip');
    });
  });

  describe('triggers & bus', () => {
    it('Esc hides (a deliberate dismissal) without moving focus', async () => {
      const el = await fixture<MiHint>(html`<mi-hint content="Esc me"><input aria-label="A" /></mi-hint>`);
      const log = events(el);
      const input = el.querySelector('input')!;
      input.focus();
      await el.updateComplete;
      await sendKeys({press: 'Escape'});
      await el.updateComplete;
      expect(isShown(el)).to.equal(false);
      expect(document.activeElement).to.equal(input);
      expect(log).to.deep.equal(['show', 'dismiss', 'hide:escape']);
      await sendKeys({press: 'Escape'});
      expect(log, 'Esc while hidden does nothing').to.have.length(3);
    });

    it('an Esc the page already handled (preventDefault) is left alone', async () => {
      const el = await fixture<MiHint>(html`<mi-hint content="Stay"><input aria-label="A" /></mi-hint>`);
      const input = el.querySelector('input')!;
      input.addEventListener('keydown', (e) => e.key === 'Escape' && e.preventDefault());
      input.focus();
      await el.updateComplete;
      await sendKeys({press: 'Escape'});
      await el.updateComplete;
      expect(isShown(el)).to.equal(true);
    });

    it('hovering shows; the pointer can move onto the tooltip without it closing; leaving hides', async () => {
      const el = await fixture<MiHint>(html`<mi-hint content="Hover me, then come over here"><input aria-label="A" style="margin:100px 0 0 100px" /></mi-hint>`);
      const log = events(el);
      await sendMouse({type: 'move', position: center(el.querySelector('input')!.getBoundingClientRect())});
      await el.updateComplete;
      expect(isShown(el)).to.equal(true);
      await sendMouse({type: 'move', position: center(pop(el).getBoundingClientRect())});
      await sleep(300);
      expect(isShown(el), 'still open with the pointer on the tooltip').to.equal(true);
      await sendMouse({type: 'move', position: [700, 550]});
      await waitUntil(() => !isShown(el), 'hidden after pointer leave', {timeout: 1000});
      expect(log).to.deep.equal(['show', 'hide:leave']);
    });

    it('stays while focused even when the pointer leaves', async () => {
      const el = await fixture<MiHint>(html`<mi-hint content="Still here"><input aria-label="A" style="margin:100px" /></mi-hint>`);
      const input = el.querySelector('input')!;
      await sendMouse({type: 'move', position: center(input.getBoundingClientRect())});
      input.focus();
      await sendMouse({type: 'move', position: [700, 550]});
      await sleep(300);
      expect(isShown(el)).to.equal(true);
    });

    it('touch: a tap toggles it and the control still gets its own tap (emulated with pointerType "touch")', async () => {
      // NOTE: WTR has no touch command; a touch tap is emulated with the PointerEvents a finger
      // produces (pointerenter … pointerleave with pointerType "touch") followed by the click.
      const el = await fixture<MiHint>(html`<mi-hint content="Tap tip"><button>Pay</button></mi-hint>`);
      const button = el.querySelector('button')!;
      let clicks = 0;
      button.addEventListener('click', (e) => !e.defaultPrevented && clicks++);
      const tap = async () => {
        button.dispatchEvent(new PointerEvent('pointerenter', {pointerType: 'touch'}));
        button.dispatchEvent(new PointerEvent('pointerleave', {pointerType: 'touch'}));
        button.click();
        await el.updateComplete;
        await sleep(200);
      };
      await tap();
      expect(isShown(el)).to.equal(true);
      await tap();
      expect(isShown(el)).to.equal(false);
      await tap();
      expect(isShown(el)).to.equal(true);
      expect(clicks).to.equal(3);
    });

    it('click toggles; a click outside closes it', async () => {
      const el = await fixture<MiHint>(html`<mi-hint trigger="click" content="Clicked"><button style="margin:100px">Info</button></mi-hint>`);
      const log = events(el);
      const button = el.querySelector('button')!;
      await sendMouse({type: 'click', position: center(button.getBoundingClientRect())});
      await el.updateComplete;
      expect(isShown(el)).to.equal(true);
      await sendMouse({type: 'click', position: center(button.getBoundingClientRect())});
      await el.updateComplete;
      expect(isShown(el)).to.equal(false);
      await sendMouse({type: 'click', position: center(button.getBoundingClientRect())});
      await sendMouse({type: 'click', position: [700, 550]});
      await el.updateComplete;
      expect(isShown(el)).to.equal(false);
      expect(log).to.deep.equal(['show', 'hide:click', 'show', 'hide:outside']);
    });

    it('input shows while typing; invalid shows until the field is valid', async () => {
      const el = await fixture<MiHint>(html`<mi-hint trigger="input" content="Typing…"><input aria-label="A" /></mi-hint>`);
      el.querySelector('input')!.focus();
      await el.updateComplete;
      expect(isShown(el)).to.equal(false);
      await sendKeys({type: 'x'});
      await el.updateComplete;
      expect(isShown(el)).to.equal(true);

      const form = await fixture<HTMLFormElement>(
        html`<form><mi-hint trigger="invalid" variant="inline" content="Enter an email like ana@example.com"><input aria-label="Email" type="email" required /></mi-hint></form>`
      );
      const hint = form.querySelector('mi-hint')!;
      const log = events(hint);
      form.requestSubmit();
      await hint.updateComplete;
      expect(hint.open).to.equal(true);
      form.querySelector('input')!.blur();
      await hint.updateComplete;
      expect(hint.open, 'an error hint stays after blur').to.equal(true);
      form.querySelector('input')!.focus();
      await sendKeys({type: 'ana'});
      expect(hint.open).to.equal(true);
      await sendKeys({type: '@example.com'});
      await hint.updateComplete;
      expect(hint.open).to.equal(false);
      expect(log).to.deep.equal(['show', 'hide:valid']);
    });

    it('idle:N shows after N seconds without activity; first-visit shows on arrival', async () => {
      const idle = await fixture<MiHint>(html`<mi-hint trigger="idle:0.2" content="Need help?"><input aria-label="A" /></mi-hint>`);
      expect(idle.open).to.equal(false);
      await waitUntil(() => idle.open, 'idle hint', {timeout: 1500});
      const first = await fixture<MiHint>(html`<mi-hint trigger="first-visit" content="Welcome"><input aria-label="B" /></mi-hint>`);
      await waitUntil(() => first.open, 'first-visit hint', {timeout: 1000});
    });

    it('visible: shows when the target scrolls into view', async () => {
      const el = await fixture<MiHint>(html`<mi-hint trigger="visible" cue="scroll"><div role="region" aria-label="Feed" tabindex="0">Feed</div></mi-hint>`);
      await waitUntil(() => el.open, 'visible cue', {timeout: 1000});
      expect(isShown(el)).to.equal(true);
    });

    it('a cue is dismissed by doing the gesture, and remembered', async () => {
      const el = await fixture<MiHint>(
        html`<mi-hint cue="swipe-left" trigger="first-visit" once="carousel" variant="inline"
          ><div role="region" aria-label="Photos" tabindex="0" style="overflow-x:auto;width:200px;white-space:nowrap">
            <span style="display:inline-block;width:500px">Wide</span>
          </div></mi-hint
        >`
      );
      const log = events(el);
      await waitUntil(() => el.open, 'cue shows', {timeout: 1000});
      const scroller = el.querySelector('div')!;
      scroller.scrollLeft = 100;
      await waitUntil(() => !el.open, 'cue hides on scroll', {timeout: 1000});
      expect(log).to.deep.equal(['show', 'dismiss', 'hide:gesture']);
      expect(readLoop('carousel').dismissedAt).to.be.greaterThan(0);
    });

    it('bus: {open, text} shows it with that text, {open: false} hides it; a late element gets the last message', async () => {
      bus.emit('tips', {open: true, text: 'Server says hi'});
      const el = await fixture<MiHint>(html`<mi-hint listen="tips"><input aria-label="A" /></mi-hint>`);
      await el.updateComplete;
      expect(isShown(el)).to.equal(true);
      expect(part(el, 'text')!.textContent).to.equal('Server says hi');
      bus.emit('tips', {open: false});
      await el.updateComplete;
      expect(isShown(el)).to.equal(false);
      bus.emit('tips', {content: 'Quietly changed', step: 2});
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(el.content).to.equal('Quietly changed');
    });

    it('coach mark: focus moves in on open and back on close; "Got it" remembers', async () => {
      const wrap = await fixture<HTMLElement>(
        html`<div><button id="start">Start</button><mi-hint variant="coach" once="filters-v1" heading="Filters" content="Narrow results" trigger="click"><button>Filter</button></mi-hint></div>`
      );
      const el = wrap.querySelector('mi-hint')!;
      const start = wrap.querySelector<HTMLButtonElement>('#start')!;
      start.focus();
      expect(el.show()).to.equal(true);
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'dismiss'));
      if (chromium) expect((await axNode('Got it'))?.focused).to.equal(true);
      const dismissed = oneEvent(el, 'mi-dismiss');
      await sendKeys({press: 'Enter'});
      await dismissed;
      await el.updateComplete;
      expect(isShown(el)).to.equal(false);
      expect(document.activeElement).to.equal(start);
      const again = await reload(
        () => html`<mi-hint variant="coach" once="filters-v1" heading="Filters" content="Narrow results"><button>Filter</button></mi-hint>`
      );
      expect(again.show(), 'remembered across a reload').to.equal(false);
      const renamed = await reload(
        () => html`<mi-hint variant="coach" once="filters-v2" heading="Filters" content="Narrow results"><button>Filter</button></mi-hint>`
      );
      expect(renamed.show(), 'a new key shows it again').to.equal(true);
    });

    it('coach marks ignore focus and hover; Esc closes them and returns focus', async () => {
      const el = await fixture<MiHint>(html`<mi-hint variant="coach" content="Hi"><button>Go</button></mi-hint>`);
      const button = el.querySelector('button')!;
      button.focus();
      await el.updateComplete;
      expect(el.open).to.equal(false);
      el.show();
      await el.updateComplete;
      await sendKeys({press: 'Escape'});
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(document.activeElement).to.equal(button);
    });

    it('a three-step first-visit tour: "Got it" goes on; a later visit resumes where it stopped', async () => {
      const tour = () =>
        html`<div>
          <button id="a">Search</button><button id="b">Filter</button><button id="c">Save</button>
          <mi-hint id="s1" for="a" variant="coach" trigger="first-visit" once="tour-1" next="s2" step="1" steps="3" content="Search"></mi-hint>
          <mi-hint id="s2" for="b" variant="coach" trigger="" once="tour-2" next="s3" step="2" steps="3" content="Filter"></mi-hint>
          <mi-hint id="s3" for="c" variant="coach" trigger="" once="tour-3" step="3" steps="3" content="Save"></mi-hint>
        </div>`;
      let wrap = await fixture<HTMLElement>(tour());
      const step = (id: string) => wrap.querySelector<MiHint>(`#${id}`)!;
      await waitUntil(() => step('s1').open, 'step 1', {timeout: 1000});
      step('s1').shadowRoot!.querySelector<HTMLElement>('[part=dismiss]')!.click();
      await step('s2').updateComplete;
      expect(step('s1').open).to.equal(false);
      expect(step('s2').open).to.equal(true);
      expect(step('s2').shadowRoot!.activeElement).to.equal(part(step('s2'), 'dismiss'));
      // Reload mid-tour: step 1 is done, so step 2 shows first.
      wrap.remove();
      wrap = await fixture<HTMLElement>(tour());
      await waitUntil(() => step('s2').open, 'resumed at step 2', {timeout: 1000});
      expect(step('s1').open).to.equal(false);
      step('s2').dismiss();
      await step('s3').updateComplete;
      expect(step('s3').open).to.equal(true);
      step('s3').dismiss();
      wrap.remove();
      wrap = await fixture<HTMLElement>(tour());
      await sleep(100);
      expect([...wrap.querySelectorAll('mi-hint')].some((h) => h.open), 'a finished tour stays finished').to.equal(false);
    });
  });

  describe('loops', () => {
    const focusOnce = async (el: MiHint) => {
      const input = el.querySelector('input')!;
      input.focus();
      await el.updateComplete;
      const shown = el.open;
      input.blur();
      await el.updateComplete;
      return shown;
    };

    it('once: shown once, across a reload; a new key shows it again', async () => {
      let el = await fixture<MiHint>(html`<mi-hint once="dob-v1" content="DD/MM/YYYY"><input aria-label="Born" /></mi-hint>`);
      expect(await focusOnce(el)).to.equal(true);
      expect(await focusOnce(el)).to.equal(false);
      el = await reload(() => html`<mi-hint once="dob-v1" content="DD/MM/YYYY"><input aria-label="Born" /></mi-hint>`);
      expect(await focusOnce(el)).to.equal(false);
      el = await reload(() => html`<mi-hint once="dob-v2" content="DD/MM/YYYY"><input aria-label="Born" /></mi-hint>`);
      expect(await focusOnce(el)).to.equal(true);
    });

    it('times="N": N showings in all, across reloads', async () => {
      const make = () => html`<mi-hint once="pw" times="3" content="Rules"><input aria-label="P" /></mi-hint>`;
      let el = await fixture<MiHint>(make());
      expect(await focusOnce(el)).to.equal(true);
      expect(await focusOnce(el)).to.equal(true);
      el = await reload(make);
      expect(await focusOnce(el)).to.equal(true);
      el = await reload(make);
      expect(await focusOnce(el)).to.equal(false);
    });

    it('snooze="days": a dismissal hides it for that long, then it comes back', async () => {
      const make = () => html`<mi-hint once="news" snooze="2" content="New: dark mode"><input aria-label="N" /></mi-hint>`;
      let el = await fixture<MiHint>(make());
      expect(await focusOnce(el)).to.equal(true);
      expect(await focusOnce(el), 'not dismissed yet: shows again').to.equal(true);
      el.querySelector('input')!.focus();
      await el.updateComplete;
      await sendKeys({press: 'Escape'});
      el = await reload(make);
      expect(await focusOnce(el), 'snoozed').to.equal(false);
      recordDismissed('news', Date.now() - 3 * 86_400_000);
      el = await reload(make);
      expect(await focusOnce(el), 'snooze over').to.equal(true);
    });

    it('storage that throws: still shows, and once holds for the page', async () => {
      resetWarnings();
      const restoreStorage = breakStorage();
            try {
        const {warns} = await captureConsole(async () => {
          let el = await fixture<MiHint>(html`<mi-hint once="private" content="Works anyway"><input aria-label="S" /></mi-hint>`);
          expect(await focusOnce(el)).to.equal(true);
          expect(await focusOnce(el)).to.equal(false);
          el = await reload(() => html`<mi-hint once="private" content="Works anyway"><input aria-label="S" /></mi-hint>`);
          expect(await focusOnce(el)).to.equal(false);
        });
        expect(warns).to.have.length(1);
      } finally {
        restoreStorage();
      }
    });
  });

  describe('reduced motion', () => {
    it('the cue moves under full motion and is a static arrow with the same text under reduced motion', async () => {
      const el = await fixture<MiHint>(html`<mi-hint cue="swipe-right" variant="inline" open><div role="region" aria-label="R" tabindex="0">…</div></mi-hint>`);
      expect(part(el, 'cue')!.getAnimations()).to.have.length(1);
      await reduceMotion(true);
      await el.updateComplete;
      await frames();
      expect(part(el, 'cue')!.getAnimations()).to.have.length(0);
      expect(glyph(el)).to.equal('"→"');
      expect(part(el, 'text')!.textContent).to.equal('Swipe right for more');
    });

    it('the tooltip appears without sliding under reduced motion', async () => {
      await reduceMotion(true);
      const el = await fixture<MiHint>(html`<mi-hint content="Still"><input aria-label="A" /></mi-hint>`);
      el.querySelector('input')!.focus();
      await el.updateComplete;
      expect(pop(el).getAnimations()).to.have.length(0);
      expect(getComputedStyle(pop(el)).transform).to.equal('none');
    });

    it('motion="reduce" forces it per element', async () => {
      const el = await fixture<MiHint>(html`<mi-hint motion="reduce" cue="tap" variant="inline" open><button>T</button></mi-hint>`);
      await frames();
      expect(part(el, 'cue')!.getAnimations()).to.have.length(0);
    });
  });

  describe('bad input', () => {
    it('an unknown for="id" does not throw; show() still works without a target', async () => {
      const el = await fixture<MiHint>(html`<mi-hint for="nope" content="Orphan"></mi-hint>`);
      expect(() => el.show()).to.not.throw();
      await el.updateComplete;
      expect(isShown(el)).to.equal(true);
      el.remove();
    });

    it('markup in text renders as text, in the hint and in the description', async () => {
      const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
      const el = await fixture<MiHint>(html`<mi-hint content=${evil} heading=${evil} variant="coach"><input aria-label="X" /></mi-hint>`);
      el.show();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
      expect(el.querySelector('img, b')).to.equal(null);
      expect(part(el, 'text')!.textContent).to.equal(evil);
      expect(part(el, 'heading')!.textContent).to.equal(evil);
      expect((window as unknown as {__pwned?: number}).__pwned).to.equal(undefined);
    });

    it('junk attributes warn once each and fall back; no throw', async () => {
      resetWarnings();
      const {warns} = await captureConsole(async () => {
        const el = await fixture<MiHint>(
          html`<mi-hint variant="banana" cue="__proto__" times="-3" snooze="abc" step="x" steps="0" trigger="focus wiggle" content="Still a tooltip"
            ><input aria-label="J"
          /></mi-hint>`
        );
        el.querySelector('input')!.focus();
        await el.updateComplete;
        expect(isShown(el)).to.equal(true);
        expect(part(el, 'cue')).to.equal(null);
        expect(el.times).to.equal(null);
      });
      // variant, cue, times, snooze, step, steps, trigger
      expect(warns).to.have.length(7);
    });

    it('junk bus payloads are ignored; huge text is capped', async () => {
      resetWarnings();
      const el = await fixture<MiHint>(html`<mi-hint listen="junk"><input aria-label="K" /></mi-hint>`);
      const {warns} = await captureConsole(() => {
        bus.emit('junk', 'open');
        bus.emit('junk', JSON.parse('{"__proto__": {"open": true}, "open": "yes"}'));
        bus.emit('junk', {content: 'x'.repeat(1_000_000)});
      });
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(({} as {open?: unknown}).open).to.equal(undefined);
      expect(el.content.length).to.equal(10_000);
      expect(warns).to.have.length(2);
    });

    it('an empty hint never shows', async () => {
      const el = await fixture<MiHint>(html`<mi-hint><input aria-label="E" /></mi-hint>`);
      expect(el.show()).to.equal(false);
      expect(await described('E')).to.equal('');
    });
  });

  describe('cleanup', () => {
    it('removal takes away its description element, listeners and timers', async () => {
      const wrap = await fixture<HTMLElement>(html`<div><mi-hint content="Bye"><input aria-label="A" style="margin:50px" /></mi-hint></div>`);
      const el = wrap.querySelector('mi-hint')!;
      const log = events(el);
      const input = el.querySelector('input')!;
      await sendMouse({type: 'move', position: center(input.getBoundingClientRect())});
      await sendMouse({type: 'move', position: [700, 550]});
      el.remove();
      expect(el.children).to.have.length(1);
      expect(el.open).to.equal(false);
      await sleep(250);
      document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}));
      expect(log).to.deep.equal(['show']);
      expect(input.ariaDescribedByElements).to.equal(null);
    });

    it('a slotted target rendered after the hint is still its target', async () => {
      const el = await fixture<MiHint>(html`<mi-hint content="Late"></mi-hint>`);
      const input = document.createElement('input');
      input.setAttribute('aria-label', 'Late field');
      el.append(input);
      await el.updateComplete;
      await frames();
      expect(el.firstElementChild).to.equal(input);
      input.focus();
      await el.updateComplete;
      expect(isShown(el)).to.equal(true);
      expect(await described('Late field')).to.equal('Late');
    });

    it('a for="id" target rendered after the hint gets its triggers and its description', async () => {
      const wrap = await fixture<HTMLElement>(html`<div><mi-hint for="later" content="Found you"></mi-hint></div>`);
      const el = wrap.querySelector('mi-hint')!;
      const input = document.createElement('input');
      input.id = 'later';
      input.setAttribute('aria-label', 'Later');
      wrap.append(input);
      await frames();
      input.focus();
      await el.updateComplete;
      expect(isShown(el)).to.equal(true);
      expect(await described('Later')).to.equal('Found you');
    });

    it('children replaced by the app: the new control is the target and is described', async () => {
      const el = await fixture<MiHint>(html`<mi-hint content="Swapped"><input aria-label="Old" /></mi-hint>`);
      const fresh = document.createElement('input');
      fresh.setAttribute('aria-label', 'New');
      el.replaceChildren(fresh);
      await frames();
      expect(el.firstElementChild).to.equal(fresh);
      expect(await described('New')).to.equal('Swapped');
      fresh.focus();
      await el.updateComplete;
      expect(isShown(el)).to.equal(true);
    });

    it('reconnecting works like new', async () => {
      const el = await fixture<MiHint>(html`<mi-hint content="Again"><input aria-label="A" /></mi-hint>`);
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await el.updateComplete;
      el.querySelector('input')!.focus();
      await el.updateComplete;
      expect(isShown(el)).to.equal(true);
      expect(el.querySelectorAll('span[hidden]')).to.have.length(1);
    });
  });
});
