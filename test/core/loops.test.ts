import {expect} from '@open-wc/testing';
import {canShow, readLoop, recordDismissed, recordShown, resetLoops} from '../../src/core/loops.js';
import {captureConsole, resetWarnings} from '../helpers.js';

const DAY = 86_400_000;

describe('core/loops', () => {
  beforeEach(() => resetLoops());
  afterEach(() => resetLoops());

  it('once: shows until counted once, and the count survives a reload (same storage)', () => {
    expect(canShow({key: 'welcome', times: 1})).to.equal(true);
    recordShown('welcome');
    expect(canShow({key: 'welcome', times: 1})).to.equal(false);
    // A reload starts from storage: the record is there under a versioned key.
    const stored = Object.keys(localStorage).filter((k) => k.includes('welcome'));
    expect(stored).to.deep.equal(['mi-elements:loop@1:welcome']);
    expect(JSON.parse(localStorage.getItem(stored[0])!).count).to.equal(1);
  });

  it('times: N showings, and a new key starts over', () => {
    for (let i = 0; i < 3; i++) {
      expect(canShow({key: 'tip', times: 3})).to.equal(true);
      recordShown('tip');
    }
    expect(canShow({key: 'tip', times: 3})).to.equal(false);
    expect(canShow({key: 'tip-v2', times: 3})).to.equal(true);
  });

  it('a dismissal is final without snooze, and lapses after the snooze days', () => {
    const now = Date.now();
    recordDismissed('coach', now);
    expect(canShow({key: 'coach'}, now)).to.equal(false);
    expect(canShow({key: 'coach', snoozeDays: 2}, now + DAY)).to.equal(false);
    expect(canShow({key: 'coach', snoozeDays: 2}, now + 2 * DAY + 1)).to.equal(true);
  });

  it('corrupt stored data reads as a fresh record', () => {
    localStorage.setItem('mi-elements:loop@1:bad', '{not json');
    localStorage.setItem('mi-elements:loop@1:weird', JSON.stringify({count: 'many', __proto__: {x: 1}}));
    expect(readLoop('bad')).to.deep.equal({count: 0, lastShown: 0, dismissedAt: 0});
    expect(readLoop('weird').count).to.equal(0);
  });

  it('storage that throws (private mode, quota, disabled) degrades to memory and never throws', async () => {
    resetWarnings();
    const proto = Storage.prototype;
    const original = {get: proto.getItem, set: proto.setItem, remove: proto.removeItem};
    proto.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    proto.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    proto.removeItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    try {
      const {warns} = await captureConsole(() => {
        expect(canShow({key: 'private', times: 1})).to.equal(true);
        recordShown('private');
        expect(canShow({key: 'private', times: 1})).to.equal(false);
        recordDismissed('private');
        resetLoops('private');
        expect(canShow({key: 'private', times: 1})).to.equal(true);
      });
      expect(warns).to.have.length(1);
    } finally {
      Object.assign(proto, {getItem: original.get, setItem: original.set, removeItem: original.remove});
    }
  });

  it('resetLoops() forgets only our keys', () => {
    localStorage.setItem('someone-else', 'keep');
    recordShown('a');
    recordShown('b');
    resetLoops();
    expect(readLoop('a').count).to.equal(0);
    expect(localStorage.getItem('someone-else')).to.equal('keep');
    localStorage.removeItem('someone-else');
  });
});
