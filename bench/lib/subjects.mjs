// The subjects of the benchmark: ours, the Lit floor and the four anchors. For each anchor, the
// modules of its closest equivalents to our elements (bytes are measured on exactly these, and the
// browser runs the very bundle that was measured).
import {readFileSync} from 'node:fs';

const version = (pkg) => JSON.parse(readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')).version;

const SL = '@shoelace-style/shoelace/dist/components';
const WA = '@awesome.me/webawesome/dist/components';
const SWC = '@spectrum-web-components';

/**
 * kinds: which of our elements each subject has an equivalent for, by our element's name.
 *   progress ↔ progress bar, toaster ↔ toast API, typing ↔ spinner (nearest busy indicator),
 *   hint ↔ tooltip, confirm ↔ (no anchor equivalent).
 */
export const SUBJECTS = [
  {
    id: 'ours',
    label: 'mi-elements',
    lib: '/dist/cdn/mi-elements.js',
    css: [],
  },
  {
    id: 'floor',
    label: 'Lit floor',
    version: version('lit'),
    modules: {floor: './subjects/floor.js'},
    css: [],
  },
  {
    id: 'shoelace',
    label: `Shoelace ${version('@shoelace-style/shoelace')}`,
    modules: {
      progress: `${SL}/progress-bar/progress-bar.js`,
      toast: `${SL}/alert/alert.js`,
      spinner: `${SL}/spinner/spinner.js`,
      tooltip: `${SL}/tooltip/tooltip.js`,
    },
    css: ['/bench/node_modules/@shoelace-style/shoelace/dist/themes/light.css'],
  },
  {
    id: 'webawesome',
    label: `Web Awesome ${version('@awesome.me/webawesome')}`,
    modules: {
      progress: `${WA}/progress-bar/progress-bar.js`,
      toast: `${WA}/toast/toast.js`,
      spinner: `${WA}/spinner/spinner.js`,
      tooltip: `${WA}/tooltip/tooltip.js`,
    },
    css: ['/bench/node_modules/@awesome.me/webawesome/dist/styles/themes/default.css'],
  },
  {
    id: 'material',
    label: `Material ${version('@material/web')}`,
    modules: {
      progress: '@material/web/progress/linear-progress.js',
      spinner: '@material/web/progress/circular-progress.js',
    },
    css: [],
  },
  {
    id: 'spectrum',
    label: `Spectrum ${version(`${SWC}/theme`)}`,
    modules: {
      theme: [`${SWC}/theme/sp-theme.js`, `${SWC}/theme/theme-light.js`, `${SWC}/theme/scale-medium.js`],
      progress: `${SWC}/progress-bar/sp-progress-bar.js`,
      toast: `${SWC}/toast/sp-toast.js`,
      spinner: `${SWC}/progress-circle/sp-progress-circle.js`,
      tooltip: [`${SWC}/tooltip/sp-tooltip.js`, `${SWC}/overlay/sp-overlay.js`],
    },
    css: [],
  },
];

/** What each anchor module stands in for, for the bytes table. */
export const MODULE_LABELS = {
  floor: 'trivial Lit element',
  theme: 'theme (sp-theme + light + medium scale)',
  progress: 'progress bar',
  toast: 'toast',
  spinner: 'spinner',
  tooltip: 'tooltip',
};
