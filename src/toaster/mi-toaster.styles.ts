import {css} from 'lit';

/**
 * The host and our layer are zero-size boxes (the layer is a top-layer popover); the region is
 * fixed to a corner (bottom-end unless a class says otherwise). State lives in classes and
 * `data-kind` (not `:host(...)`), so the same sheet styles our layer wherever it is. Flex, not
 * grid: a stack of a thousand notices lays out in half the time. No `content-visibility: auto`:
 * it would take notices above the screen out of Chromium's accessibility tree.
 */
export const styles = css`
  /* One warning colour for light and dark: ≥ 3:1 against both surfaces and both glyph colours. */
  :host { --_warning: var(--mi-toaster-warning, #c77700); position: fixed; inset: 0; width: 0; height: 0; margin: 0; padding: 0; border: 0; overflow: visible; background: none; }
  section, ol { display: flex; flex-direction: column; gap: 0.5rem; }
  section { --_from: 1rem; position: fixed; bottom: 0; inset-inline-end: 0; align-items: end; width: min(var(--mi-toaster-width, 24rem), 100vw - 2rem); margin: 1rem; color: var(--_text); }
  .top { --_from: -1rem; top: 0; bottom: auto; }
  .start { inset-inline: 0 auto; align-items: start; }
  .center { inset-inline: 0; margin-inline: auto; align-items: center; }
  ol { width: 100%; margin: 0; padding: 0; list-style: none; }
  .expanded ol { max-height: 80vh; overflow: auto; }
  li { --_kind: var(--_accent); display: flex; gap: 0.75rem; padding: 0.75rem; border: 1px solid var(--_track); border-inline-start: 4px solid var(--_kind); border-radius: var(--_radius); background: var(--_surface); box-shadow: 0 4px 16px #0003; }
  .in { animation: mi-toast-in var(--_duration) ease-out; }
  [data-kind='success'] { --_kind: var(--_success); --_glyph: '✓'; }
  [data-kind='warning'] { --_kind: var(--_warning); --_glyph: '!'; }
  [data-kind='error'] { --_kind: var(--_danger); --_glyph: '✕'; }
  [data-kind='pending'] { --_kind: var(--_muted); --_glyph: '…'; }
  [part='icon'] { width: 1.25rem; height: 1.25rem; border-radius: 50%; background: var(--_kind); color: var(--_surface); font: bold 0.75rem/1.25rem sans-serif; text-align: center; }
  [part='icon']::before { content: var(--_glyph, 'i'); }
  /* Pending work pulses slowly (opacity, no movement), so it never looks stuck. */
  [data-kind='pending'] > [part='icon'] { animation: mi-toast-fade 1s infinite alternate; }
  div { flex: 1; }
  p { margin: 0; overflow-wrap: anywhere; }
  [part='message'] { font-weight: 600; }
  button, a { padding: 0.25rem 0.75rem; border: 1px solid; border-radius: var(--_radius); background: var(--_surface); color: var(--_accent); font: inherit; }
  div > :is(a, button) { margin: 0.5rem 0.5rem 0 0; }
  /* The × is drawn, not text: the button's name is its label ("Dismiss notification: …"). */
  [part='close'] { min-width: 24px; min-height: 24px; padding: 0; border: 0; background: none; color: inherit; font-size: 1.25rem; }
  [part='close']::before { content: '×'; }
  /* Reduced motion: a fade in place instead of a slide (the layer's --_duration never collapses). */
  .reduce .in { animation: mi-toast-fade var(--_duration) reverse; }
  @keyframes mi-toast-in { from { opacity: 0.6; transform: translateY(var(--_from)); } }
  @keyframes mi-toast-fade { to { opacity: 0.4; } }
  /* Forced colours force borders and backgrounds already: the badge keeps its outline. */
  @media (forced-colors: active) { [part='icon'] { border: 1px solid; } }
`;
