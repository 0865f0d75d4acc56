// The CMS snippet generator: options from /custom-elements.json, the snippet as text, a live
// preview built with DOM APIs (attribute values are set with setAttribute, never parsed as HTML).
import {announce, bus} from '/dist/index.js';
import {h, loadElements, richText} from './manifest.js';

const $ = (id) => document.getElementById(id);
const elements = await loadElements();
/** Markup the snippet puts inside each element, and how the preview builds the same. */
const CONTENT = {
  'mi-confirm': {text: '<button type="button">Save</button>', build: () => [h('button', {type: 'button'}, 'Save')]},
  'mi-hint': {text: '<input aria-label="Email">', build: () => [h('input', {'aria-label': 'Email'})]},
  'mi-provider': {
    text: '<mi-progress label="Upload" value="40"></mi-progress>',
    build: () => [customElements.get('mi-progress') ? h('mi-progress', {label: 'Upload', value: '40'}) : h('p', {}, 'Your elements go here.')],
  },
};
/** Starting values that make each element visible in the preview. */
const PRESETS = {
  'mi-progress': {label: 'Preparing your order', listen: 'order-status'},
  'mi-typing': {active: true, name: 'Ana', listen: 'chat'},
  'mi-confirm': {'success-text': 'Saved'},
  'mi-hint': {content: 'We never share your email.', variant: 'inline'},
  'mi-toaster': {listen: ''},
};
// Attributes a CMS author has no use for (state the element drives itself).
const SKIP = new Set(['state']);

const escapeAttr = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

for (const el of elements) $('tag').append(h('option', {value: el.tag}, `<${el.tag}>`));
$('tag').value = elements.some((e) => e.tag === 'mi-progress') ? 'mi-progress' : elements[0]?.tag ?? '';

function renderAttributeFields() {
  const el = elements.find((e) => e.tag === $('tag').value);
  const preset = PRESETS[el?.tag] ?? {};
  const fields = [];
  for (const a of el?.attributes ?? []) {
    if (SKIP.has(a.name)) continue;
    const id = `attr-${a.name}`;
    let input;
    if (a.type === 'boolean') input = h('input', {id, type: 'checkbox', 'data-attr': a.name, checked: Boolean(preset[a.name])});
    else if (a.values) {
      input = h('select', {id, 'data-attr': a.name}, h('option', {value: ''}, '(default)'), a.values.filter(Boolean).map((v) => h('option', {value: v}, v)));
      input.value = preset[a.name] ?? '';
    } else {
      input = h('input', {id, 'data-attr': a.name, type: /number/.test(a.type) ? 'number' : 'text'});
      input.value = preset[a.name] ?? '';
    }
    fields.push(h('label', {for: id}, h('code', {}, a.name)), input);
    if (a.description) fields.push(h('small', {}, richText(a.description)));
  }
  $('attributes').replaceChildren(...fields);
}

/** The chosen attributes, in manifest order. */
function chosen() {
  const out = [];
  for (const input of $('attributes').querySelectorAll('[data-attr]')) {
    const name = input.dataset.attr;
    if (input.type === 'checkbox') {
      if (input.checked) out.push([name, true]);
    } else if (input.value.trim() !== '') out.push([name, input.value.trim()]);
  }
  return out;
}

function message() {
  try {
    const value = JSON.parse($('message').value);
    $('message-status').textContent = "Sent on the element's listen topic with mi:emit.";
    return {ok: true, value};
  } catch (error) {
    $('message-status').textContent = `Not valid JSON: ${error.message}`;
    return {ok: false};
  }
}

function update() {
  const tag = $('tag').value;
  const attrs = chosen();
  const version = $('version').value.trim().replace(/[^0-9A-Za-z.-]/g, '');
  const base = `https://cdn.jsdelivr.net/npm/mi-elements${version ? `@${version}` : ''}/dist/cdn/`;
  const script =
    $('loader').value === 'module'
      ? `<script type="module" src="${base}mi-elements.js"></script>`
      : `<script src="${base}mi-elements.iife.js"></script>`;
  const attrText = attrs.map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttr(value)}"`)).join('');
  const content = CONTENT[tag]?.text ?? '';
  const topic = attrs.find(([name]) => name === 'listen')?.[1];
  const lines = [`<!-- mi-elements: <${tag}> (pasting this block twice on a page is safe) -->`, script, `<${tag}${attrText}>${content}</${tag}>`];
  const msg = message();
  if ($('emit').checked && typeof topic === 'string' && msg.ok) {
    // JSON inside a <script>: "<" escaped so the text can never close the script element.
    const payload = JSON.stringify({topic: topic.split(/\s+/)[0], detail: msg.value}).replace(/</g, '\\u003c');
    // A classic script runs right after the (blocking) library script; an inline module runs
    // after the library module (modules execute in document order). Either way the bus exists.
    lines.push(
      $('loader').value === 'module' ? '<script type="module">' : '<script>',
      '  // No module import needed: a DOM event reaches the page\'s one mi-elements bus.',
      `  document.dispatchEvent(new CustomEvent('mi:emit', {detail: ${payload}}));`,
      '</script>'
    );
  } else if ($('emit').checked && typeof topic !== 'string') {
    $('message-status').textContent = 'Set the listen attribute to a topic first.';
  }
  lines.push('<!-- /mi-elements -->');
  $('snippet').textContent = lines.join('\n');

  if (!customElements.get(tag)) {
    $('preview').replaceChildren(`<${tag}> is not registered by this build (dist/define.js), so there is no preview.`);
    $('send').disabled = true;
    return;
  }
  const preview = document.createElement(tag);
  for (const [name, value] of attrs) preview.setAttribute(name, value === true ? '' : value);
  preview.append(...(CONTENT[tag]?.build() ?? []));
  if (tag === 'mi-confirm') preview.action = () => new Promise((resolve) => setTimeout(resolve, 800, 'ok'));
  $('preview').replaceChildren(preview);
  $('send').disabled = typeof topic !== 'string' || !msg.ok;
}

$('tag').addEventListener('change', () => {
  renderAttributeFields();
  update();
});
for (const id of ['options', 'attributes']) $(id).addEventListener('input', update);
for (const id of ['emit', 'message']) $(id).addEventListener('input', update);
$('options').addEventListener('submit', (event) => event.preventDefault());
$('send').addEventListener('click', () => {
  const topic = chosen().find(([name]) => name === 'listen')?.[1];
  const msg = message();
  if (typeof topic === 'string' && msg.ok) bus.emit(topic.split(/\s+/)[0], msg.value);
});
$('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText($('snippet').textContent);
    $('copied').textContent = 'Copied.';
  } catch {
    // Clipboard refused (permissions, insecure origin): select the text for a manual copy.
    getSelection()?.selectAllChildren($('snippet'));
    $('copied').textContent = 'Selected — press Ctrl+C (⌘C) to copy.';
  }
  announce($('copied').textContent);
});

renderAttributeFields();
update();
