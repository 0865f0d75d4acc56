import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {onMotionChange, resolveReducedMotion} from '../core/motion.js';
import type {MotionSetting} from '../core/config.js';

export interface MotionSources {
  /** The element's own `motion` attribute. */
  element?: MotionSetting | null;
  /** The nearest `<mi-provider motion>`. */
  provider?: MotionSetting | null;
}

/**
 * Keeps `reduced` equal to the effective reduced-motion preference (element → provider →
 * configure() → prefers-reduced-motion), live, and re-renders the host when it flips.
 */
export class MotionController implements ReactiveController {
  /** Whether motion should be reduced for this host right now. */
  reduced = false;
  private off?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly sources: () => MotionSources,
    private readonly onChange?: (reduced: boolean) => void
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.off = onMotionChange(() => {
      if (this.refresh()) this.host.requestUpdate();
    });
    this.refresh();
  }

  hostDisconnected(): void {
    this.off?.();
    this.off = undefined;
  }

  hostUpdate(): void {
    this.refresh();
  }

  /** Re-resolves the preference; returns whether it changed. */
  refresh(): boolean {
    const {element, provider} = this.sources();
    const reduced = resolveReducedMotion(element, provider);
    if (reduced === this.reduced) return false;
    this.reduced = reduced;
    this.onChange?.(reduced);
    return true;
  }
}
