import {canDefine} from '../core/define.js';
import {MiProgress} from './mi-progress.js';

export {MiProgress};
if (canDefine('mi-progress', MiProgress)) customElements.define('mi-progress', MiProgress);
