import {LitElement, type PropertyDeclarations, type PropertyValues} from 'lit';
import {ContextConsumer} from '@lit/context';
import {announce as announceToPage, prepareAnnouncer, type Politeness} from '../core/announcer.js';
import {readConfig, ownString, parseStrings, MOTION_VALUES, type MotionSetting, type Strings} from '../core/config.js';
import {fill, resolveLang} from '../core/intl.js';
import {playSound, vibrate} from '../core/feedback.js';
import {getBus} from '../core/bus.js';
import {onMotionChange, resolveReducedMotion} from '../core/motion.js';
import {VERSION} from '../core/version.js';
import {providerContext, type ProviderConfig} from '../provider/context.js';
import {providerMayExist} from '../provider/presence.js';

/** Asks for the nearest provider's config only on pages where a provider has connected. */
class ProviderLink extends ContextConsumer<typeof providerContext, MiElement> {
  override hostConnected(): void {
    if (providerMayExist()) super.hostConnected();
  }
}

/**
 * The connected elements of this copy of the package. NOTE: one page-wide listener re-renders
 * them when configure() or the system's reduced-motion preference changes, instead of a
 * subscription per element: connecting costs one Set entry, which matters at a thousand elements.
 */
const connected = new Set<MiElement>();
let listening = false;

/**
 * The thin base of every mi- element: the `motion`, `announce`, `listen`, `sound` and `haptic`
 * attributes, reduced motion, the provider context, strings and the announcer.
 * Behaviour beyond that lives in controllers that each element composes itself.
 */
export class MiElement extends LitElement {
  /** The package version, compared by the guarded define when two copies meet. */
  static readonly miVersion = VERSION;

  static override properties: PropertyDeclarations = {
    listen: {},
    motion: {},
    announce: {},
    sound: {},
    haptic: {},
    strings: {converter: {fromAttribute: parseStrings}},
  };

  /** Space-separated bus topics whose messages patch this element's documented properties. */
  declare listen: string;

  /** `auto` follows prefers-reduced-motion and the page/provider setting; `reduce` or `full` force it. */
  declare motion: MotionSetting;

  /** Politeness override for this element's announcements: `polite`, `assertive` or `off`. Empty: the element's default. */
  declare announce: '' | Politeness | 'off';

  /** Sound cue played on this element's main outcome (needs `configure({sound: true})`). */
  declare sound: string;

  /** Vibration cue on this element's main outcome (needs `configure({haptics: true})`). */
  declare haptic: string;

  /**
   * This element's own texts, by key (JSON in the `strings` attribute, or an object): they win
   * over `<mi-provider>` and `configure({strings})`. Keys are listed with each element.
   */
  declare strings: Strings;

  constructor() {
    super();
    this.listen = '';
    this.motion = 'auto';
    this.announce = '';
    this.sound = '';
    this.haptic = '';
    this.strings = {};
  }

  /** The nearest `<mi-provider>`'s config, kept current (a change re-renders this element). */
  private readonly providerLink = new ProviderLink(this, {context: providerContext, subscribe: true});

  /** Config from the nearest `<mi-provider>`, if any. */
  get provider(): ProviderConfig | undefined {
    return this.providerLink.value;
  }

  #internals?: ElementInternals;

  /** Element internals: custom states (`:state(reduced-motion)`) and host semantics; attached on first use. */
  protected get internals(): ElementInternals {
    return (this.#internals ??= this.attachInternals());
  }

  /**
   * Whether motion is reduced for this element right now: its `motion` attribute, then the
   * provider's, then configure(), then the system's prefers-reduced-motion.
   */
  get reducedMotion(): boolean {
    return resolveReducedMotion(MOTION_VALUES.includes(this.motion) ? this.motion : 'auto', this.provider?.motion);
  }

  override connectedCallback(): void {
    // Moved out of a provider: forget its config; the provider around the new place (if any)
    // answers the request the consumer sends from super.connectedCallback().
    if (this.providerLink.value) {
      this.providerLink.value = undefined;
      this.requestUpdate();
    }
    super.connectedCallback();
    // Live regions must exist well before the first message; make them now.
    prepareAnnouncer();
    getBus();
    connected.add(this);
    if (!listening) {
      listening = true;
      // Covers configure() too. Never removed: it serves every element this copy will connect.
      onMotionChange(() => {
        for (const element of connected) element.requestUpdate();
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.toggleState('reduced-motion', this.reducedMotion);
  }

  /** Adds or removes a custom state, styled with `:host(:state(name))`. */
  protected toggleState(name: string, on: boolean): void {
    // Nothing to remove before the first state was set: internals are attached when one is.
    if (!on && !this.#internals) return;
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      /* CustomStateSet unsupported: the reflected attributes still carry the state */
    }
  }

  /**
   * A user-visible or announced string: the element's `strings`, a provider override, then configure({strings}), then the
   * element's default; `{placeholders}` are filled in. Element attributes (e.g. `success-text`)
   * are checked by the caller before this.
   */
  protected text(key: string, fallback: string, values?: Record<string, string | number>): string {
    const template = ownString(this.strings, key) ?? ownString(this.provider?.strings, key) ?? ownString(readConfig().strings, key) ?? fallback;
    return fill(template, values);
  }

  /** The language for numbers, durations and lists. */
  protected get locale(): string {
    return resolveLang(this.provider?.lang, this);
  }

  /**
   * Announces through the page's one announcer, honouring the `announce` attribute.
   * A `transient` message (a status that only matters while the element is on the page, like
   * "Ana is typing…") is dropped if the element leaves before its turn; outcomes ("Message sent",
   * "Upload failed") are always spoken, even when the app removes the element right after.
   */
  protected say(message: string, politeness: Politeness = 'polite', transient = false): void {
    if (this.announce === 'off') return;
    const chosen = this.announce === 'polite' || this.announce === 'assertive' ? this.announce : politeness;
    announceToPage(message, {politeness: chosen, source: transient ? this : undefined});
  }

  /** Plays this element's opt-in sound and haptic cues (`sound`/`haptic` attributes, or defaults). */
  protected cue(sound = this.sound, haptic = this.haptic): void {
    const config = readConfig();
    if (sound) playSound(sound, this.provider?.sound ?? config.sound);
    if (haptic) vibrate(haptic, this.provider?.haptics ?? config.haptics, this.reducedMotion);
  }
}
