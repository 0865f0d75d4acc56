import {canDefine} from '../core/define.js';
import {MiHint} from './mi-hint.js';

export {MiHint};
if (canDefine('mi-hint', MiHint)) customElements.define('mi-hint', MiHint);
