import {expect} from '@open-wc/testing';
import {connectWebSocket} from '../../src/bridges/web-socket.js';
import {captureConsole, resetWarnings, sleep} from '../helpers.js';
import {attempts, clients, describeCleanup, envelope, newChannel, record, restart, retryGaps, send, until, wsUrl} from './server.js';

const connected = (channel: string, n = 1, timeout = 3000) => until(async () => (await clients(channel)).ws === n, timeout, `${n} WebSocket client(s)`);

describe('connectWebSocket', () => {
  describe('triggers & bus', () => {
    it('emits each {topic, detail} frame on the bus, from a relative URL', async () => {
      const channel = newChannel('ws');
      const got = record(channel);
      const disconnect = connectWebSocket(wsUrl(channel));
      await connected(channel);
      await send(channel, [{data: envelope(channel, {name: 'Ana', active: true})}, {data: envelope(channel, {name: 'Ana', active: false})}]);
      await until(() => got.details.length === 2);
      expect(got.details).to.deep.equal([
        {name: 'Ana', active: true},
        {name: 'Ana', active: false},
      ]);
      disconnect();
      got.stop();
    });

    it('maps an http(s) URL to ws(s) and accepts a ws: URL; only the listed topics pass', async () => {
      const channel = newChannel('mapped');
      const other = `${channel}-other`;
      const got = record(channel);
      const rest = record(other);
      const http = new URL(wsUrl(channel), location.href);
      const ws = new URL(wsUrl(channel), location.href);
      ws.protocol = 'ws:';
      const one = connectWebSocket(http, {topics: [channel]});
      const two = connectWebSocket(ws.href, {topics: [channel]});
      await connected(channel, 2);
      await send(channel, [{data: envelope(other, 'no')}, {data: envelope(channel, 'yes', 'y-1')}]);
      await until(() => got.details.length === 1);
      await sleep(50);
      expect(got.details).to.deep.equal(['yes']);
      expect(rest.details).to.deep.equal([]);
      one();
      two();
      got.stop();
      rest.stop();
    });

    it('reads frames with a custom parse, which may skip a frame by returning null', async () => {
      const channel = newChannel('parse');
      const got = record(channel);
      const parse = (data: unknown) => {
        const [kind, text] = String(data).split('|');
        return kind === 'ping' ? null : {topic: channel, detail: {message: text, kind}, id: text};
      };
      const disconnect = connectWebSocket(wsUrl(channel), {parse});
      await connected(channel);
      await send(channel, [{data: 'ping|'}, {data: 'info|Agent joined'}, {data: 'info|Agent joined'}, {data: 'success|Solved'}]);
      await until(() => got.details.length === 2);
      await sleep(50);
      expect(got.details).to.deep.equal([
        {message: 'Agent joined', kind: 'info'},
        {message: 'Solved', kind: 'success'},
      ]);
      disconnect();
      got.stop();
    });

    it("forwards a caller's own socket, never reconnects it, and leaves it open on disconnect", async () => {
      const channel = newChannel('own');
      const got = record(channel);
      const socket = new WebSocket(new URL(wsUrl(channel), location.href).href.replace(/^http/, 'ws'));
      const disconnect = connectWebSocket(socket, {retryMs: 20});
      await connected(channel);
      await send(channel, [{data: envelope(channel, 'first')}]);
      await until(() => got.details.length === 1);
      disconnect();
      expect(socket.readyState).to.equal(WebSocket.OPEN);
      await send(channel, [{data: envelope(channel, 'after')}]);
      await sleep(100);
      expect(got.details).to.deep.equal(['first']);
      socket.close();
      got.stop();
    });

    it("does not reconnect a caller's socket when the server drops it", async () => {
      const channel = newChannel('own-drop');
      const socket = new WebSocket(new URL(wsUrl(channel), location.href).href.replace(/^http/, 'ws'));
      const disconnect = connectWebSocket(socket, {retryMs: 20});
      await connected(channel);
      await restart(channel, 50);
      await until(() => socket.readyState === WebSocket.CLOSED);
      await sleep(200);
      expect((await attempts(channel)).length).to.equal(1);
      disconnect();
    });
  });

  describe('reconnect', () => {
    it('after a server restart, reconnects with growing, bounded delays', async () => {
      const channel = newChannel('restart');
      const disconnect = connectWebSocket(wsUrl(channel), {retryMs: 100, maxRetryMs: 800});
      await connected(channel);
      // Down long enough for 4+ retries even where the browser throttles failed WebSocket
      // connections itself (Firefox adds its own delay).
      await restart(channel, 2600);
      await connected(channel, 1, 7000);
      const {retries, gaps} = await retryGaps(channel);
      // Delays: 50–100, 100–200, 200–400, 400–800, then 400–800 ms until the server is back
      // (wide enough apart that a loaded machine's latency does not blur them).
      expect(retries.length).to.be.within(4, 12);
      expect(gaps[2]).to.be.above(gaps[0] + 100);
      // NOTE: Chromium adds its own delay before a WebSocket connection after failed ones (its
      // per-process throttle, a few hundred ms here), hence the wider slack than for SSE.
      // Firefox throttles failed WebSocket connections harder still (up to about a second here).
      const slack = navigator.userAgent.includes('Firefox/') ? 1200 : 400;
      for (const gap of gaps) expect(gap).to.be.below(800 + slack);
      disconnect();
    });

    it('applies replayed messages once after a reconnect', async () => {
      const channel = newChannel('replay');
      const got = record(channel);
      const disconnect = connectWebSocket(wsUrl(channel, '&replay=2'), {retryMs: 30, maxRetryMs: 60});
      await connected(channel);
      await send(channel, [
        {id: 1, data: envelope(channel, 'a', 1)},
        {id: 2, data: envelope(channel, 'b', 2)},
      ]);
      await until(() => got.details.length === 2);
      await restart(channel, 100);
      await connected(channel, 0);
      await connected(channel);
      await send(channel, [{id: 3, data: envelope(channel, 'c', 3)}]);
      await until(() => got.details.includes('c'));
      expect(got.details).to.deep.equal(['a', 'b', 'c']);
      disconnect();
      got.stop();
    });
  });

  describe('bad input', () => {
    it('refuses URLs other than ws(s), http(s) and relative ones', async () => {
      resetWarnings();
      const bad = ['javascript:alert(1)', 'data:text/plain,x', 'file:///etc/passwd', 'ftp://localhost/x', 'http://[bad', 7, null];
      const {warns} = await captureConsole(() => {
        for (const url of bad) connectWebSocket(url as never)();
      });
      expect(warns).to.have.length(bad.length);
      expect(warns.every((w) => String(w[0]).includes('refused to connect'))).to.equal(true);
    });

    it('ignores junk frames and a throwing or junk parse, without throwing', async () => {
      const channel = newChannel('junk');
      const got = record(channel);
      const plain = connectWebSocket(wsUrl(channel));
      const custom = connectWebSocket(wsUrl(channel), {
        parse: (data) => {
          if (data === 'throw') throw new Error('boom');
          if (data === 'junk') return {topic: 5} as never;
          return null;
        },
      });
      await connected(channel, 2);
      resetWarnings();
      const {warns, errors} = await captureConsole(async () => {
        await send(channel, [
          {data: 'not json'},
          {data: '{"detail": 1}'},
          {data: 'null'},
          {data: envelope(channel, 'binary'), binary: true},
          {data: 'x'.repeat(1_000_001)},
          {data: 'throw'},
          {data: 'junk'},
          {data: `{"topic": "${channel}", "detail": {"__proto__": {"polluted": true}}}`},
          {data: envelope(channel, 'fine')},
        ]);
        await until(() => got.details.length === 2);
        await sleep(50);
      });
      expect(got.details[1]).to.equal('fine');
      expect(({} as {polluted?: boolean}).polluted).to.equal(undefined);
      expect(warns).to.have.length(1);
      expect(errors).to.have.length(0);
      plain();
      custom();
      got.stop();
    });

    it('a parse that is not a function reads JSON; junk protocols do not open', async () => {
      const channel = newChannel('options');
      const got = record(channel);
      resetWarnings();
      const {result: disconnect, warns} = await captureConsole(() => connectWebSocket(wsUrl(channel), {parse: 'json' as never}));
      const {result: none, warns: protocolWarns} = await captureConsole(() => connectWebSocket(wsUrl(channel), {protocols: 'not a token'}));
      expect(warns).to.have.length(1);
      expect(protocolWarns).to.have.length(1);
      await connected(channel);
      await send(channel, [{data: envelope(channel, 'ok')}]);
      await until(() => got.details.length === 1);
      disconnect();
      none();
      got.stop();
    });
  });

  describeCleanup('socket', (channel, options) => connectWebSocket(wsUrl(channel), options), connected);
});
