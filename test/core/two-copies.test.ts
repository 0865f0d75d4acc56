// Two copies of the package on one page (a CMS snippet plus an app bundle, or the same snippet
// pasted twice): the CDN module bundle twice (distinct URLs = distinct module instances, each
// with its own Lit) and the classic IIFE. Needs the build (npm test builds first).
import {expect, waitUntil} from '@open-wc/testing';
import {captureConsole} from '../helpers.js';

type Api = {
  bus: {emit(t: string, d?: unknown): void; on(t: string, h: (d: unknown) => void): () => void};
  announce(m: string): void;
  VERSION: string;
  canDefine(tag: string, ctor: CustomElementConstructor): boolean;
};

const loadScript = (src: string) =>
  new Promise<void>((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`failed to load ${src}`));
    document.head.append(s);
  });

describe('two copies on one page', () => {
  it('load without an exception or warning and share one bus and one pair of live regions', async () => {
    const pageErrors: string[] = [];
    const onError = (e: ErrorEvent) => pageErrors.push(e.message);
    window.addEventListener('error', onError);
    const {result, warns, errors} = await captureConsole(async () => {
      const a = (await import('/dist/cdn/mi-elements.js' as string)) as Api;
      const b = (await import('/dist/cdn/mi-elements.js?copy=2' as string)) as Api;
      await loadScript('/dist/cdn/mi-elements.iife.js');
      return {a, b, c: (window as unknown as {mi: Api}).mi};
    });
    window.removeEventListener('error', onError);
    const {a, b, c} = result;
    expect(a).to.not.equal(b);
    expect(pageErrors).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    expect(warns).to.deep.equal([]);
    expect(customElements.get('mi-provider')).to.not.equal(undefined);

    // One bus: a message emitted by copy A reaches subscribers of copies B and C.
    const got: unknown[] = [];
    const offB = b.bus.on('shared', (d) => got.push(['b', d]));
    const offC = c.bus.on('shared', (d) => got.push(['c', d]));
    a.bus.emit('shared', 1);
    offB();
    offC();
    expect(got).to.deep.equal([
      ['b', 1],
      ['c', 1],
    ]);

    // One announcer: each copy announcing still uses the same single pair of regions.
    a.announce('From A');
    b.announce('From B');
    c.announce('From C');
    const regions = () => document.querySelectorAll('[data-mi-announcer] [aria-live]');
    await waitUntil(() => [...regions()].some((r) => r.textContent === 'From C'), 'C was not announced', {timeout: 3000});
    expect(document.querySelectorAll('[data-mi-announcer]')).to.have.length(1);
    expect(regions()).to.have.length(2);
  });

  it('a different version of an element already defined: one warning naming both, no throw', async () => {
    class Foreign extends HTMLElement {
      static readonly miVersion = '9.9.9';
    }
    customElements.define('mi-versioned-test', Foreign);
    const {canDefine, VERSION} = (await import('/dist/cdn/mi-elements.js' as string)) as Api;
    class Ours extends HTMLElement {}
    const {result, warns} = await captureConsole(() => [canDefine('mi-versioned-test', Ours), canDefine('mi-versioned-test', Ours)]);
    expect(result).to.deep.equal([false, false]);
    expect(warns).to.have.length(1);
    expect(String(warns[0][0])).to.contain('9.9.9').and.to.contain(VERSION);
  });
});
