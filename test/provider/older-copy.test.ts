import {expect, fixture, html} from '@open-wc/testing';
import {LitElement, html as litHtml} from 'lit';
import {ContextProvider} from '@lit/context';
import {MiElement} from '../../src/base/mi-element.js';
import {providerContext} from '../../src/provider/context.js';

// NOTE: a page where another copy of the package, from a release whose providers do not report
// themselves, registered <mi-provider> first. Its elements cannot know whether one is connected,
// so they always ask, as every element did before.

class OlderProvider extends LitElement {
  readonly context = new ContextProvider(this, {context: providerContext, initialValue: {strings: {'probe.text': 'Older provider text'}}});
  override render() {
    return litHtml`<slot></slot>`;
  }
}
customElements.define('mi-provider', OlderProvider);

class OlderProbe extends MiElement {
  override render() {
    return litHtml`<p>${this.text('probe.text', 'Page text')}</p>`;
  }
}
customElements.define('older-probe', OlderProbe);

describe('provider presence with a provider from an older copy', () => {
  it('elements inside an older copy’s <mi-provider> still get its texts', async () => {
    const provider = await fixture(html`<mi-provider><older-probe></older-probe></mi-provider>`);
    const probe = provider.querySelector('older-probe') as OlderProbe;
    await probe.updateComplete;
    expect(probe.shadowRoot!.querySelector('p')!.textContent).to.equal('Older provider text');
  });
});
