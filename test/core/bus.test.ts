import {expect} from '@open-wc/testing';
import {bus, getBus, type BusMessage} from '../../src/core/bus.js';
import {captureConsole, resetWarnings} from '../helpers.js';

describe('core/bus', () => {
  afterEach(() => bus.clear());

  it('delivers a message to each subscriber of its topic, and only to them', () => {
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = bus.on('orders', (d) => a.push(d));
    const offB = bus.on('other', (d) => b.push(d));
    bus.emit('orders', {id: 1});
    expect(a).to.deep.equal([{id: 1}]);
    expect(b).to.deep.equal([]);
    offA();
    offB();
    bus.emit('orders', {id: 2});
    expect(a).to.have.length(1);
  });

  it('keeps the last message per topic for late subscribers', () => {
    bus.emit('upload', {value: 10});
    bus.emit('upload', {value: 40});
    expect(bus.last('upload')).to.deep.equal({value: 40});
    expect(bus.last('never-sent')).to.equal(undefined);
  });

  it('stamps each message: lastMessage() gives a page-wide seq and the emit time; handlers get it too', () => {
    const heard: BusMessage[] = [];
    const off = bus.on('stamps', (_detail, _topic, message) => heard.push(message));
    const before = performance.now();
    bus.emit('stamps', {value: 1});
    bus.emit('stamps', {value: 1}); // equal detail, still another message
    off();
    const last = bus.lastMessage('stamps')!;
    expect(last.detail).to.deep.equal({value: 1});
    expect(last.topic).to.equal('stamps');
    expect(bus.last('stamps'), 'last() still gives the detail').to.equal(last.detail);
    expect(heard).to.have.length(2);
    expect(heard[1]).to.equal(last);
    expect(heard[1].seq).to.equal(heard[0].seq + 1);
    expect(last.time).to.be.within(before, performance.now());
    expect(Object.isFrozen(last), 'a subscriber cannot rewrite the stamp').to.equal(true);
    bus.emit('other-stamps', 'x');
    expect(bus.lastMessage('other-stamps')!.seq, 'seq is page-wide, across topics').to.be.greaterThan(last.seq);
    bus.clear('stamps');
    expect(bus.lastMessage('stamps')).to.equal(undefined);
    expect(bus.lastMessage('a b')).to.equal(undefined);
  });

  it('"*" hears every topic with its name', () => {
    const seen: Array<[unknown, string]> = [];
    const off = bus.on('*', (d, t) => seen.push([d, t]));
    bus.emit('a', 1);
    bus.emit('b', 2);
    off();
    expect(seen).to.deep.equal([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('a throwing handler does not stop the others', async () => {
    const got: string[] = [];
    const off1 = bus.on('t', () => got.push('first'));
    const off2 = bus.on('t', () => {
      throw new Error('boom');
    });
    const off3 = bus.on('t', () => got.push('third'));
    const {errors} = await captureConsole(() => bus.emit('t', null));
    [off1, off2, off3].forEach((off) => off());
    expect(got).to.deep.equal(['first', 'third']);
    expect(errors).to.have.length(1);
  });

  it('reaches the bus from a mi:emit DOM event (CMS pages without modules)', () => {
    const got: unknown[] = [];
    const off = bus.on('cms', (d) => got.push(d));
    document.dispatchEvent(new CustomEvent('mi:emit', {detail: {topic: 'cms', detail: {text: 'hi'}}}));
    off();
    expect(got).to.deep.equal([{text: 'hi'}]);
  });

  it('is one per page, on a versioned global symbol', () => {
    const key = Symbol.for('mi-elements/bus@1');
    expect((globalThis as unknown as Record<symbol, unknown>)[key]).to.equal(getBus());
  });

  it('survives 10 000 junk emits and subscriptions without throwing or touching Object.prototype', async () => {
    resetWarnings();
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const junk: unknown[] = [
      undefined, null, 0, -1, NaN, Infinity, '', ' ', 'a b', '*', 'x'.repeat(10_000), {}, [], () => {},
      Symbol('s'), 12n, {__proto__: {polluted: true}}, JSON.parse('{"__proto__":{"polluted":true}}'),
      {constructor: {prototype: {polluted: true}}}, new Proxy({}, {get: () => { throw new Error('trap'); }}),
    ];
    let delivered = 0;
    const off = bus.on('junk', () => delivered++);
    const {warns} = await captureConsole(() => {
      for (let i = 0; i < 10_000; i++) {
        const topic = i % 3 === 0 ? 'junk' : junk[i % junk.length];
        const detail = junk[(i * 7) % junk.length];
        bus.emit(topic as string, detail);
        bus.on(topic as string, null as unknown as () => void)();
        bus.last(topic as string);
        document.dispatchEvent(new CustomEvent('mi:emit', {detail: i % 2 ? detail : {topic, detail}}));
      }
    });
    off();
    expect(delivered).to.be.greaterThan(3000);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).to.deep.equal(protoKeys);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    // One warning per kind of mistake, not one per call.
    expect(warns.length).to.be.lessThan(40);
  });
});
