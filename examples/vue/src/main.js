// Register every mi-* element BEFORE the app mounts, so Vue sees their properties
// ('action' in el) and binds objects and functions as properties, not attributes.
import 'mi-elements/define.js';
import {onAnnounce} from 'mi-elements';
import {createApp} from 'vue';
import App from './App.vue';

// What a screen reader would hear (the test counts these to catch duplicate announcements).
window.__example = {framework: 'vue', announcements: [], events: [], actionCalls: 0};
onAnnounce((a) => window.__example.announcements.push(a.message));

createApp(App).mount('#app');
