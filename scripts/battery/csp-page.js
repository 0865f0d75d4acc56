// Runs inside the strict-CSP page: renders every matrix state and reports to window.__battery.
import {available} from '/test/battery/matrix.js';

const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));

await customElements.whenDefined('mi-provider');
const stage = document.getElementById('stage');
const entries = available();
const unstyled = [];
let rendered = 0;
for (const entry of entries) {
  try {
    const el = entry.create();
    stage.append(el);
    await el.updateComplete;
    await entry.settle?.(el);
    await el.updateComplete;
    // Styles applied: the host's computed display comes from our constructable stylesheet
    // (it is never the UA default "inline" for our elements).
    const display = getComputedStyle(el).display;
    if (display === 'inline' && !el.shadowRoot?.adoptedStyleSheets.length) unstyled.push(`${entry.tag}:${entry.state}`);
    rendered++;
  } catch (error) {
    unstyled.push(`${entry.tag}:${entry.state} threw ${error}`);
  }
}
await new Promise((r) => setTimeout(r, 300));
window.__battery = {violations, unstyled, rendered, expected: entries.length};
