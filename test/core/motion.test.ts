import {expect, waitUntil} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import {configure, resetConfig} from '../../src/core/config.js';
import {onMotionChange, resolveReducedMotion, systemPrefersReducedMotion} from '../../src/core/motion.js';
import '../helpers.js';

describe('core/motion', () => {
  afterEach(async () => {
    resetConfig();
    await emulateMedia({reducedMotion: 'no-preference'});
  });

  it('follows prefers-reduced-motion live [chromium]', async () => {
    let changes = 0;
    const off = onMotionChange(() => changes++);
    await emulateMedia({reducedMotion: 'no-preference'});
    expect(resolveReducedMotion()).to.equal(false);
    await emulateMedia({reducedMotion: 'reduce'});
    await waitUntil(() => systemPrefersReducedMotion(), 'media query did not flip');
    expect(resolveReducedMotion()).to.equal(true);
    await waitUntil(() => changes > 0, 'no change notification');
    off();
  });

  it('resolves overrides: element, then provider, then configure(), then the system [chromium]', async () => {
    await emulateMedia({reducedMotion: 'reduce'});
    await waitUntil(() => systemPrefersReducedMotion());
    expect(resolveReducedMotion('auto', 'auto')).to.equal(true);
    configure({motion: 'full'});
    expect(resolveReducedMotion('auto', 'auto')).to.equal(false);
    expect(resolveReducedMotion('auto', 'reduce')).to.equal(true);
    expect(resolveReducedMotion('full', 'reduce')).to.equal(false);
    expect(resolveReducedMotion('reduce', 'full')).to.equal(true);
    configure({motion: 'auto'});
    expect(resolveReducedMotion(null, undefined)).to.equal(true);
  });

  it('notifies on configure()', () => {
    let changes = 0;
    const off = onMotionChange(() => changes++);
    configure({motion: 'reduce'});
    off();
    configure({motion: 'full'});
    expect(changes).to.equal(1);
  });
});
