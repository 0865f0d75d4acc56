import {expect} from '@open-wc/testing';
import {sendMouse} from '@web/test-runner-commands';
import {configure, resetConfig} from '../../src/core/config.js';
import {playSound, vibrate, userHasInteracted} from '../../src/core/feedback.js';
import {captureConsole, resetWarnings} from '../helpers.js';

describe('core/feedback', () => {
  const realAudio = window.AudioContext;
  const realVibrate = navigator.vibrate;
  let contexts = 0;
  let oscillators = 0;
  let vibrations: Array<number | number[]> = [];

  beforeEach(() => {
    contexts = 0;
    oscillators = 0;
    vibrations = [];
    // Spies that count, backed by the real AudioContext so the cue code runs for real.
    window.AudioContext = class extends realAudio {
      constructor() {
        super();
        contexts++;
      }
      override createOscillator() {
        oscillators++;
        return super.createOscillator();
      }
    } as typeof AudioContext;
    navigator.vibrate = ((pattern: number[]) => {
      vibrations.push(pattern);
      return true;
    }) as Navigator['vibrate'];
    (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('mi-elements/audio@1')] &&
      ((globalThis as unknown as Record<symbol, {context?: AudioContext}>)[Symbol.for('mi-elements/audio@1')].context = undefined);
  });

  afterEach(() => {
    window.AudioContext = realAudio;
    navigator.vibrate = realVibrate;
    resetConfig();
  });

  it('plays nothing before the page opts in, even after a user gesture', async () => {
    await sendMouse({type: 'click', position: [5, 5]});
    expect(userHasInteracted()).to.equal(true);
    expect(playSound('success')).to.equal(false);
    expect(vibrate('success')).to.equal(false);
    expect(contexts).to.equal(0);
    expect(vibrations).to.have.length(0);
  });

  it('plays after opt-in and a user gesture; haptics stay off under reduced motion', async () => {
    await sendMouse({type: 'click', position: [5, 5]});
    configure({sound: true, haptics: true});
    expect(playSound('success')).to.equal(true);
    expect(contexts).to.equal(1);
    expect(oscillators).to.equal(2);
    expect(playSound('pop')).to.equal(true);
    expect(contexts, 'one AudioContext is reused').to.equal(1);
    expect(vibrate('error')).to.equal(true);
    expect(vibrations).to.deep.equal([[30, 50, 30, 50, 30]]);
    expect(vibrate('pop', true, true)).to.equal(false);
    expect(vibrations).to.have.length(1);
  });

  it('unknown cue names and unsupported APIs neither throw nor play', async () => {
    resetWarnings();
    configure({sound: true, haptics: true});
    await sendMouse({type: 'click', position: [5, 5]});
    const {warns} = await captureConsole(() => {
      expect(playSound('<script>')).to.equal(false);
      expect(vibrate('nope')).to.equal(false);
      (window as {AudioContext?: unknown}).AudioContext = undefined;
      (navigator as {vibrate?: unknown}).vibrate = undefined;
      expect(playSound('success')).to.equal(false);
      expect(vibrate('success')).to.equal(false);
    });
    expect(warns).to.have.length(2);
  });
});

describe('core/feedback and announcer: one tab speaks for shared events', () => {
  const flag = () => (globalThis as unknown as Record<symbol, {leader: boolean}>)[Symbol.for('mi-elements/leader@1')];

  afterEach(() => {
    if (flag()) flag().leader = true;
    resetConfig();
  });

  it('a tab that does not lead plays no cue', async () => {
    await sendMouse({type: 'click', position: [5, 5]});
    configure({sound: true, haptics: true});
    const {isLeaderTab} = await import('../../src/core/leader.js');
    expect(isLeaderTab()).to.equal(true);
    flag().leader = false;
    const calls: unknown[] = [];
    const real = navigator.vibrate;
    navigator.vibrate = ((p: number[]) => calls.push(p) > 0) as Navigator['vibrate'];
    expect(playSound('pop')).to.equal(false);
    expect(vibrate('pop')).to.equal(false);
    navigator.vibrate = real;
    expect(calls).to.have.length(0);
  });

  it('a hidden tab that does not lead announces nothing; a visible one still does', async () => {
    const {announce, onAnnounce} = await import('../../src/core/announcer.js');
    const heard: string[] = [];
    const off = onAnnounce((a) => heard.push(a.message));
    flag().leader = false;
    Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
    announce('From a hidden follower');
    delete (document as unknown as Record<string, unknown>).visibilityState;
    announce('From a visible tab');
    await new Promise((r) => setTimeout(r, 400));
    off();
    expect(heard).to.deep.equal(['From a visible tab']);
  });
});
