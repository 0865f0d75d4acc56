import {canDefine} from '../core/define.js';
import {MiToaster} from './mi-toaster.js';

export {MiToaster};
if (canDefine('mi-toaster', MiToaster)) customElements.define('mi-toaster', MiToaster);
