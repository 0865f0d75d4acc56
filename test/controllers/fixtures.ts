// A tiny element built on the base and the controllers, as a user writing their own would.
import {html} from 'lit';
import {property} from 'lit/decorators.js';
import {MiElement} from '../../src/base/mi-element.js';
import {BusController, applyPatch} from '../../src/controllers/bus-controller.js';
import {TriggerController, type Trigger} from '../../src/controllers/trigger-controller.js';
import {LoopController} from '../../src/controllers/loop-controller.js';

export class TestWidget extends MiElement {
  @property({type: Number}) accessor value = 0;
  @property() accessor label = '';
  @property({type: Boolean}) accessor active = false;
  @property() accessor trigger = '';
  @property({attribute: 'for'}) accessor htmlFor = '';
  @property() accessor once = '';
  @property({type: Number}) accessor times: number | null = null;
  @property({type: Number}) accessor snooze: number | null = null;

  triggers: Trigger[] = [];
  renders = 0;

  readonly busController = new BusController(this, {
    topics: () => this.listen,
    onMessage: (detail) => applyPatch(this, detail, {value: 'number', label: 'string', active: 'boolean'}, 'test-widget'),
  });

  readonly triggerController = new TriggerController(this, {
    triggers: () => this.trigger,
    for: () => this.htmlFor,
    onTrigger: (t) => this.triggers.push(t),
  });

  readonly loops = new LoopController(this, () => ({once: this.once, times: this.times, snooze: this.snooze}));

  sayIt(text: string, transient = false) {
    this.say(text, 'polite', transient);
  }

  label_(key: string, fallback: string) {
    return this.text(key, fallback, {n: 3});
  }

  override render() {
    this.renders++;
    return html`<span part="label">${this.label}</span><slot></slot>`;
  }
}
if (!customElements.get('test-widget')) customElements.define('test-widget', TestWidget);

declare global {
  interface HTMLElementTagNameMap {
    'test-widget': TestWidget;
  }
}
