// Entry of the CDN bundles (dist/cdn/mi-elements.js and the classic-script IIFE on window.mi):
// registers every element and exports the whole API.
import './define.js';
export * from './index.js';
