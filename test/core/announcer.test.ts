import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {a11ySnapshot, findAccessibilityNode} from '@web/test-runner-commands';
import {announce, onAnnounce, prepareAnnouncer, REGION_WAIT_MS, WRITE_GAP_MS} from '../../src/core/announcer.js';
import {captureConsole, recordAnnouncements, resetWarnings, sleep} from '../helpers.js';

type AXNode = {role?: string; name?: string; children?: AXNode[]};

const regions = () => [...document.querySelectorAll<HTMLElement>('body > [data-mi-announcer] > [aria-live]')];

/** Waits until the announcer queue has gone quiet. */
const drained = async (log: {messages: unknown[]}, count: number, timeout = 15000) =>
  waitUntil(() => log.messages.length >= count, `expected ${count} announcements`, {timeout, interval: 20});

describe('core/announcer', () => {
  it('keeps one empty, visually hidden polite and assertive region on the page', () => {
    prepareAnnouncer();
    prepareAnnouncer();
    const found = regions();
    expect(found.map((r) => r.getAttribute('aria-live'))).to.deep.equal(['polite', 'assertive']);
    const box = found[0].parentElement!.getBoundingClientRect();
    expect(box.width).to.be.at.most(1);
    expect(getComputedStyle(found[0].parentElement!).display).to.not.equal('none');
  });

  it('writes the first message at least 150 ms after the region was created', async () => {
    // A fresh page region: remove the existing one so announce() has to create it.
    document.querySelector('body > [data-mi-announcer]')?.remove();
    const log = recordAnnouncements();
    const before = performance.now();
    announce('Saved');
    // announce() created the region synchronously, so it was created at or after `before`.
    const region = document.querySelector('body > [data-mi-announcer] > [aria-live=polite]');
    expect(region, 'region exists before its first message').to.not.equal(null);
    expect(region!.textContent).to.equal('');
    let writtenAt = 0;
    const off = onAnnounce(() => (writtenAt = performance.now()));
    await drained(log, 1);
    off();
    log.stop();
    expect(log.messages[0].region).to.equal(region);
    expect(writtenAt - before).to.be.at.least(REGION_WAIT_MS);
  });

  it('queues 50 messages with duplicates: 50 writes, none lost, assertive first, ≥ 150 ms apart', async function () {
    this.timeout(20000);
    prepareAnnouncer();
    await sleep(REGION_WAIT_MS);
    const log = recordAnnouncements();
    const times: number[] = [];
    const sent: string[] = [];
    // Write times, as the announcer stamps them (a listener's own clock lags under load).
    const stop = onAnnounce((a) => times.push(a.time));
    for (let i = 0; i < 48; i++) {
      const text = i % 4 === 0 ? 'Same again' : `Message ${i}`;
      sent.push(text);
      announce(text);
    }
    announce('Error one', {politeness: 'assertive'});
    announce('Error two', {politeness: 'assertive'});
    await drained(log, 50);
    stop();
    log.stop();
    expect(log.messages).to.have.length(50);
    // The first message may already be on its way; the assertive ones come right after it.
    const firstAssertive = log.messages.findIndex((m) => m.politeness === 'assertive');
    expect(firstAssertive).to.be.at.most(1);
    expect(log.messages[firstAssertive + 1].politeness).to.equal('assertive');
    expect(log.messages[firstAssertive + 1].region.getAttribute('aria-live')).to.equal('assertive');
    const polite = log.messages.filter((m) => m.politeness === 'polite').map((m) => m.message);
    expect(polite).to.deep.equal(sent);
    // Identical repeats were re-announced: each one changed the region's text.
    expect(polite.filter((t) => t === 'Same again')).to.have.length(12);
    // Writes are spaced at least WRITE_GAP_MS apart.
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).to.be.at.least(WRITE_GAP_MS);
  });

  it('re-announces an identical repeat by changing the region text', async () => {
    const log = recordAnnouncements();
    announce('Copied');
    await drained(log, 1);
    const region = log.messages[0].region;
    const first = region.textContent;
    announce('Copied');
    await drained(log, 2);
    log.stop();
    expect(first).to.equal('Copied');
    expect(region.textContent).to.not.equal(first);
    expect(region.textContent!.trim()).to.equal('Copied');
  });

  it('speaks inside an open modal dialog, where Chromium does not prune it [chromium]', async () => {
    const dialog = await fixture<HTMLDialogElement>(html`<dialog aria-label="Checkout"><button>Pay</button></dialog>`);
    dialog.showModal();
    const log = recordAnnouncements();
    announce('Payment accepted');
    await drained(log, 1);
    log.stop();
    const region = log.messages[0].region;
    expect(dialog.contains(region)).to.equal(true);
    // The accessibility tree of the dialog exposes the message (outside regions are ignored).
    const snapshot = (await a11ySnapshot({selector: 'dialog'})) as unknown as AXNode;
    const hit = findAccessibilityNode(snapshot as never, (n: AXNode) => n.name === 'Payment accepted');
    expect(hit, JSON.stringify(snapshot)).to.not.equal(null);
    const page = (await a11ySnapshot({})) as unknown as AXNode;
    const pageRegionText = findAccessibilityNode(page as never, (n: AXNode) => n.name === 'Payment accepted');
    expect(pageRegionText).to.not.equal(null);
    dialog.close();
  });

  it('also follows an aria-modal custom dialog', async () => {
    const modal = await fixture<HTMLElement>(html`<div role="dialog" aria-modal="true" aria-label="Help"><p>Hi</p></div>`);
    const log = recordAnnouncements();
    announce('Inside custom modal');
    await drained(log, 1);
    log.stop();
    expect(modal.contains(log.messages[0].region)).to.equal(true);
  });

  it('ignores empty, non-text and "off" messages, and cuts huge ones', async () => {
    resetWarnings();
    const log = recordAnnouncements();
    const {warns} = await captureConsole(() => {
    announce('');
    announce('   ');
    announce(null);
    announce({toString: () => 'x'});
    announce('quiet', {politeness: 'off'});
    announce('<img src=x onerror="window.__xss=1">' + 'a'.repeat(100_000));
    });
    expect(warns).to.have.length(2);
    await drained(log, 1);
    await sleep(WRITE_GAP_MS + 50);
    log.stop();
    expect(log.messages).to.have.length(1);
    expect(log.messages[0].message.length).to.be.at.most(500);
    expect(log.messages[0].region.querySelector('img')).to.equal(null);
    expect((window as unknown as {__xss?: number}).__xss).to.equal(undefined);
  });
});

describe('core/announcer: messages about elements', () => {
  it('drops a queued message whose source element left the page before its turn', async () => {
    const log = recordAnnouncements();
    const gone = document.createElement('span');
    const staying = document.createElement('span');
    document.body.append(gone, staying);
    announce('First, to occupy the queue');
    announce('About a removed element', {source: gone});
    announce('About a present element', {source: staying});
    gone.remove();
    await drained(log, 2);
    await sleep(WRITE_GAP_MS * 2);
    log.stop();
    staying.remove();
    expect(log.texts()).to.deep.equal(['First, to occupy the queue', 'About a present element']);
  });
});
