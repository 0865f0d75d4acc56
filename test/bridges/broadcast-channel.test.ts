import {expect} from '@open-wc/testing';
import {bus} from '../../src/core/bus.js';
import {connectBroadcastChannel, isLeader, LEADER_LOCK} from '../../src/bridges/broadcast-channel.js';
import {connectEventSource} from '../../src/bridges/event-source.js';
import {captureConsole, resetWarnings, sleep} from '../helpers.js';
import type {Peer} from './peer.js';
import {clients, envelope, newChannel, record, send, sseUrl, until} from './server.js';

const windows: Window[] = [];

/** This page's tab id (the page-wide singleton the bridge keeps). */
const tabId = () => (globalThis as unknown as Record<symbol, {id: string}>)[Symbol.for('mi-elements/tab@1')].id;

/**
 * Opens another tab: a real second window (own realm, bus, tab id and Web Locks holder) running
 * the bridge from source. A window rather than an iframe also keeps its scripts out of this
 * page's coverage, which would otherwise be overwritten by the second copy's.
 */
async function openPeer(): Promise<{win: Window; peer: Peer}> {
  const win = window.open(new URL('./peer.html', import.meta.url).href, '_blank', 'popup,width=320,height=240')!;
  windows.push(win);
  await until(() => !!(win as Window & {peer?: Peer}).peer, 5000, 'the peer page');
  return {win, peer: (win as Window & {peer: Peer}).peer};
}

/** Records a topic on a peer's bus. */
function recordPeer(peer: Peer, topic: string) {
  const details: unknown[] = [];
  const stop = peer.bus.on(topic, (d) => details.push(d));
  return {details, stop};
}

/** Watches the raw channel: every post any tab makes. */
function wire(name: string) {
  const posts: unknown[] = [];
  const channel = new BroadcastChannel(name);
  channel.onmessage = (e) => posts.push(e.data);
  return {posts, channel};
}

