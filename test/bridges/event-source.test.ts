import {expect} from '@open-wc/testing';
import {connectEventSource} from '../../src/bridges/event-source.js';
import {captureConsole, resetWarnings, sleep} from '../helpers.js';
import {attempts, clients, describeCleanup, envelope, newChannel, record, restart, retryGaps, send, sseUrl, until} from './server.js';

const connected = (channel: string, n = 1, timeout = 3000) => until(async () => (await clients(channel)).sse === n, timeout, `${n} SSE client(s)`);

describe('connectEventSource', () => {
  describe('triggers & bus', () => {
    it('emits each {topic, detail} message event on the bus', async () => {
      const channel = newChannel('sse');
      const got = record(channel);
      const disconnect = connectEventSource(sseUrl(channel));
      await connected(channel);
      await send(channel, [{data: envelope(channel, {message: 'Ticket #12 solved', kind: 'success'})}, {data: envelope(channel, 2)}]);
      await until(() => got.details.length === 2);
      expect(got.details).to.deep.equal([{message: 'Ticket #12 solved', kind: 'success'}, 2]);
      disconnect();
      got.stop();
    });

    it('a named event is the topic and its data the detail; only the listed topics pass', async () => {
      const channel = newChannel('named');
      const wanted = `${channel}-toast`;
      const other = `${channel}-other`;
      const a = record(wanted);
      const b = record(other);
      const disconnect = connectEventSource(new URL(sseUrl(channel), location.href), {topics: [wanted, 'error']});
      await connected(channel);
      await send(channel, [
        {event: wanted, data: '{"message":"Saved"}'},
        {event: other, data: '{"message":"not listed"}'},
        {data: envelope(other, 'not listed either')},
        {event: 'error', data: '{}'},
        {data: envelope(wanted, 'last')},
      ]);
      await until(() => a.details.length === 2);
      expect(a.details).to.deep.equal([{message: 'Saved'}, 'last']);
      expect(b.details).to.deep.equal([]);
      // A server-sent "error" event is not a failed connection: still the first connection.
      expect((await attempts(channel)).length).to.equal(1);
      disconnect();
      a.stop();
      b.stop();
    });

    it('applies id-less events that follow one with an id (EventSource repeats the last id)', async () => {
      const channel = newChannel('ids');
      const got = record(channel);
      const disconnect = connectEventSource(sseUrl(channel));
      await connected(channel);
      await send(channel, [{id: 10, data: envelope(channel, 'x')}, {data: envelope(channel, 'y')}, {data: envelope(channel, 'z')}]);
      await until(() => got.details.length === 3);
      expect(got.details).to.deep.equal(['x', 'y', 'z']);
      disconnect();
      got.stop();
    });

    it("forwards a caller's own EventSource and leaves it open on disconnect", async () => {
      const channel = newChannel('own');
      const got = record(channel);
      const source = new EventSource(sseUrl(channel));
      const raw: string[] = [];
      source.addEventListener('message', (e) => raw.push(e.data));
      const disconnect = connectEventSource(source);
      await connected(channel);
      await send(channel, [{data: envelope(channel, 'first')}]);
      await until(() => got.details.length === 1);
      disconnect();
      expect(source.readyState).to.not.equal(EventSource.CLOSED);
      await send(channel, [{data: envelope(channel, 'after')}]);
      await until(() => raw.length === 2);
      expect(got.details).to.deep.equal(['first']);
      source.close();
      got.stop();
    });
  });

  describe('reconnect', () => {
    it('after a server restart, reconnects with growing, bounded delays and sends the last id', async () => {
      const channel = newChannel('restart');
      const got = record(channel);
      const disconnect = connectEventSource(sseUrl(channel), {retryMs: 100, maxRetryMs: 800});
      await connected(channel);
      await send(channel, [{id: 1, data: envelope(channel, 'before')}]);
      await until(() => got.details.length === 1);
      await restart(channel, 1600);
      await connected(channel, 1, 5000);
      const {retries, gaps} = await retryGaps(channel);
      // Delays: 50–100, 100–200, 200–400, 400–800, then 400–800 ms until the server is back
      // (wide enough apart that a loaded machine's latency does not blur them).
      expect(retries.length).to.be.within(4, 9);
      expect(gaps[2]).to.be.above(gaps[0] + 100);
      for (const gap of gaps) expect(gap).to.be.below(800 + 250);
      expect(retries.at(-1)!.lastEventId).to.equal('1');
      expect(retries.slice(0, -1).every((a) => a.lastEventId === '1')).to.equal(true);
      disconnect();
      got.stop();
    });

    it('applies replayed events once and receives those missed while down', async () => {
      const channel = newChannel('replay');
      const got = record(channel);
      const disconnect = connectEventSource(sseUrl(channel, '&replay=2'), {retryMs: 30, maxRetryMs: 60});
      await connected(channel);
      await send(channel, [
        {id: 1, data: envelope(channel, 'a')},
        {id: 2, data: envelope(channel, 'b')},
      ]);
      await until(() => got.details.length === 2);
      await restart(channel, 150);
      await send(channel, [{id: 3, data: envelope(channel, 'c')}]);
      await connected(channel);
      await send(channel, [{id: 4, data: envelope(channel, 'd')}]);
      await until(() => got.details.includes('d'));
      // The server replayed 2 and 3 (at least once); the client applied 2 only the first time.
      expect(got.details).to.deep.equal(['a', 'b', 'c', 'd']);
      disconnect();
      got.stop();
    });

    it('comes back at once when the browser goes online', async () => {
      const channel = newChannel('online');
      const disconnect = connectEventSource(sseUrl(channel), {retryMs: 3000, maxRetryMs: 3000});
      await connected(channel);
      await restart(channel, 50);
      await connected(channel, 0);
      await sleep(100);
      dispatchEvent(new Event('online'));
      // The scheduled retry is 1.5–3 s away; "online" skips the wait.
      await until(async () => (await clients(channel)).sse === 1, 1000, 'an immediate reconnection');
      disconnect();
    });
  });

  describe('dedupe', () => {
    it('an id is applied once per page, even from two connections', async () => {
      const channel = newChannel('twice');
      const got = record(channel);
      const one = connectEventSource(sseUrl(channel));
      const two = connectEventSource(sseUrl(channel));
      await connected(channel, 2);
      await send(channel, [
        {data: envelope(channel, 'payload id', 'n-1')},
        {id: 7, data: envelope(channel, 'sse id')},
        {data: envelope(channel, 'payload id', 'n-1')},
        {data: envelope(channel, 'no id')},
      ]);
      await until(() => got.details.length === 4);
      await sleep(50);
      expect(got.details).to.deep.equal(['payload id', 'sse id', 'no id', 'no id']);
      one();
      two();
      got.stop();
    });
  });

  describe('bad input', () => {
    it('refuses URLs other than http(s) and relative ones, with one warning each', async () => {
      resetWarnings();
      const bad = ['javascript:alert(1)', 'data:text/event-stream,data: x', 'file:///etc/passwd', 'ws://localhost/x', 'http://[bad', 42, null, undefined, {}];
      const {warns} = await captureConsole(() => {
        for (const url of bad) {
          const disconnect = connectEventSource(url as never);
          expect(disconnect).to.be.a('function');
          disconnect();
        }
      });
      expect(warns).to.have.length(bad.length);
      expect(warns.every((w) => String(w[0]).includes('refused to connect'))).to.equal(true);
    });

    it('ignores junk messages without throwing, and keeps going', async () => {
      const channel = newChannel('junk');
      const got = record(channel);
      const disconnect = connectEventSource(sseUrl(channel));
      await connected(channel);
      resetWarnings();
      const {warns, errors} = await captureConsole(async () => {
        await send(channel, [
          {data: 'not json'},
          {data: '{"topic": 5}'},
          {data: 'null'},
          {data: '[1, 2]'},
          {data: 'x'.repeat(1_000_001)},
          {data: '{"topic": "has space", "detail": 1}'},
          {data: `{"topic": "${channel}", "detail": {"__proto__": {"polluted": true}, "label": "<img src=x onerror=alert(1)>"}}`},
          {data: envelope(channel, 'fine')},
        ]);
        await until(() => got.details.length === 2);
      });
      expect(got.details[1]).to.equal('fine');
      expect((got.details[0] as {label: string}).label).to.equal('<img src=x onerror=alert(1)>');
      expect(({} as {polluted?: boolean}).polluted).to.equal(undefined);
      // One for the bridge's junk, one from the bus for the topic with a space.
      expect(warns).to.have.length(2);
      expect(errors).to.have.length(0);
      disconnect();
      got.stop();
    });

    it('falls back to defaults for junk options, with a warning each', async () => {
      const channel = newChannel('options');
      const got = record(channel);
      resetWarnings();
      const {result: disconnect, warns} = await captureConsole(() =>
        connectEventSource(sseUrl(channel), {retryMs: 'soon' as never, maxRetryMs: -5, topics: [channel, 'has space', 5 as never], withCredentials: 'yes' as never})
      );
      expect(warns).to.have.length(3);
      await connected(channel);
      await send(channel, [{data: envelope(channel, 'ok')}]);
      await until(() => got.details.length === 1);
      disconnect();
      got.stop();
    });
    it('forwards every topic when topics is not a list, with a warning', async () => {
      const channel = newChannel('topics');
      const got = record(channel);
      resetWarnings();
      const {result: disconnect, warns} = await captureConsole(() => connectEventSource(sseUrl(channel), {topics: 'toast' as never}));
      expect(warns).to.have.length(1);
      await connected(channel);
      await send(channel, [{data: envelope(channel, 'any topic')}]);
      await until(() => got.details.length === 1);
      disconnect();
      got.stop();
    });
  });

  describeCleanup('stream', (channel, options) => connectEventSource(sseUrl(channel), options), connected);
});
