import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../src/progress/define.js';
import type {MiProgress} from '../../src/progress/mi-progress.js';
import {followResponse, followUpload} from '../../src/progress/follow.js';
import {clearAnnouncements} from '../../src/core/announcer.js';
import type {MiErrorEvent} from '../../src/events.js';
import {recordAnnouncements, sleep} from '../helpers.js';

// Real requests to test/server/progress.mjs, served by the test runner: no mocked fetch or XHR.
const now = (el: MiProgress) => el.shadowRoot!.querySelector('[role=progressbar]')!.getAttribute('aria-valuenow');
const max = (el: MiProgress) => el.shadowRoot!.querySelector('[role=progressbar]')!.getAttribute('aria-valuemax');

describe('progress helpers', () => {
  afterEach(() => clearAnnouncements());

  describe('followUpload(xhr, el)', () => {
    it('follows the bytes sent and completes when the server has answered', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Uploading video"></mi-progress>`);
      const size = 3 * 1024 * 1024;
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/__test/progress/upload');
      clearAnnouncements();
      const log = recordAnnouncements();
      const done = followUpload(xhr, el);
      const seen: number[] = [];
      xhr.upload.addEventListener('progress', () => seen.push(el.value!));
      const completed = oneEvent(el, 'mi-complete');
      xhr.send(new Blob([new Uint8Array(size)]));
      await el.updateComplete;
      expect(now(el), 'indeterminate until the size is known').to.equal(null);
      expect(el.state).to.equal('active');
      expect(await done).to.equal(xhr);
      await completed;
      expect(JSON.parse(xhr.responseText)).to.deep.equal({bytes: size});
      expect(seen.length).to.be.greaterThan(0);
      expect(seen.at(-1)).to.equal(size);
      expect(max(el)).to.equal(String(size));
      expect(now(el)).to.equal(String(size));
      await waitUntil(() => log.texts().includes('Uploading video: Complete'), 'completion announced', {timeout: 3000});
      log.stop();
      expect(log.texts()[0]).to.equal('Uploading video: Started');
      expect(log.texts(), 'a tracked run at 100 % waits for its promise: no "100%" before "Complete"').to.not.include('Uploading video: 100%');
    });

    it('fails with the status text when the server refuses the upload', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Uploading video"></mi-progress>`);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/__test/progress/upload?status=500');
      followUpload(xhr, el);
      const failed = oneEvent(el, 'mi-error');
      xhr.send(new Blob([new Uint8Array(256 * 1024)]));
      const event = (await failed) as unknown as MiErrorEvent;
      expect(event.message).to.equal('Internal Server Error');
      expect(el.state).to.equal('error');
      expect(el.shadowRoot!.querySelector('[part=status]')!.textContent).to.equal('Failed. Internal Server Error');
    });

    it('fails when the request is aborted', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Uploading video"></mi-progress>`);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/__test/progress/upload');
      const done = followUpload(xhr, el);
      const failed = oneEvent(el, 'mi-error');
      xhr.send(new Blob([new Uint8Array(1024)]));
      xhr.abort();
      expect((await done).status).to.equal(0);
      await failed;
      expect(el.state).to.equal('error');
    });
  });

  describe('followResponse(response, el)', () => {
    async function readAll(response: Response, el: MiProgress, check: (loaded: number) => void) {
      const reader = response.body!.getReader();
      let loaded = 0;
      for (;;) {
        const {done, value} = await reader.read();
        if (done) return loaded;
        loaded += value.byteLength;
        await el.updateComplete;
        check(loaded);
      }
    }

    it('with Content-Length: determinate, advancing with each chunk read, complete at the end', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Downloading report"></mi-progress>`);
      const response = await fetch('/__test/progress/stream?chunks=4&size=1000&delay=40&length=1');
      expect(response.headers.get('content-length')).to.equal('4000');
      const counted = followResponse(response, el);
      expect(counted).to.not.equal(response);
      expect(counted.status).to.equal(200);
      expect(counted.headers.get('content-type')).to.equal('application/octet-stream');
      await el.updateComplete;
      expect([now(el), max(el)]).to.deep.equal(['0', '4000']);
      const steps: string[] = [];
      const total = await readAll(counted, el, (loaded) => {
        steps.push(now(el)!);
        expect(now(el)).to.equal(String(loaded));
      });
      expect(total).to.equal(4000);
      expect(steps.length).to.be.greaterThan(1);
      await waitUntil(() => el.state === 'success', 'completes after the last byte');
    });

    it('without Content-Length: indeterminate while reading, complete at the end; the body is intact', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Downloading report"></mi-progress>`);
      const response = await fetch('/__test/progress/stream?chunks=3&size=500&delay=30');
      expect(response.headers.get('content-length')).to.equal(null);
      const counted = followResponse(response, el);
      const completed = oneEvent(el, 'mi-complete');
      const reading = counted.text();
      await el.updateComplete;
      expect(now(el)).to.equal(null);
      expect(el.state).to.equal('active');
      const text = await reading;
      expect(text).to.equal('a'.repeat(500) + 'b'.repeat(500) + 'c'.repeat(500));
      await completed;
    });

    it('treats a compressed length as unknown (it would not match the bytes read)', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Downloading"></mi-progress>`);
      const response = await fetch('/__test/progress/stream?chunks=4&size=1000&gzip=1');
      expect(response.headers.get('content-encoding')).to.equal('gzip');
      const counted = followResponse(response, el);
      await el.updateComplete;
      expect(now(el)).to.equal(null);
      expect((await counted.text()).length).to.equal(4000);
      await waitUntil(() => el.state === 'success');
    });

    it('fails when the connection breaks mid-body', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Downloading"></mi-progress>`);
      const response = await fetch('/__test/progress/stream?chunks=6&size=1000&delay=20&length=1&fail=1');
      const failed = oneEvent(el, 'mi-error');
      let thrown: unknown;
      try {
        await followResponse(response, el).arrayBuffer();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(Error);
      await failed;
      expect(el.state).to.equal('error');
      expect(Number(now(el))).to.be.within(1, 5999);
    });

    it('an HTTP error fails at once and returns the response unread; an empty 204 completes', async () => {
      const el = await fixture<MiProgress>(html`<mi-progress label="Downloading"></mi-progress>`);
      const refused = await fetch('/__test/progress/stream?status=503');
      const failed = oneEvent(el, 'mi-error');
      expect(followResponse(refused, el)).to.equal(refused);
      expect(((await failed) as unknown as MiErrorEvent).message).to.equal('Service Unavailable');
      expect(refused.bodyUsed).to.equal(false);
      const empty = await fetch('/__test/progress/empty');
      const completed = oneEvent(el, 'mi-complete');
      followResponse(empty, el);
      await completed;
      await sleep(0);
      expect(el.state).to.equal('success');
    });
  });
});
