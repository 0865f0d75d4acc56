// Registers every element (providers first). Safe to load twice: the guarded define is silent
// for the same version and warns once for another.
import {getBus} from './core/bus.js';
import './provider/define.js';
import './progress/define.js';
import './confirm/define.js';
import './typing/define.js';
import './hint/define.js';
import './toaster/define.js';

// Start listening for `mi:emit` DOM events right away (CMS pages with no module access).
getBus();
