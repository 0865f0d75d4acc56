// What scripts/examples/ssr.mjs renders on the server (@lit-labs/ssr) and hydrates in Chromium.
// Shared by Node and the browser, so it imports nothing: `html` and `unsafeStatic` come from the
// caller's Lit (lit/static-html.js), the same copy the elements use on that side.
//
// Each case: `tag` (the element under test; a case is skipped when the package lacks it),
// `name`, `template()`, and optionally `update` — a property set after hydration, to prove the
// hydrated element still renders (`changes: true`: its shadow DOM must change).

/** @param {{html: Function, unsafeStatic: Function}} lit */
export function ssrCases({html, unsafeStatic}) {
  const cases = [
    {
      tag: 'mi-provider',
      name: 'attributes, object property, slotted child',
      template: () => html`<mi-provider motion="reduce" lang="de" .strings=${{'example.greeting': 'Hallo'}}><p>Inside the provider</p></mi-provider>`,
      update: {prop: 'motion', value: 'full'},
    },
    {
      tag: 'mi-progress',
      name: 'determinate bar, value as a property',
      template: () => html`<mi-progress label="Upload" .value=${40}></mi-progress>`,
      update: {prop: 'value', value: 80, changes: true},
    },
    {
      tag: 'mi-progress',
      name: 'indeterminate',
      template: () => html`<mi-progress label="Working" indeterminate></mi-progress>`,
    },
    {
      tag: 'mi-progress',
      name: 'steps variant',
      template: () => html`<mi-progress variant="steps" steps="Cart,Shipping,Payment" value="1" label="Checkout"></mi-progress>`,
    },
    {
      tag: 'mi-progress',
      name: 'ring variant inside a provider',
      template: () => html`<mi-provider motion="reduce"><mi-progress variant="ring" value="25" label="Sync"></mi-progress></mi-provider>`,
    },
    {
      tag: 'mi-confirm',
      name: 'wrapping a form',
      template: () =>
        html`<mi-confirm success-text="Message sent"><form><label>Message <input name="message" value="Hi"></label><button>Send</button></form></mi-confirm>`,
      update: {prop: 'successText', value: 'Sent!'},
    },
    {
      tag: 'mi-confirm',
      name: 'wrapping a button',
      template: () => html`<mi-confirm success-text="Saved"><button type="button">Save</button></mi-confirm>`,
    },
    {
      tag: 'mi-typing',
      name: 'active with a name',
      template: () => html`<mi-typing active name="Ana"></mi-typing>`,
      update: {prop: 'name', value: 'Ben'},
    },
    {
      tag: 'mi-typing',
      name: 'bubble variant, inactive',
      template: () => html`<mi-typing variant="bubble"></mi-typing>`,
    },
    {
      tag: 'mi-hint',
      name: 'tooltip for an id',
      template: () => html`<button id="ssr-hint-target" type="button">Help</button><mi-hint for="ssr-hint-target" content="Press Enter to save."></mi-hint>`,
    },
    {
      tag: 'mi-hint',
      name: 'inline variant around its slotted target',
      template: () => html`<mi-hint variant="inline" content="We never share it."><input aria-label="Email"></mi-hint>`,
    },
    {
      tag: 'mi-toaster',
      name: 'empty toaster',
      template: () => html`<mi-toaster></mi-toaster>`,
    },
  ];
  return {
    cases,
    /** A bare `<tag></tag>` for an element of the package that has no case above. */
    bare: (tag) => ({
      tag,
      name: 'bare element (no case written yet)',
      template: () => html`<${unsafeStatic(tag)}></${unsafeStatic(tag)}>`,
    }),
  };
}
