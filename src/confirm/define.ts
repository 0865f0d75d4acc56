import {canDefine} from '../core/define.js';
import {MiConfirm} from './mi-confirm.js';

export {MiConfirm};
if (canDefine('mi-confirm', MiConfirm)) customElements.define('mi-confirm', MiConfirm);
