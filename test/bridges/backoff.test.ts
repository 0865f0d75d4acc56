import {expect} from '@open-wc/testing';
import {backoff} from '../../src/bridges/backoff.js';

describe('bridges/backoff', () => {
  it('doubles from the base, capped, with half of each wait random', () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const ceiling = Math.min(30_000, 1000 * 2 ** attempt);
      for (let i = 0; i < 50; i++) expect(backoff(attempt, 1000, 30_000)).to.be.within(ceiling / 2, ceiling);
    }
  });

  it('until the cap, never waits less after a failure than the previous wait could have been', () => {
    // 100 · 2^5 = 3200 is the last ceiling below the 5000 cap.
    for (let attempt = 0; attempt < 5; attempt++) {
      const low = Math.min(...Array.from({length: 50}, () => backoff(attempt + 1, 100, 5000)));
      const high = Math.max(...Array.from({length: 50}, () => backoff(attempt, 100, 5000)));
      expect(low).to.be.at.least(high);
    }
  });

  it('spreads clients: the same attempt does not always wait the same', () => {
    const waits = new Set(Array.from({length: 20}, () => backoff(3, 1000, 30_000)));
    expect(waits.size).to.be.above(10);
  });
});
