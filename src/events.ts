/**
 * One Event subclass per event, payload as readonly fields. All bubble and cross shadow roots
 * (`composed`), so a listener on the page or on a framework component hears them.
 */

/** `mi-complete`: a progress finished successfully. */
export class MiCompleteEvent extends Event {
  constructor() {
    super('mi-complete', {bubbles: true, composed: true});
  }
}

/** `mi-error`: the work behind an element failed. `message` is what the user was shown. */
export class MiErrorEvent extends Event {
  constructor(
    readonly error: unknown,
    readonly message: string
  ) {
    super('mi-error', {bubbles: true, composed: true});
  }
}

/** `mi-pending`: an action started and its pending feedback is now visible. */
export class MiPendingEvent extends Event {
  constructor() {
    super('mi-pending', {bubbles: true, composed: true});
  }
}

/** `mi-success`: an action's outcome is known to be a success. `result` is what it resolved to. */
export class MiSuccessEvent extends Event {
  constructor(readonly result: unknown) {
    super('mi-success', {bubbles: true, composed: true});
  }
}

/** `mi-show`: a hint or notice became visible. */
export class MiShowEvent extends Event {
  constructor() {
    super('mi-show', {bubbles: true, composed: true});
  }
}

/** `mi-hide`: a hint or notice was hidden (for any reason). */
export class MiHideEvent extends Event {
  constructor(readonly reason: string = '') {
    super('mi-hide', {bubbles: true, composed: true});
  }
}

/** `mi-dismiss`: the user dismissed it on purpose ("Got it", Esc, close): remembered by loops. */
export class MiDismissEvent extends Event {
  constructor() {
    super('mi-dismiss', {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mi-complete': MiCompleteEvent;
    'mi-error': MiErrorEvent;
    'mi-pending': MiPendingEvent;
    'mi-success': MiSuccessEvent;
    'mi-show': MiShowEvent;
    'mi-hide': MiHideEvent;
    'mi-dismiss': MiDismissEvent;
  }
}
