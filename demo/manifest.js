// Demo helpers shared by docs.html and embed.html: the package's elements, read at runtime from
// custom-elements.json (enum values from dist/web-types.json when the build generated it), and a
// few DOM helpers that only ever set text (no innerHTML anywhere).

/** @returns {Promise<Array<{tag, className, summary, attributes, properties, events, slots, parts, cssProperties}>>} */
export async function loadElements() {
  const manifest = await (await fetch('/custom-elements.json')).json();
  // Enum values resolved by the build (scripts/editor-data.mjs), when the package ships them.
  let webTypes;
  try {
    const pkg = await (await fetch('/package.json')).json();
    if (typeof pkg['web-types'] === 'string') webTypes = await (await fetch(new URL(pkg['web-types'], location.origin + '/'))).json();
  } catch {
    /* optional: the manifest's own literal types are used */
  }
  const enums = new Map();
  for (const el of webTypes?.contributions?.html?.elements ?? []) {
    for (const a of el.attributes ?? []) {
      const values = literals(typeof a.value?.type === 'string' ? a.value.type : '');
      if (values) enums.set(`${el.name} ${a.name}`, values);
    }
  }
  const elements = [];
  for (const module of manifest.modules ?? []) {
    for (const d of module.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const attributes = (d.attributes ?? []).map((a) => ({
        name: a.name,
        field: a.fieldName ?? '',
        type: a.type?.text ?? 'string',
        default: a.default ?? '',
        description: a.description ?? '',
        values: enums.get(`${d.tagName} ${a.name}`) ?? literals(a.type?.text ?? ''),
        inherited: Boolean(a.inheritedFrom),
      }));
      const withAttribute = new Set(attributes.map((a) => a.field));
      elements.push({
        tag: d.tagName,
        className: d.name,
        summary: [d.summary, d.description].filter(Boolean).join('\n\n'),
        attributes,
        properties: (d.members ?? [])
          .filter((m) => m.kind === 'field' && !m.privacy && !m.static && !withAttribute.has(m.name) && m.name !== 'provider' && m.name !== 'config')
          .map((m) => ({name: m.name, type: m.type?.text ?? '', description: m.description ?? '', readonly: Boolean(m.readonly)})),
        methods: (d.members ?? [])
          .filter((m) => m.kind === 'method' && !m.privacy && !m.static && m.description)
          .map((m) => ({name: m.name, description: m.description, params: (m.parameters ?? []).map((p) => p.name).join(', ')})),
        events: (d.events ?? []).filter((e) => e.name && e.description).map((e) => ({name: e.name, type: e.type?.text ?? 'Event', description: e.description})),
        slots: (d.slots ?? []).map((s) => ({name: s.name || '(default)', description: s.description ?? ''})),
        parts: (d.cssParts ?? []).map((p) => ({name: p.name, description: p.description ?? ''})),
        cssProperties: (d.cssProperties ?? []).map((p) => ({name: p.name, default: p.default ?? '', description: p.description ?? ''})),
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** `'a' | 'b' | ''` → ['a', 'b', ''] ; anything else → undefined. */
function literals(text) {
  const parts = text.split('|').map((s) => s.trim()).filter((s) => s && s !== 'null' && s !== 'undefined');
  if (!parts.length || !parts.every((p) => /^'[^']*'$/.test(p))) return undefined;
  return parts.map((p) => p.slice(1, -1));
}

/** Creates an element with text children and attributes; children may be nodes or strings. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === undefined || value === null) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

/** Text with `code` spans (the manifest's Markdown backticks) as <code> elements, never as HTML. */
export function richText(text) {
  const out = [];
  String(text)
    .split(/(`[^`]+`)/)
    .forEach((piece) => out.push(piece.startsWith('`') && piece.endsWith('`') && piece.length > 1 ? h('code', {}, piece.slice(1, -1)) : piece));
  return out;
}
