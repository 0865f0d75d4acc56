// XSS payloads for the security battery. Each one, if it ever executed, would call
// window.__hit(n); the battery counts calls (expecting 0) and looks for injected nodes.
// Plain JS so the CSP page (scripts/battery/csp.mjs) and the WTR tests share it.
export const PAYLOADS = [
  '<img src=x onerror="__hit(1)">',
  '<svg onload="__hit(2)"></svg>',
  '<iframe srcdoc="<script>parent.__hit(3)</script>"></iframe>',
  '<script>__hit(4)</script>',
  'javascript:__hit(5)',
  'JaVaScRiPt:__hit(6)',
  ' javascript:__hit(7)',
  'data:text/html,<script>parent.__hit(8)</script>',
  'data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19oaXQoOSk8L3NjcmlwdD4=',
  '&lt;img src=x onerror=__hit(10)&gt;',
  '&#60;img src=x onerror=__hit(11)&#62;',
  '"><img src=x onerror=__hit(12)>',
  "'><svg/onload=__hit(13)>",
  '</mi-toast><img src=x onerror=__hit(14)>',
  '${__hit(15)}',
  '{{constructor.constructor("__hit(16)")()}}',
  '<style>@import "javascript:__hit(17)";*{background:url(javascript:__hit(17))}</style>',
  '<a href="javascript:__hit(18)">click</a>',
  '<details open ontoggle="__hit(19)">',
  '<video><source onerror="__hit(20)"></video>',
  '<body onload="__hit(21)">',
  '<input autofocus onfocus="__hit(22)">',
  '<math><mtext><table><mglyph><style><img src=x onerror=__hit(23)>',
  '<object data="javascript:__hit(24)"></object>',
  '<embed src="javascript:__hit(25)">',
  '<form><button formaction="javascript:__hit(26)">x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:__hit(27)">',
  '<template><img src=x onerror=__hit(28)></template>',
  '\u003cimg src=x onerror=__hit(29)\u003e',
  '<img src=x onerror=&#95;&#95;hit(30)>',
  '<!--><img src=x onerror=__hit(31)>-->',
  '<noscript><p title="</noscript><img src=x onerror=__hit(32)>">',
  'vbscript:__hit(33)',
  '<isindex type=image src=1 onerror=__hit(34)>',
];

/** Installs the execution counter; returns a reader. */
export function installHitCounter() {
  const hits = [];
  window.__hit = (n) => hits.push(n);
  return hits;
}

/** Script, iframe, object, embed, img, svg or on* attributes anywhere under a root (shadow roots included). */
export function injectedNodes(root) {
  const found = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (/^(script|iframe|object|embed|img|svg|style|meta|template|math|video|details|isindex)$/.test(el.localName) && !el.hasAttribute('data-mi-own')) {
        found.push(el.localName);
      }
      for (const attr of el.attributes) if (/^on/i.test(attr.name)) found.push(`${el.localName}[${attr.name}]`);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return found;
}
