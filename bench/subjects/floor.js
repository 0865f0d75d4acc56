// The floor: the most trivial Lit element that can stand in for each micro-interaction (a value,
// a text that appears when triggered, a CSS-animated busy mark). What any Lit-based element costs
// at least; ours are held to ≤ 1.25× its render time.
import {LitElement, html, css} from 'lit';

class BenchFloor extends LitElement {
  static properties = {value: {type: Number}, open: {type: Boolean}, text: {}, spin: {type: Boolean}};
  static styles = css`
    :host { display: block; }
    i { display: inline-block; width: 1em; height: 1em; border: 2px solid; border-right-color: transparent; border-radius: 50%; animation: spin 1s linear infinite; }
    @keyframes spin { to { transform: rotate(1turn); } }
  `;
  constructor() {
    super();
    this.value = 0;
    this.open = false;
    this.text = '';
    this.spin = false;
  }
  render() {
    return html`<span>${this.value}</span>${this.spin ? html`<i></i>` : ''}${this.open ? html`<p>${this.text}</p>` : ''}`;
  }
}
customElements.define('bench-floor', BenchFloor);
