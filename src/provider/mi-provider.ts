import {LitElement, html, css, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {provide} from '@lit/context';
import {MOTION_VALUES, sanitizeStrings, type MotionSetting, type Strings} from '../core/config.js';
import {VERSION} from '../core/version.js';
import {providerContext, type ProviderConfig} from './context.js';

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

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** `auto`, `reduce` or `full` for every element inside. */
  @property() accessor motion: MotionSetting | '' = '';

  /** Language for numbers, durations and lists inside (BCP 47, e.g. `de`). Also read from `lang`. */
  @property() accessor locale = '';

  /** Play opt-in sound cues inside. */
  @property({type: Boolean}) accessor sound = false;

  /** Play opt-in vibration cues inside. */
  @property({type: Boolean}) accessor haptics = false;

  /** String overrides for the elements inside, by key (property, or JSON in the `strings` attribute). */
  @property({
    converter: {
      fromAttribute: (value: string | null) => {
        try {
          return value ? sanitizeStrings(JSON.parse(value)) : {};
        } catch {
          return {};
        }
      },
    },
  })
  accessor strings: Strings = {};

  @provide({context: providerContext})
  accessor config: ProviderConfig | undefined = undefined;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const config: ProviderConfig = {strings: sanitizeStrings(this.strings)};
    if (MOTION_VALUES.includes(this.motion as MotionSetting)) config.motion = this.motion as MotionSetting;
    const lang = this.locale || this.getAttribute('lang') || '';
    if (lang) config.lang = lang;
    if (this.hasAttribute('sound') || this.sound) config.sound = this.sound;
    if (this.hasAttribute('haptics') || this.haptics) config.haptics = this.haptics;
    this.config = config;
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
