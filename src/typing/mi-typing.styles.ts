import {css} from 'lit';

// Written compactly: this stylesheet ships as a string and counts against the 1.5 kB budget.
// - It appears at once, like a message (a fade-in would leave the text faint for a moment).
// - The bubble is sized like a one-line message, so the reply replaces it without a jump; its
//   transparent border becomes visible in forced colors.
// - Each dot is a round border in currentColor: forced colors paint borders in CanvasText, so the
//   dots stay visible there without a rule of their own (a background would turn Canvas).
// - Each dot rises and falls within 2 × --_duration (≤ 300 ms at the default), then the wave rests.
// - NOTE: reduced motion swaps the bounce for a slow opacity fade: nothing moves, the text stays.
export const styles = css`
:host,span{display:flex;align-items:center;gap:.5em}
:host([variant=bubble]) [part=bubble]{min-height:2.5em;padding:0 .9em;border:1px solid #0000;border-radius:1.1em;background:var(--_track);color:var(--_text)}
[part=avatar]{width:2em;height:2em;border-radius:50%}
[part=dot]{border:.25em solid;border-radius:50%;opacity:.4;animation:bounce calc(var(--_duration)*6) infinite}
[part=dot]+*{animation-delay:calc(var(--_duration)*.75)}
[part=dot]+*+*{animation-delay:calc(var(--_duration)*1.5)}
:host(:state(reduced-motion)) [part=dot]{animation:fade 2.4s infinite}
@keyframes bounce{12%{transform:translateY(-45%);opacity:1}25%{transform:none}}
@keyframes fade{50%{opacity:1}}
`;
