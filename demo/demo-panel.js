// <mi-demo-panel>: the live side of every demo page — what a screen reader hears (the
// announcer log), every bus message, and a motion switch. Demo-only; built on the public API.
import {bus, onAnnounce, configure, getConfig} from '/dist/index.js';

class MiDemoPanel extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({mode: 'open'});
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`
      :host { display:block; margin-top: 1rem; }
      .grid { display:grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
      ol { font: 0.85rem ui-monospace, monospace; max-height: 14rem; overflow:auto; margin:0; padding-inline-start: 1.5rem; }
      .assertive { color: #b3261e; font-weight: 600; }
      fieldset { border-radius: 8px; }
      @media (prefers-color-scheme: dark) { .assertive { color: #ffb4ab; } }
    `);
    root.adoptedStyleSheets = [sheet];
    const h = (tag, props = {}, ...children) => {
      const el = document.createElement(tag);
      Object.assign(el, props);
      el.append(...children);
      return el;
    };
    const motion = h('select', {id: 'motion'});
    for (const value of ['auto', 'reduce', 'full']) motion.append(h('option', {value, textContent: value}));
    motion.value = getConfig().motion;
    motion.addEventListener('change', () => configure({motion: motion.value}));
    const sound = h('input', {type: 'checkbox', id: 'sound', checked: getConfig().sound});
    sound.addEventListener('change', () => configure({sound: sound.checked, haptics: sound.checked}));
    const spoken = h('ol', {ariaLabel: 'Announcer log'});
    const messages = h('ol', {ariaLabel: 'Bus log'});
    root.append(
      h('fieldset', {},
        h('legend', {textContent: 'Page settings'}),
        h('label', {textContent: 'Motion '}, motion), ' ',
        h('label', {}, sound, ' Sound & haptics')),
      h('div', {className: 'grid'},
        h('section', {}, h('h3', {textContent: 'What a screen reader hears'}), spoken),
        h('section', {}, h('h3', {textContent: 'Bus messages'}), messages))
    );
    const add = (list, text, className = '') => {
      list.append(h('li', {textContent: `${new Date().toLocaleTimeString()} ${text}`, className}));
      list.scrollTop = list.scrollHeight;
    };
    this.offs = [
      onAnnounce((a) => add(spoken, `[${a.politeness}] ${a.message}`, a.politeness)),
      bus.on('*', (detail, topic) => {
        let text;
        try {
          text = JSON.stringify(detail);
        } catch {
          text = String(detail);
        }
        add(messages, `${topic}: ${text?.slice(0, 200)}`);
      }),
    ];
  }
  disconnectedCallback() {
    for (const off of this.offs ?? []) off();
  }
}
customElements.define('mi-demo-panel', MiDemoPanel);
