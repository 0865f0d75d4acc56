import {css} from 'lit';

// NOTE: only transform and opacity move. Determinate changes glide over --_duration (0 ms under
// reduced motion, so they snap); the indeterminate sweep or spin becomes a slow opacity pulse
// there, which still looks alive. The ring is a masked conic gradient (no SVG to ship).
// --_p is the filled fraction (set on the host); --_m the outcome mark before the status.
export const styles = css`
  :host { display: block; overflow-wrap: anywhere; --_c: var(--_accent); --_h: var(--mi-progress-height, 0.375rem); }
  :host([state='success']) { --_c: var(--_success); --_m: '✓ '; }
  :host([state='error']) { --_c: var(--_danger); --_m: '✕ '; }
  :host([state='paused']) { --_c: var(--_muted); }
  /* The bar and the steps are plain blocks (a grid costs each instance a grid layout): the label row, then the rest. */
  [part='label'] { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 0.75rem; margin-bottom: 0.375rem; font-size: 0.875em; }
  [part='status'] { color: var(--_muted); }
  [part='status']::before { content: var(--_m) / ''; color: var(--_c); font-weight: 700; }

  [part='track'] { height: var(--_h); border-radius: var(--_radius); background: var(--_track); overflow: clip; }
  :host(:dir(rtl)) [part='track'] { transform: scaleX(-1); }
  [part='indicator'] { height: 100%; background: var(--_c); transform-origin: left; transform: scaleX(var(--_p)); transition: transform var(--_duration); }
  .ring { display: grid; grid-template-columns: auto 1fr; gap: 0.375rem; align-items: center; --_h: var(--mi-progress-ring-size, 2.5rem); }
  .ring [part='label'] { margin: 0; }
  .ring [part='track'] { order: -1; width: var(--_h); border-radius: 50%; mask: radial-gradient(closest-side, #0000 70%, #000 72%); }
  .ring [part='indicator'] { transform: none; background: conic-gradient(var(--_c) calc(var(--_p) * 1turn), #0000 0); }

  /* The bar's sweep is a 40 % segment (scaleX) crossing the track; the ring spins a quarter. */
  .indeterminate [part='indicator'] { animation: slide 1.5s linear infinite; }
  .ring.indeterminate [part='indicator'] { --_p: 0.25; animation-name: spin; }
  :host(:state(reduced-motion)) .indeterminate [part='indicator'] { --_p: 1; animation: pulse 2s ease-in-out infinite alternate; }
  :host([state='paused']) * { animation-play-state: paused !important; }
  @keyframes slide { from { transform: translateX(-40%) scaleX(0.4); } to { transform: translateX(100%) scaleX(0.4); } }
  @keyframes spin { to { transform: rotate(1turn); } }
  @keyframes pulse { to { opacity: 0.3; } }

  ol { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0; padding: 0; counter-reset: step; }
  li { flex: 1 1 6rem; display: flex; gap: 0.375rem; align-items: center; padding-top: 0.375rem; border-top: var(--_h) solid var(--_track); color: var(--_muted); counter-increment: step; }
  li::before { content: counter(step); display: grid; place-items: center; min-width: 1.6em; height: 1.6em; border: 2px solid; border-radius: 50%; font-size: 0.8em; }
  .done, [aria-current] { border-color: var(--_c); color: inherit; }
  [aria-current] { font-weight: 700; }
  .done::before { content: '✓'; background: var(--_c); border-color: var(--_c); color: var(--_surface); }

  @media (forced-colors: active) {
    [part='track'] { border: 1px solid; }
    [part='indicator'], .done::before { forced-color-adjust: none; --_c: Highlight; color: HighlightText; }
  }
`;
