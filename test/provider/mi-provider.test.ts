import {expect, fixture, html} from '@open-wc/testing';
import {configure, resetConfig} from '../../src/core/config.js';
import {captureConsole, resetWarnings} from '../helpers.js';
import '../../src/provider/define.js';
import '../controllers/fixtures.js';
import type {TestWidget} from '../controllers/fixtures.js';
import type {MiProvider} from '../../src/provider/mi-provider.js';
import {MiElement} from '../../src/base/mi-element.js';
import {html as litHtml} from 'lit';

/** Renders one string from text(): what a user sees change when the provider's strings apply. */
class GreetingWidget extends MiElement {
  override render() {
    return litHtml`<p>${this.text('greet', 'Hello')}</p>`;
  }
}
if (!customElements.get('greeting-widget')) customElements.define('greeting-widget', GreetingWidget);

describe('<mi-provider>', () => {
  it('gives its subtree motion and strings; the element attribute still wins', async () => {
    const provider = await fixture<MiProvider>(html`
      <mi-provider motion="reduce" strings='{"count": "{n} éléments"}' lang="fr">
        <test-widget></test-widget>
        <test-widget motion="full"></test-widget>
      </mi-provider>
    `);
    const [inherits, overrides] = [...provider.querySelectorAll<TestWidget>('test-widget')];
    await inherits.updateComplete;
    expect(inherits.matches(':state(reduced-motion)')).to.equal(true);
    expect(overrides.matches(':state(reduced-motion)')).to.equal(false);
    expect(inherits.label_('count', '{n} items')).to.equal('3 éléments');
    expect(inherits.provider?.lang).to.equal('fr');
  });

  it('updates consumers when its settings change', async () => {
    const provider = await fixture<MiProvider>(html`<mi-provider><test-widget></test-widget></mi-provider>`);
    const widget = provider.querySelector<TestWidget>('test-widget')!;
    expect(widget.matches(':state(reduced-motion)')).to.equal(false);
    provider.motion = 'reduce';
    await provider.updateComplete;
    await widget.updateComplete;
    expect(widget.matches(':state(reduced-motion)')).to.equal(true);
  });

  it('renders no box and ignores junk strings JSON', async () => {
    const provider = await fixture<MiProvider>(html`<mi-provider strings="{not json"><p>x</p></mi-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
    expect(provider.strings).to.deep.equal({});
  });

  it("an element's own strings attribute wins over the provider and configure(); junk is ignored", async () => {
    configure({strings: {count: '{n} Dinge', other: 'page'}});
    try {
      const provider = await fixture<MiProvider>(html`
        <mi-provider strings='{"count": "{n} éléments", "other": "provider"}'>
          <test-widget strings='{"count": "{n} items here", "__proto__": "x", "n": 5}'></test-widget>
          <test-widget></test-widget>
        </mi-provider>
      `);
      const [own, inherits] = [...provider.querySelectorAll<TestWidget>('test-widget')];
      expect(own.label_('count', '?')).to.equal('3 items here');
      expect(own.label_('other', '?')).to.equal('provider');
      expect(own.label_('n', 'fallback')).to.equal('fallback');
      expect(own.label_('toString', 'fallback')).to.equal('fallback');
      expect(inherits.label_('count', '?')).to.equal('3 éléments');
      provider.remove();
      document.body.append(inherits);
      expect(inherits.label_('count', '?')).to.equal('3 Dinge');
      inherits.remove();
      resetConfig();
      document.body.append(own);
      resetWarnings();
      const {warns} = await captureConsole(() => {
        own.setAttribute('strings', '{broken');
        own.setAttribute('strings', '[also broken');
        expect(own.strings).to.deep.equal({});
        expect(own.label_('count', '{n} items')).to.equal('3 items');
        own.strings = {count: 42} as unknown as Record<string, string>;
        expect(own.label_('count', '{n} items')).to.equal('3 items');
      });
      expect(warns.length).to.equal(1);
      own.remove();
    } finally {
      resetConfig();
    }
  });

  it('an element moved out of a provider re-renders with the page texts; moved into one, with its texts', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><mi-provider strings='{"greet": "Bonjour"}'><greeting-widget></greeting-widget></mi-provider><section></section></div>`);
    const widget = wrap.querySelector<GreetingWidget>('greeting-widget')!;
    const shown = () => widget.shadowRoot!.querySelector('p')!.textContent;
    await widget.updateComplete;
    expect(shown()).to.equal('Bonjour');
    expect(wrap.querySelector<MiProvider>('mi-provider')!.config?.strings).to.deep.equal({greet: 'Bonjour'});
    wrap.querySelector('section')!.append(widget);
    await widget.updateComplete;
    expect(shown(), 'outside the provider').to.equal('Hello');
    wrap.querySelector('mi-provider')!.append(widget);
    await widget.updateComplete;
    expect(shown(), 'back inside').to.equal('Bonjour');
  });
});
