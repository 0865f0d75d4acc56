import {Component, CUSTOM_ELEMENTS_SCHEMA, signal} from '@angular/core';

@Component({
  selector: 'app-root',
  // Without this schema Angular reports "'mi-confirm' is not a known element".
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>mi-elements in Angular {{ renders() }}</h1>
      <!-- attribute (motion), object property ([strings]) -->
      <mi-provider id="provider" motion="reduce" [strings]="strings">
        <!-- function property ([action]), kebab-case events ((mi-success)) -->
        <mi-confirm id="confirm" success-text="Saved" [action]="save" (mi-pending)="onEvent($event)" (mi-success)="onEvent($event)" (mi-error)="onEvent($event)">
          <button id="save" type="button">Save #{{ renders() }}</button>
        </mi-confirm>
        <mi-progress id="progress" label="Upload" [value]="progress()" (mi-complete)="onEvent($event)"></mi-progress>
        <mi-typing id="typing" [name]="sender()" [active]="true"></mi-typing>
      </mi-provider>
      <button id="rerender" type="button" (click)="renders.set(renders() + 1)">Re-render</button>
      <button id="advance" type="button" (click)="progress.set(Math.min(100, progress() + 50))">Advance</button>
      <p>Last event: <output id="last-event">{{ lastEvent() }}</output> · renders: <output id="renders">{{ renders() }}</output></p>
    </main>
  `,
})
export class AppComponent {
  protected readonly Math = Math;
  protected readonly renders = signal(0); // "Re-render": the component updates, the elements must not care
  protected readonly strings = {'example.greeting': 'Hello from Angular'}; // an object property
  protected readonly sender = signal('Ana');
  protected readonly progress = signal(0);
  protected readonly lastEvent = signal('none');

  // A function-valued property: <mi-confirm> calls it with {formData, signal}. An arrow field
  // keeps the same function object across change detection.
  protected readonly save = async () => {
    window.__example.actionCalls++;
    await new Promise((resolve) => setTimeout(resolve, 30));
    return 'saved';
  };

  protected onEvent(event: Event): void {
    window.__example.events.push(`${event.type}@${(event.target as HTMLElement).id}`);
    this.lastEvent.set(event.type);
  }
}
