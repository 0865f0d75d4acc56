// Runs inside the strict-CSP page: renders every matrix state and reports to window.__battery.
import {available} from '/test/battery/matrix.js';

const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));

await customElements.whenDefined('mi-provider');
const stage = document.getElementById('stage');
const entries = available();
const unstyled = [];
const fingerprints = {};
let rendered = 0;
// Properties our stylesheets set and no animation touches: if a sheet were blocked, these fall
// back to UA defaults. csp.mjs compares them with the same states on a page without the policy.
const PROPS = ['display', 'position', 'box-sizing', 'border-top-style', 'border-top-left-radius', 'font-weight', 'text-align', 'cursor', 'white-space', 'list-style-type'];
const fingerprint = (el) => {
  const probe = (node) => {
    const style = getComputedStyle(node);
    return PROPS.map((p) => style.getPropertyValue(p)).join(' ');
  };
  const hosts = [el, ...el.querySelectorAll('*')].filter((n) => n.shadowRoot && n.localName.startsWith('mi-'));
  return hosts.flatMap((host) => [
    `${host.localName} ${probe(host)}`,
    ...[...host.shadowRoot.querySelectorAll('[part]')].map((n) => `${host.localName}::part(${n.getAttribute('part')}) ${probe(n)}`),
  ]);
};
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
    fingerprints[`${entry.tag}:${entry.state}`] = fingerprint(el);
    rendered++;
  } catch (error) {
    unstyled.push(`${entry.tag}:${entry.state} threw ${error}`);
  }
}
await new Promise((r) => setTimeout(r, 300));
window.__battery = {violations, unstyled, rendered, expected: entries.length, fingerprints};
