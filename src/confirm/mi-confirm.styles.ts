import {css} from 'lit';

// The status part is rendered only outside idle: `span` is the status line, `svg` its icon.
// The pointer turns to "progress" in the very next frame (before any pending UI).
// The tick is drawn by a left-to-right wipe of its mask: transform only (the path only moves rightwards).
// Reduced motion (--_duration is 0): the tick appears at once and the spinner becomes a slow opacity pulse.
export const styles = css`
  :host { display: block; }
  :host(:state(busy)), :host(:state(busy)) ::slotted(*) { cursor: progress; }
  span { display: inline-flex; align-items: center; gap: .4em; margin-block: .25em; vertical-align: middle; color: var(--_muted); }
  :host([state=success]) span { color: var(--_success); }
  :host([state=error]) span { color: var(--_danger); }
  svg { width: 1.25em; fill: none; stroke: currentColor; stroke-width: 2.5; stroke-linecap: round; stroke-linejoin: round; }
  :host([state=pending]) svg { stroke-dasharray: 40 57; animation: spin calc(var(--_duration) * 4) linear infinite; }
  rect { transform-origin: left; animation: draw var(--_duration) ease-out; }
  :host([state=pending]:state(reduced-motion)) svg { animation: pulse 2s infinite; }
  @keyframes spin { to { transform: rotate(1turn); } }
  @keyframes draw { from { transform: scaleX(0); } }
  @keyframes pulse { 50% { opacity: .4; } }
  @media (forced-colors: active) { svg { stroke: CanvasText; } }
`;
