import {css} from 'lit';

// One rule per line: tagged CSS ships as written, and the hint has a 4 kB budget.
// - Anchored (showPopover({source})): above the target, flipped below near the top edge, kept
//   inside the viewport sideways by position-area's default overflow alignment.
// - The cue's arrow is drawn by CSS (a graphic, not text: nothing for contrast checkers to read
//   as text) and nudges in the gesture's direction, each nudge ≤ 300 ms, a few times, then rests.
// - The entrance only moves (transform): the text is drawn at full opacity from the first frame
//   after the trigger, so it is legible at once and its contrast never dips mid-animation.
// - Reduced motion: the arrow stands still next to the same text; nothing slides in.
export const styles = css`
  :host { display: contents; --_gap: var(--mi-hint-gap, 8px); }
  [part~='hint'] { max-width: min(var(--mi-hint-max-width, 40ch), calc(100vw - 2 * var(--_gap))); padding: 0.375rem 0.625rem; border: 1px solid var(--_track); border-radius: var(--_radius); background: var(--_surface); color: var(--_text); font: 0.875rem/1.4 var(--_font); }
  [popover] { margin: 0; overflow: visible; box-shadow: 0 2px 10px rgb(0 0 0 / 0.2); transition: transform var(--_duration); }
  :host(:state(anchored)) [popover] { inset: auto; margin: var(--_gap); position-area: top; position-try-fallbacks: flip-block; }
  @starting-style { [popover]:popover-open { transform: translateY(4px); } }
  [part~='coach']:popover-open { display: grid; }
  [part~='coach'] { gap: 0.5rem; max-width: min(var(--mi-hint-max-width, 36ch), calc(100vw - 2 * var(--_gap))); padding: 0.75rem 1rem; }
  [part='heading'] { font-weight: 600; }
  [part='step'] { color: var(--_muted); font-size: 0.75rem; }
  [part='dismiss'] { justify-self: end; padding: 0.25rem 0.875rem; border: 0; border-radius: var(--_radius); background: var(--_accent); color: var(--_surface); font: inherit; cursor: pointer; }
  [part='dismiss']:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
  [part~='inline'] { margin-top: 0.25rem; padding: 0; border: 0; background: none; color: var(--_muted); }
  [part='cue'] { display: inline-block; margin-inline-end: 0.375rem; color: var(--_accent); font-weight: 700; animation: nudge var(--_duration) ease-in-out 8 alternate; }
  [part='cue']::before { content: var(--_glyph); }
  :host([cue='swipe-left']) { --_dx: -6px; --_glyph: '←'; }
  :host([cue='swipe-right']) { --_dx: 6px; --_glyph: '→'; }
  :host([cue='scroll']) { --_dy: 5px; --_glyph: '↓'; }
  :host([cue='tap']) { --_s: 0.7; --_glyph: '●'; }
  @keyframes nudge { to { transform: translate(var(--_dx, 0), var(--_dy, 0)) scale(var(--_s, 1)); } }
  :host(:state(reduced-motion)) [part='cue'] { animation: none; }
  :host(:state(reduced-motion)) [popover] { transition: none; }
  @media (forced-colors: active) {
    [part~='hint'] { border: 1px solid CanvasText; }
    [part='cue'] { color: CanvasText; }
    [part='dismiss'] { border: 1px solid ButtonText; background: ButtonFace; color: ButtonText; }
  }
`;
