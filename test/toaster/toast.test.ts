import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {clearAnnouncements} from '../../src/core/announcer.js';
import {configure, resetConfig} from '../../src/core/config.js';
import {toast} from '../../src/toaster/toast.js';
import type {MiToaster} from '../../src/toaster/mi-toaster.js';
import {captureConsole, recordAnnouncements, resetWarnings, sleep} from '../helpers.js';
import {messages, notices} from './helpers.js';

const pageToasters = () => [...document.querySelectorAll('mi-toaster')] as MiToaster[];

describe('toast()', () => {
  afterEach(() => {
    for (const el of pageToasters()) el.remove();
    clearAnnouncements();
    resetConfig();
  });

  describe('rendering', () => {
    it('touches nothing until called, then creates one toaster at the end of <body> and reuses it', async () => {
      expect(pageToasters(), 'importing toast.js added nothing').to.have.length(0);
      const first = toast('Saved', {kind: 'success'});
      const second = toast('Sent');
      const [el] = pageToasters();
      expect(pageToasters()).to.have.length(1);
      expect(el.parentElement).to.equal(document.body);
      expect(customElements.get('mi-toaster')).to.equal(el.constructor);
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['Saved', 'Sent']);
      expect(first.id).to.not.equal(second.id);
      first.update({message: 'Saved as draft', description: 'Nobody can see it yet.'});
      second.dismiss();
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['Saved as draft']);
      expect(notices(el)[0].querySelector('[part=description]')!.textContent).to.equal('Nobody can see it yet.');
    });

    it("uses the page's own toaster when there is one (the newest connected)", async () => {
      const el = await fixture<MiToaster>(html`<mi-toaster position="top-start"></mi-toaster>`);
      toast('Into the page toaster', {id: 'x'});
      toast('Same id, updated', {id: 'x'});
      await el.updateComplete;
      expect(pageToasters()).to.have.length(1);
      expect(messages(el)).to.deep.equal(['Same id, updated']);
    });

    it('returns a harmless handle for junk input', async () => {
      resetWarnings();
      const {warns, result} = await captureConsole(() => toast('   '));
      expect(result.id).to.equal('');
      result.update({message: 'ignored'});
      result.dismiss();
      expect(warns).to.have.length(1);
      expect(messages(pageToasters()[0])).to.deep.equal([]);
    });
  });

  describe('toast.promise', () => {
    it('shows pending, then the success text only after the request fulfils', async () => {
      const log = recordAnnouncements();
      const request = fetch('/__test/toaster/save?status=200&delay=300');
      const handle = toast.promise(request, {pending: 'Saving…', success: 'Saved', error: 'Could not save'});
      const [el] = pageToasters();
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['Saving…']);
      expect(notices(el)[0].dataset.kind).to.equal('pending');
      await waitUntil(() => log.texts().includes('Saving…'));
      await request;
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['Saved']);
      expect(notices(el)[0].dataset.kind).to.equal('success');
      expect(handle.id).to.match(/^mi-toast-/);
      await waitUntil(() => log.texts().length === 2);
      await sleep(300);
      log.stop();
      expect(log.messages.map((m) => [m.message, m.politeness])).to.deep.equal([
        ['Saving…', 'polite'],
        ['Saved', 'polite'],
      ]);
    });

    it('a resolved Response with ok === false is an error: assertive, and it stays', async () => {
      const log = recordAnnouncements();
      const seen: unknown[] = [];
      toast.promise(fetch('/__test/toaster/save?status=500'), {
        pending: 'Saving…',
        success: 'Saved',
        error: (response) => {
          seen.push(response);
          return `Could not save (${(response as Response).status})`;
        },
        duration: 1,
      });
      const [el] = pageToasters();
      el.minDuration = 50;
      await waitUntil(() => messages(el)[0] === 'Could not save (500)', 'error shown', {timeout: 3000});
      expect(notices(el)[0].dataset.kind).to.equal('error');
      expect(seen[0]).to.be.instanceOf(Response);
      await waitUntil(() => log.texts().includes('Could not save (500)'));
      expect(log.messages.find((m) => m.message === 'Could not save (500)')!.politeness).to.equal('assertive');
      expect(log.texts()).to.not.include('Saved');
      await sleep(300);
      log.stop();
      expect(messages(el), 'errors stay until dismissed').to.deep.equal(['Could not save (500)']);
    });

    it('a rejection is an error; success may be a function of the result', async () => {
      toast.promise(Promise.reject(new Error('offline')), {error: (e) => `Failed: ${(e as Error).message}`});
      toast.promise(
        fetch('/__test/toaster/save').then((r) => r.json()),
        {success: (body) => `Saved ${(body as {saved: string}).saved}`}
      );
      const [el] = pageToasters();
      await waitUntil(() => messages(el).includes('Saved draft-42') && messages(el).includes('Failed: offline'), 'both settled', {timeout: 3000});
    });

    it('uses default texts from configure({strings}), and isSuccess for other result shapes', async () => {
      configure({strings: {'toast.pending': 'Speichern…', 'toast.error': 'Fehlgeschlagen', 'toast.success': 'Gespeichert'}});
      toast.promise(Promise.resolve({errors: ['bad']}), {isSuccess: (r) => !(r as {errors?: unknown[]}).errors});
      const [el] = pageToasters();
      await el.updateComplete;
      expect(messages(el)).to.deep.equal(['Speichern…']);
      await waitUntil(() => messages(el)[0] === 'Fehlgeschlagen');
      toast.promise(Promise.resolve('fine'), {success: () => {
        throw new Error('bad callback');
      }});
      await waitUntil(() => messages(el).includes('Gespeichert'));
    });
  });
});
