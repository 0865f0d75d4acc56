import {LitElement, html, css, type PropertyValues} from 'lit';
import {ContextProvider} from '@lit/context';
import {MOTION_VALUES, parseStrings, sanitizeStrings, type MotionSetting, type Strings} from '../core/config.js';
import {VERSION} from '../core/version.js';
import {providerContext, type ProviderConfig} from './context.js';
import {markProviderPresent, REPORTS_PRESENCE} from './presence.js';

/**
 * @summary Gives the mi- elements inside it their motion, language, strings and cue settings.
 *
 * Settings here override `configure()` for this subtree; an element's own attributes override
 * both. It renders no box of its own (`display: contents`), so it never changes layout.
 *
 * @slot - The elements that use these settings.
 */
export class MiProvider extends LitElement {
  static readonly miVersion = VERSION;

  /** Reports itself when it connects, so elements on pages without a provider need not ask. */
  static readonly [REPORTS_PRESENCE] = true;

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    motion: {},
    locale: {},
    sound: {type: Boolean},
    haptics: {type: Boolean},
    strings: {converter: {fromAttribute: parseStrings}},
  };

  /** `auto`, `reduce` or `full` for every element inside. */
  declare motion: MotionSetting | '';

  /** Language for numbers, durations and lists inside (BCP 47, e.g. `de`). Also read from `lang`. */
  declare locale: string;

  /** Play opt-in sound cues inside. */
  declare sound: boolean;

  /** Play opt-in vibration cues inside. */
  declare haptics: boolean;

  /** String overrides for the elements inside, by key (property, or JSON in the `strings` attribute). */
  declare strings: Strings;

  constructor() {
    super();
    this.motion = '';
    this.locale = '';
    this.sound = false;
    this.haptics = false;
    this.strings = {};
  }

  /** Hands the config to the elements inside; they re-render when it changes. */
  private readonly context = new ContextProvider(this, {context: providerContext});

  /** What the elements inside receive right now (after the first update). */
  get config(): ProviderConfig | undefined {
    return this.context.value;
  }

  override connectedCallback(): void {
    // NOTE: a provider connects before the elements inside it (tree order), so they know to ask.
    markProviderPresent();
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const config: ProviderConfig = {strings: sanitizeStrings(this.strings)};
    if (MOTION_VALUES.includes(this.motion as MotionSetting)) config.motion = this.motion as MotionSetting;
    const lang = this.locale || this.getAttribute('lang') || '';
    if (lang) config.lang = lang;
    if (this.hasAttribute('sound') || this.sound) config.sound = this.sound;
    if (this.hasAttribute('haptics') || this.haptics) config.haptics = this.haptics;
    this.context.setValue(config);
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mi-provider': MiProvider;
  }
}
