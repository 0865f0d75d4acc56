import {css} from 'lit';

/**
 * Shared by every element: the global tokens with their defaults (light and dark), the
 * visually-hidden utility, and the duration that collapses under reduced motion.
 */
export const baseStyles = css`
  :host {
    --_accent: var(--mi-accent, #0b57d0);
    --_success: var(--mi-success, #146c2e);
    --_danger: var(--mi-danger, #b3261e);
    --_surface: var(--mi-surface, #ffffff);
    --_text: var(--mi-text, #1b1b1f);
    --_muted: color-mix(in srgb, var(--_text) 62%, var(--_surface));
    --_track: color-mix(in srgb, var(--_text) 14%, var(--_surface));
    --_radius: var(--mi-radius, 6px);
    --_font: var(--mi-font, inherit);
    /* Every transition and animation reads this; capped at 300 ms. */
    --_duration: min(var(--mi-duration, 200ms), 300ms);
    font-family: var(--_font);
    box-sizing: border-box;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--mi-accent, #a8c7fa);
      --_success: var(--mi-success, #6dd58c);
      --_danger: var(--mi-danger, #ffb4ab);
      --_surface: var(--mi-surface, #1b1b1f);
      --_text: var(--mi-text, #e3e2e6);
    }
  }
  :host(:state(reduced-motion)) {
    --_duration: 0ms;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
