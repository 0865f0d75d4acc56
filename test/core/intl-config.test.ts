import {expect, fixture, html} from '@open-wc/testing';
import {configure, getConfig, onConfigChange, resetConfig, sanitizeStrings} from '../../src/core/config.js';
import {fill, formatDuration, formatList, formatPercent, resolveLang} from '../../src/core/intl.js';
import {canDefine} from '../../src/core/define.js';
import {VERSION} from '../../src/core/version.js';
import {captureConsole, resetWarnings} from '../helpers.js';

describe('core/intl', () => {
  afterEach(() => resetConfig());

  it('formats durations the way a person says them', () => {
    expect(formatDuration(3200, 'en')).to.equal('3 seconds');
    expect(formatDuration(21_000, 'en')).to.equal('20 seconds');
    expect(formatDuration(58_000, 'en')).to.equal('1 minute');
    expect(formatDuration(150_000, 'en')).to.equal('3 minutes');
    expect(formatDuration(5_400_000, 'en')).to.equal('1.5 hours');
    expect(formatDuration(-5, 'en')).to.equal('1 second');
    expect(formatDuration(21_000, 'de')).to.equal('20 Sekunden');
  });

  it('formats percentages and lists per language', () => {
    expect(formatPercent(0.42, 'en')).to.equal('42%');
    expect(formatPercent(0.42, 'de')).to.equal('42\u00A0%');
    expect(formatList(['Ana', 'Ben', 'Cleo'], 'en')).to.equal('Ana, Ben, and Cleo');
    expect(formatList(['Ana', 'Ben'], 'de')).to.equal('Ana und Ben');
    expect(formatList(['Ana'], 'de'), 'one name is the name').to.equal('Ana');
    expect(formatList([], 'en'), 'no names, no text').to.equal('');
  });

  it('resolves the language: explicit, configure(), nearest [lang], the page', async () => {
    const el = await fixture(html`<div lang="fr"><span></span></div>`);
    const span = el.querySelector('span')!;
    expect(resolveLang('de', span)).to.equal('de');
    expect(resolveLang(undefined, span)).to.equal('fr');
    configure({lang: 'pt-BR'});
    expect(resolveLang(undefined, span)).to.equal('pt-BR');
    configure({lang: 'not a language!!'});
    expect(resolveLang(undefined, span)).to.equal('fr');
  });

  it('fills placeholders as text and leaves unknown ones', () => {
    expect(fill('{name} is typing…', {name: '<b>Ana</b>'})).to.equal('<b>Ana</b> is typing…');
    expect(fill('{a} {missing}', {a: 1})).to.equal('1 {missing}');
    expect(fill('{__proto__}', {})).to.equal('{__proto__}');
  });
});

describe('core/config', () => {
  afterEach(() => resetConfig());

  it('merges options, notifies listeners, ignores junk with one warning each', async () => {
    resetWarnings();
    let calls = 0;
    const off = onConfigChange(() => calls++);
    const {warns} = await captureConsole(() => {
      configure({sound: true, strings: {a: 'A'}});
      configure({strings: {b: 'B'}, motion: 'sideways' as never});
      configure(null as never);
      configure({sound: 'yes' as never, lang: 42 as never});
    });
    off();
    const config = getConfig();
    expect(config.sound).to.equal(false);
    expect(config.strings).to.deep.equal({a: 'A', b: 'B'});
    expect(config.motion).to.equal('auto');
    expect(config.lang).to.equal('');
    expect(calls).to.equal(3);
    expect(warns).to.have.length(2);
  });

  it('keeps only own string values, never prototype keys', () => {
    const strings = sanitizeStrings(JSON.parse('{"__proto__": {"x": "1"}, "ok": "yes", "n": 5, "constructor": "c"}'));
    expect(Object.keys(strings)).to.deep.equal(['ok']);
    expect(sanitizeStrings([1, 2])).to.deep.equal({});
    expect(({} as Record<string, unknown>).x).to.equal(undefined);
  });
});

describe('core/define', () => {
  it('allows a new tag, is silent for the same class or version, warns once for another version', async () => {
    resetWarnings();
    class A extends HTMLElement {
      static readonly miVersion = VERSION;
    }
    class B extends HTMLElement {
      static readonly miVersion = VERSION;
    }
    class Old extends HTMLElement {
      static readonly miVersion = '0.0.1';
    }
    expect(canDefine('mi-define-test-a', A)).to.equal(true);
    customElements.define('mi-define-test-a', A);
    const {warns} = await captureConsole(() => {
      expect(canDefine('mi-define-test-a', A)).to.equal(false);
      expect(canDefine('mi-define-test-a', B)).to.equal(false);
      expect(canDefine('mi-define-test-a', Old)).to.equal(false);
      expect(canDefine('mi-define-test-a', Old)).to.equal(false);
    });
    expect(warns).to.have.length(1);
    expect(String(warns[0][0])).to.contain('0.0.1').and.to.contain(VERSION);
  });
});

describe('core/outcome', () => {
  it('one rule for success: ok === false fails, hostile values never throw', async () => {
    const {failed, reasonOf} = await import('../../src/core/outcome.js');
    expect(failed(new Response('', {status: 500, statusText: 'Server Error'}))).to.equal(true);
    expect(failed(new Response('', {status: 200}))).to.equal(false);
    expect(failed({ok: false})).to.equal(true);
    expect(failed({data: 1})).to.equal(false);
    expect(failed(null)).to.equal(false);
    const hostile = new Proxy({}, {get: () => { throw new Error('trap'); }});
    expect(failed(hostile)).to.equal(true);
    expect(reasonOf(hostile)).to.equal('');
    expect(reasonOf(new Response('', {status: 503, statusText: 'Unavailable'}))).to.equal('Unavailable');
    expect(reasonOf(new Response('', {status: 502}))).to.equal('HTTP 502');
    expect(reasonOf(new Error('Network down'))).to.equal('Network down');
    expect(reasonOf('plain')).to.equal('plain');
  });
});
