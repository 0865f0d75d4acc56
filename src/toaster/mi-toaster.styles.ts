import {css} from 'lit';

/**
 * The host and our layer are zero-size boxes (the layer is a top-layer popover); the region is
 * fixed to a corner. State lives in classes and `data-kind` (not `:host(...)`), so the same sheet
 * styles our layer wherever it is. Kept compact: these bytes ship as written.
 */
export const styles = css`
  /* One warning colour for light and dark: ≥ 3:1 against both surfaces and both glyph colours. */
  :host { --_warning: var(--mi-toaster-warning, #c77700); position: fixed; inset: 0; width: 0; height: 0; margin: 0; padding: 0; border: 0; overflow: visible; background: none; }
  section { --_from: 1rem; position: fixed; display: grid; justify-items: end; gap: 0.5rem; width: min(var(--mi-toaster-width, 24rem), 100vw - 2rem); margin: 1rem; color: var(--_text); font-family: var(--_font); }
  .top { --_from: -1rem; top: 0; }
  .bottom { bottom: 0; }
  .start { inset-inline-start: 0; justify-items: start; }
  .end { inset-inline-end: 0; }
  .center { inset-inline: 0; margin-inline: auto; justify-items: center; }
  ol { display: grid; gap: 0.5rem; width: 100%; margin: 0; padding: 0; list-style: none; }
  .expanded ol { max-height: 80vh; overflow: auto; }
  li { --_kind: var(--_accent); display: grid; grid-template-columns: auto 1fr auto; gap: 0.75rem; padding: 0.75rem; border: 1px solid var(--_track); border-inline-start: 4px solid var(--_kind); border-radius: var(--_radius); background: var(--_surface); box-shadow: 0 4px 16px #0003; }
  .in { animation: mi-toast-in var(--_duration) ease-out; }
  [data-kind='success'] { --_kind: var(--_success); --_glyph: '✓'; }
  [data-kind='warning'] { --_kind: var(--_warning); --_glyph: '!'; }
  [data-kind='error'] { --_kind: var(--_danger); --_glyph: '✕'; }
  [data-kind='pending'] { --_kind: var(--_muted); --_glyph: '…'; }
  [part='icon'] { width: 1.25rem; height: 1.25rem; border-radius: 50%; background: var(--_kind); color: var(--_surface); font: bold 0.75rem/1.25rem sans-serif; text-align: center; }
  [part='icon']::before { content: var(--_glyph, 'i'); }
  /* Pending work pulses slowly (opacity, no movement), so it never looks stuck. */
  [data-kind='pending'] > [part='icon'] { animation: mi-toast-fade 1s infinite alternate; }
  p { margin: 0; overflow-wrap: anywhere; }
  [part='message'] { font-weight: 600; }
  button, a { font: inherit; color: var(--_accent); }
  [part='action'], [part='more'], [part='expand'] { margin: 0.5rem 0.5rem 0 0; padding: 0.25rem 0.75rem; border: 1px solid; border-radius: var(--_radius); background: var(--_surface); }
  [part='more'] { margin: 0; }
  [part='close'] { min-width: 24px; min-height: 24px; border: 0; background: none; color: inherit; font-size: 1.25rem; }
  /* The × is drawn, not text: the button's name is its label ("Dismiss notification: …"). */
  [part='close']::before { content: '×'; }
  /* Reduced motion: a fade in place instead of a slide. */
  .reduce .in { animation: mi-toast-fade min(var(--mi-duration, 200ms), 300ms) reverse; }
  @keyframes mi-toast-in { from { opacity: 0.6; transform: translateY(var(--_from)); } }
  @keyframes mi-toast-fade { to { opacity: 0.4; } }
  @media (forced-colors: active) {
    li { border-color: CanvasText; }
    [part='icon'] { border: 1px solid; background: Canvas; color: CanvasText; }
  }
`;
