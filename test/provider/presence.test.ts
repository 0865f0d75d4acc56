import {expect, fixture, html} from '@open-wc/testing';
import {html as litHtml, type LitElement} from 'lit';
import {MiElement} from '../../src/base/mi-element.js';

// NOTE: this file's page starts with no <mi-provider> registered: it is what a page of elements
// without a provider pays, then what changes once a provider arrives.

class PresenceProbe extends MiElement {
  override render() {
    return litHtml`<p>${this.text('probe.text', 'Page text')}</p>`;
  }
}
customElements.define('presence-probe', PresenceProbe);

const shown = (el: Element) => el.shadowRoot!.querySelector('p')!.textContent;

/** Counts the context requests that reach the document while `fn` runs. */
async function countRequests(fn: () => Promise<void>): Promise<number> {
  let count = 0;
  const seen = () => count++;
  document.addEventListener('context-request', seen, {capture: true});
  try {
    await fn();
  } finally {
    document.removeEventListener('context-request', seen, {capture: true});
  }
  return count;
}

describe('provider presence', () => {
  it('a page without any provider: 50 elements connect without asking for one, and show the page texts', async () => {
    let box!: HTMLElement;
    const requests = await countRequests(async () => {
      box = await fixture(html`<div>${Array.from({length: 50}, () => html`<presence-probe></presence-probe>`)}</div>`);
      await Promise.all([...box.children].map((el) => (el as PresenceProbe).updateComplete));
    });
    expect(requests).to.equal(0);
    expect(shown(box.firstElementChild!)).to.equal('Page text');
  });

  it('once a provider is registered and connected, elements inside it get its texts (and elements outside still show the page texts)', async () => {
    await import('../../src/provider/define.js');
    let box!: HTMLElement;
    const requests = await countRequests(async () => {
      box = await fixture(html`<div>
        <mi-provider strings='{"probe.text": "Provider text"}'><presence-probe></presence-probe></mi-provider>
        <presence-probe></presence-probe>
      </div>`);
      await (box.querySelector('mi-provider') as LitElement).updateComplete;
      await Promise.all([...box.querySelectorAll('presence-probe')].map((el) => (el as PresenceProbe).updateComplete));
    });
    expect(requests).to.be.at.least(2);
    const [inside, outside] = box.querySelectorAll('presence-probe');
    expect(shown(inside)).to.equal('Provider text');
    expect(shown(outside)).to.equal('Page text');
  });
});
