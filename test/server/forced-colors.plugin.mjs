// Test command `emulate-forced-colors` ({active: boolean}): Windows High Contrast / forced colors
// in Chromium over CDP. @web/test-runner-commands' emulateMedia({forcedColors}) is Playwright-only:
// with the puppeteer-based chromeLauncher it is silently ignored (and puppeteer's own
// emulateMediaFeatures refuses the `forced-colors` feature), so this sends
// Emulation.setEmulatedMedia itself, on a CDP session of its own per page.
const sessions = new WeakMap();

export default {
  name: 'emulate-forced-colors',
  /** @param {{command: string, payload: any, session: any}} args */
  async executeCommand({command, payload, session}) {
    if (command !== 'emulate-forced-colors') return undefined;
    if (session.browser.type !== 'puppeteer') throw new Error(`emulate-forced-colors needs Chromium (CDP), not ${session.browser.type}.`);
    const page = session.browser.getPage(session.id);
    let cdp = sessions.get(page);
    if (!cdp) sessions.set(page, (cdp = await page.createCDPSession()));
    await cdp.send('Emulation.setEmulatedMedia', {features: [{name: 'forced-colors', value: payload?.active ? 'active' : 'none'}]});
    return true;
  },
};
