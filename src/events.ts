/**
 * One Event subclass per event, payload as readonly fields. All bubble and cross shadow roots
 * (`composed`), so a listener on the page or on a framework component hears them.
 */
class MiEvent extends Event {
  constructor(type: string) {
    super(type, {bubbles: true, composed: true});
  }
}

/** `mi-complete`: a progress finished successfully. */
export class MiCompleteEvent extends MiEvent {
  constructor() {
    super('mi-complete');
  }
}

/** `mi-error`: the work behind an element failed. `message` is what the user was shown. */
export class MiErrorEvent extends MiEvent {
  constructor(
    readonly error: unknown,
    readonly message: string
  ) {
    super('mi-error');
  }
}

/** `mi-pending`: an action started and its pending feedback is now visible. */
export class MiPendingEvent extends MiEvent {
  constructor() {
    super('mi-pending');
  }
}

/** `mi-success`: an action's outcome is known to be a success. `result` is what it resolved to. */
export class MiSuccessEvent extends MiEvent {
  constructor(readonly result: unknown) {
    super('mi-success');
  }
}

/** `mi-show`: a hint or notice became visible. */
export class MiShowEvent extends MiEvent {
  constructor() {
    super('mi-show');
  }
}

/** `mi-hide`: a hint or notice was hidden (for any reason). */
export class MiHideEvent extends MiEvent {
  constructor(readonly reason: string = '') {
    super('mi-hide');
  }
}

/** `mi-dismiss`: the user dismissed it on purpose ("Got it", Esc, close): remembered by loops. */
export class MiDismissEvent extends MiEvent {
  constructor() {
    super('mi-dismiss');
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
