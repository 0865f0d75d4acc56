import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {canShow, recordDismissed, recordShown, type LoopRule} from '../core/loops.js';
import {warnOnce} from '../core/warn.js';

export interface LoopSources {
  /** `once="key"`: at most one showing under that key. */
  once?: string | null;
  /** `times="N"` (with `once`'s key, or `key`): at most N showings. */
  times?: number | null;
  /** `snooze="days"`: a dismissal hides it for that many days instead of for good. */
  snooze?: number | null;
  /** A key when `once` is not used (e.g. the element's id). */
  key?: string | null;
}

/**
 * Show-once / show-N-times / snooze rules for a host, persisted through core/loops.
 * Without a key every call allows (no memory means no limit).
 */
export class LoopController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly sources: () => LoopSources
  ) {
    host.addController(this);
  }

  // Loops need no lifecycle work; a controller still has to offer one hook to be added to a host.
  hostConnected(): void {}

  /** The rule in force, or undefined when the host has no loop key. */
  rule(): LoopRule | undefined {
    const {once, times, snooze, key} = this.sources();
    const name = (once || key || '').trim();
    if (!name) {
      if (times) warnOnce('loop-key', '`times` needs a `once="key"` to remember showings under; ignored.');
      return undefined;
    }
    // `once` alone: one showing. `once` + `snooze`: shown until dismissed, then again after the snooze.
    const n = times ?? (once && !snooze ? 1 : undefined);
    return {
      key: name.slice(0, 200),
      times: n !== undefined && Number.isFinite(n) && n > 0 ? Math.floor(n) : undefined,
      snoozeDays: snooze !== null && snooze !== undefined && Number.isFinite(snooze) && snooze > 0 ? snooze : undefined,
    };
  }

  /** Whether the host may show now. */
  allowed(): boolean {
    const rule = this.rule();
    return rule ? canShow(rule) : true;
  }

  /** Counts one showing. */
  shown(): void {
    const rule = this.rule();
    if (rule) recordShown(rule.key);
  }

  /** Remembers a deliberate dismissal ("Got it", Esc). */
  dismissed(): void {
    const rule = this.rule();
    if (rule) recordDismissed(rule.key);
  }
}
