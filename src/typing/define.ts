import {canDefine} from '../core/define.js';
import {MiTyping} from './mi-typing.js';

export {MiTyping};
if (canDefine('mi-typing', MiTyping)) customElements.define('mi-typing', MiTyping);