describe('connectBroadcastChannel', () => {
  afterEach(() => {
    for (const win of windows.splice(0)) win.close();
  });

  describe('triggers & bus', () => {
    it('each event is applied once in each tab, and never posted back', async () => {
      const name = newChannel('room');
      const topic = `${name}-note`;
      const {peer} = await openPeer();
      const here = record(topic);
      const there = recordPeer(peer, topic);
      const watch = wire(name);
      const off = connectBroadcastChannel(name);
      const offPeer = peer.connectBroadcastChannel(name);

      bus.emit(topic, {n: 1});
      await until(() => there.details.length === 1);
      peer.bus.emit(topic, {n: 2});
      await until(() => here.details.length === 2);
      await sleep(150);
      expect(here.details).to.deep.equal([{n: 1}, {n: 2}]);
      expect(there.details).to.deep.equal([{n: 1}, {n: 2}]);
      // One post per event: the receiving tab did not relay it again.
      expect(watch.posts).to.have.length(2);
      expect((watch.posts as Array<{t: string; d: unknown}>).map((p) => p.d)).to.deep.equal([{n: 1}, {n: 2}]);
      off();
      offPeer();
      watch.channel.close();
      here.stop();
      there.stop();
    });

    it('what a handler emits in reply to another tab\'s message is not posted', async () => {
      const name = newChannel('reply');
      const topic = `${name}-order`;
      const {peer} = await openPeer();
      const stopReply = peer.bus.on(topic, () => peer.bus.emit(`${topic}-seen`, true));
      const watch = wire(name);
      const off = connectBroadcastChannel(name);
      const offPeer = peer.connectBroadcastChannel(name);
      const seen = recordPeer(peer, `${topic}-seen`);
      bus.emit(topic, 'new order');
      await until(() => seen.details.length === 1);
      await sleep(100);
      expect((watch.posts as Array<{t: string}>).map((p) => p.t)).to.deep.equal([topic]);
      off();
      offPeer();
      stopReply();
      watch.channel.close();
    });

    it('an event with an id that reaches both tabs from the server is applied once in each', async () => {
      const name = newChannel('shared');
      const topic = `${name}-toast`;
      const {peer} = await openPeer();
      const here = record(topic);
      const there = recordPeer(peer, topic);
      const offs = [
        connectBroadcastChannel(name),
        peer.connectBroadcastChannel(name),
        connectEventSource(sseUrl(name)),
        peer.connectEventSource(sseUrl(name)),
      ];
      await until(async () => (await clients(name)).sse === 2);
      await send(name, [{id: 1, data: envelope(topic, {message: 'Ticket solved'})}]);
      await until(() => here.details.length === 1 && there.details.length === 1);
      await sleep(150);
      expect(here.details).to.deep.equal([{message: 'Ticket solved'}]);
      expect(there.details).to.deep.equal([{message: 'Ticket solved'}]);
      offs.forEach((off) => off());
      here.stop();
      there.stop();
    });

    it('an event without an id that reaches three tabs from the server and from each other is applied once in each', async () => {
      const name = newChannel('noid');
      const topic = `${name}-toast`;
      const peers = [(await openPeer()).peer, (await openPeer()).peer];
      const logs = [record(topic), ...peers.map((peer) => recordPeer(peer, topic))];
      const offs = [connectBroadcastChannel(name), connectEventSource(sseUrl(name))];
      for (const peer of peers) offs.push(peer.connectBroadcastChannel(name), peer.connectEventSource(sseUrl(name)));
      await until(async () => (await clients(name)).sse === 3);
      // Two identical events are two events; each one arrives once from the server and up to twice relayed.
      const solved = {message: 'Ticket solved'};
      await send(name, [{data: envelope(topic, solved)}, {data: envelope(topic, {message: 'New reply'})}, {data: envelope(topic, solved)}]);
      await until(() => logs.every((log) => log.details.length >= 3));
      await sleep(300);
      for (const log of logs) {
        expect(log.details).to.have.length(3);
        expect(log.details).to.deep.include.members([solved, {message: 'New reply'}]);
        expect(log.details.filter((d) => (d as {message: string}).message === 'Ticket solved')).to.have.length(2);
      }
      offs.forEach((off) => off());
      logs.forEach((log) => log.stop());
    });

    it('forwards only the listed topics', async () => {
      const name = newChannel('topics');
      const {peer} = await openPeer();
      const shared = recordPeer(peer, `${name}-shared`);
      const local = recordPeer(peer, `${name}-local`);
      const off = connectBroadcastChannel(name, {topics: [`${name}-shared`]});
      const offPeer = peer.connectBroadcastChannel(name, {topics: [`${name}-shared`]});
      bus.emit(`${name}-local`, 1);
      bus.emit(`${name}-shared`, 2);
      await until(() => shared.details.length === 1);
      await sleep(50);
      expect(local.details).to.deep.equal([]);
      off();
      offPeer();
    });

    it('connecting one name twice in a tab shares one connection until the last disconnect', async () => {
      const name = newChannel('twice');
      const topic = `${name}-note`;
      const {peer} = await openPeer();
      const here = record(topic);
      const watch = wire(name);
      const first = connectBroadcastChannel(name);
      const second = connectBroadcastChannel(name);
      const offPeer = peer.connectBroadcastChannel(name);
      peer.bus.emit(topic, 'from peer');
      bus.emit(topic, 'from here');
      await until(() => watch.posts.length === 2);
      await sleep(50);
      expect(here.details).to.have.members(['from peer', 'from here']);
      expect(watch.posts).to.have.length(2);
      first();
      first();
      peer.bus.emit(topic, 'still connected');
      await until(() => here.details.length === 3);
      second();
      peer.bus.emit(topic, 'after the last disconnect');
      await until(() => watch.posts.length === 4);
      await sleep(50);
      expect(here.details.at(-1)).to.equal('still connected');
      offPeer();
      watch.channel.close();
      here.stop();
    });
  });

  describe('leader', () => {
    it('one tab leads: the one shown or focused last; the next takes over when it closes', async () => {
      const name = newChannel('lead');
      expect(isLeader()).to.equal(true);
      const off = connectBroadcastChannel(name);
      await until(() => isLeader(), 2000, 'this tab to lead');
      const {win, peer} = await openPeer();
      const offPeer = peer.connectBroadcastChannel(name);
      // The newly shown tab takes the lead.
      await until(() => peer.isLeader() && !isLeader(), 2000, 'the new tab to lead');
      dispatchEvent(new Event('focus'));
      await until(() => isLeader() && !peer.isLeader(), 2000, 'the focused tab to lead');
      win.dispatchEvent(new Event('focus'));
      await until(() => peer.isLeader() && !isLeader(), 2000, 'the peer to lead again');
      // The leading tab closes: the one waiting in line leads.
      win.close();
      await until(() => isLeader(), 2000, 'this tab to take over');
      const held = await navigator.locks.query();
      expect(held.held?.filter((l) => l.name === LEADER_LOCK)).to.have.length(1);
      off();
      offPeer();
      expect(isLeader()).to.equal(true);
      await until(async () => !(await navigator.locks.query()).held?.some((l) => l.name === LEADER_LOCK), 2000, 'the lock to be released');
    });

    it('without Web Locks (insecure contexts), a visible tab leads', async () => {
      Object.defineProperty(navigator, 'locks', {value: undefined, configurable: true});
      try {
        const off = connectBroadcastChannel(newChannel('nolocks'));
        expect(isLeader()).to.equal(document.visibilityState === 'visible');
        expect(isLeader()).to.equal(true);
        off();
      } finally {
        delete (navigator as {locks?: unknown}).locks;
      }
      expect(navigator.locks).to.be.an.instanceOf(LockManager);
    });
  });

  describe('bad input', () => {
    it('when Web Locks fail (an opaque origin), falls back to "visible tabs lead", without looping', async () => {
      let calls = 0;
      const failing = {request: () => (calls++, Promise.reject(new DOMException('no locks here', 'SecurityError')))};
      Object.defineProperty(navigator, 'locks', {value: failing, configurable: true});
      try {
        const off = connectBroadcastChannel(newChannel('failing'));
        await sleep(50);
        expect(calls).to.equal(1);
        expect(isLeader()).to.equal(true);
        dispatchEvent(new Event('focus'));
        await sleep(20);
        expect(calls).to.equal(1);
        off();
      } finally {
        delete (navigator as {locks?: unknown}).locks;
      }
    });

    it('ignores traffic it did not send, and details that cannot be cloned, without throwing', async () => {
      const name = newChannel('junk');
      const topic = `${name}-note`;
      const here = record(topic);
      const off = connectBroadcastChannel(name);
      const other = new BroadcastChannel(name);
      resetWarnings();
      const {warns, errors} = await captureConsole(async () => {
        for (const junk of ['text', null, 5, {mi: 1}, {mi: 1, o: 5, t: topic}, {mi: 2, o: 'x', t: topic, d: 'old protocol'}]) other.postMessage(junk);
        // Sent by this very page (e.g. a second copy of the package): not applied twice.
        other.postMessage({mi: 1, o: tabId(), t: topic, d: 'from this page'});
        other.postMessage({mi: 1, o: 'another-tab', t: topic, d: {label: '<img src=x onerror=alert(1)>', ['__proto__']: {polluted: true}}});
        await until(() => here.details.length === 1);
        bus.emit(topic, {callback: () => {}});
      });
      expect(here.details).to.have.length(2);
      expect((here.details[0] as {label: string}).label).to.equal('<img src=x onerror=alert(1)>');
      expect(({} as {polluted?: boolean}).polluted).to.equal(undefined);
      // One for the foreign traffic, one for the detail that cannot cross.
      expect(warns).to.have.length(2);
      expect(errors).to.have.length(0);
      other.close();
      off();
      here.stop();
    });

    it('refuses a junk channel name', async () => {
      resetWarnings();
      const {warns} = await captureConsole(() => {
        for (const name of ['', 5, 'x'.repeat(201), {}]) connectBroadcastChannel(name as never)();
      });
      expect(warns).to.have.length(1);
      expect(isLeader()).to.equal(true);
    });
  });

  describe('cleanup', () => {
    it('a disconnect before the lead is granted leaves no lock behind', async () => {
      for (let i = 0; i < 3; i++) connectBroadcastChannel(newChannel('quick'))();
      expect(isLeader()).to.equal(true);
      await sleep(50);
      expect((await navigator.locks.query()).held?.some((l) => l.name === LEADER_LOCK)).to.equal(false);
      expect(isLeader()).to.equal(true);
    });

    it('disconnect stops posting, receiving and leading', async () => {
      const name = newChannel('cleanup');
      const topic = `${name}-note`;
      const here = record(topic);
      const off = connectBroadcastChannel(name);
      await until(() => isLeader());
      off();
      const watch = wire(name);
      const other = new BroadcastChannel(name);
      other.postMessage({mi: 1, o: 'another-tab', t: topic, d: 'late'});
      bus.emit(topic, 'local only');
      dispatchEvent(new Event('focus'));
      await sleep(100);
      expect(here.details).to.deep.equal(['local only']);
      expect(watch.posts.filter((p) => (p as {d: unknown}).d === 'local only')).to.have.length(0);
      expect(isLeader()).to.equal(true);
      expect((await navigator.locks.query()).held?.some((l) => l.name === LEADER_LOCK)).to.equal(false);
      other.close();
      watch.channel.close();
      here.stop();
    });
  });
});
