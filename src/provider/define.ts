import {canDefine} from '../core/define.js';
import {MiProvider} from './mi-provider.js';

export {MiProvider};
if (canDefine('mi-provider', MiProvider)) customElements.define('mi-provider', MiProvider);
