// The API reference, built at runtime from /custom-elements.json. Every string from the manifest
// is rendered as text (see manifest.js); the live examples are built with DOM APIs.
import {h, loadElements, richText} from './manifest.js';

const main = document.getElementById('docs');
const toc = document.getElementById('toc');

/** A small live example per element (anything else: the bare element). */
const EXAMPLES = {
  'mi-progress': () => {
    const progress = h('mi-progress', {label: 'Upload', value: '40'});
    const advance = h('button', {type: 'button', onclick: () => (progress.value = Math.min(100, (progress.value ?? 0) + 20))}, 'Advance 20%');
    return [progress, h('p', {}, advance)];
  },
  'mi-confirm': () => {
    const confirm = h('mi-confirm', {'success-text': 'Saved'}, h('button', {type: 'button'}, 'Save'));
    confirm.action = () => new Promise((resolve) => setTimeout(resolve, 800, 'ok'));
    return [confirm];
  },
  'mi-typing': () => [h('mi-typing', {active: true, name: 'Ana'})],
  'mi-hint': () => [
    h('button', {type: 'button', id: 'docs-hint-target'}, 'Focus or hover me'),
    h('mi-hint', {for: 'docs-hint-target', content: 'Hints describe their target; Esc dismisses them.'}),
  ],
  'mi-toaster': () => [
    h(
      'button',
      {
        type: 'button',
        onclick: () => document.dispatchEvent(new CustomEvent('mi:emit', {detail: {topic: 'toast', detail: {message: 'Saved from the docs page'}}})),
      },
      'Send a toast over the bus'
    ),
    h('mi-toaster', {}),
  ],
  'mi-provider': () => [
    h(
      'mi-provider',
      {motion: 'reduce'},
      customElements.get('mi-progress') ? h('mi-progress', {label: 'Inside a provider (reduced motion)', indeterminate: true}) : h('p', {}, 'Elements inside use reduced motion.')
    ),
  ],
};

function table(caption, columns, rows) {
  if (!rows.length) return null;
  return h(
    'table',
    {},
    h('caption', {class: 'visually-hidden'}, caption),
    h('thead', {}, h('tr', {}, columns.map(([label]) => h('th', {scope: 'col'}, label)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map(([, key, code]) => h('td', {}, code ? h('code', {}, row[key] ?? '') : richText(row[key] ?? ''))))))
  );
}

function section(el) {
  const id = el.tag;
  const live = h('div', {class: 'live'});
  try {
    if (!customElements.get(el.tag)) live.append(`<${el.tag}> is in the manifest but this build does not register it (dist/define.js).`);
    else live.append(...(EXAMPLES[el.tag]?.() ?? [h(el.tag, {})]));
  } catch (error) {
    live.append(`Could not build the example: ${error.message}`);
  }
  const sub = (title, node) => (node ? [h('h3', {}, title), node] : []);
  return h(
    'section',
    {id, 'aria-labelledby': `${id}-title`},
    h('h2', {id: `${id}-title`}, h('code', {}, `<${el.tag}>`), ` — ${el.className}`),
    // JSDoc paragraphs: blank lines separate them; single line breaks are just wrapping.
    ...el.summary.split(/\n\s*\n/).map((para) => h('p', {}, richText(para.replace(/\s*\n\s*/g, ' ')))),
    h('h3', {}, 'Live example'),
    live,
    ...sub(
      'Attributes',
      table(
        'Attributes',
        [
          ['Attribute', 'name', true],
          ['Property', 'field', true],
          ['Type', 'type', true],
          ['Default', 'default', true],
          ['Description', 'description'],
        ],
        el.attributes.map((a) => ({...a, type: a.values ? a.values.map((v) => `'${v}'`).join(' | ') : a.type}))
      )
    ),
    ...sub('Properties (no attribute)', table('Properties', [['Property', 'name', true], ['Type', 'type', true], ['Description', 'description']], el.properties)),
    ...sub('Methods', table('Methods', [['Method', 'name', true], ['Parameters', 'params', true], ['Description', 'description']], el.methods)),
    ...sub('Events', table('Events', [['Event', 'name', true], ['Class', 'type', true], ['Description', 'description']], el.events)),
    ...sub('Slots', table('Slots', [['Slot', 'name', true], ['Description', 'description']], el.slots)),
    ...sub('CSS parts', table('CSS parts', [['Part', 'name', true], ['Description', 'description']], el.parts)),
    ...sub('CSS custom properties', table('CSS custom properties', [['Property', 'name', true], ['Default', 'default', true], ['Description', 'description']], el.cssProperties))
  );
}

try {
  const elements = await loadElements();
  main.replaceChildren(...elements.map(section));
  toc.replaceChildren(h('ul', {}, elements.map((el) => h('li', {}, h('a', {href: `#${el.tag}`}, h('code', {}, `<${el.tag}>`))))));
} catch (error) {
  main.replaceChildren(h('p', {role: 'alert'}, `Could not load the manifest: ${error.message}`));
}
main.removeAttribute('aria-busy');
