// Register every mi-* element before mounting, so Svelte sets objects and functions as properties.
import 'mi-elements/define.js';
import {onAnnounce} from 'mi-elements';
import {mount} from 'svelte';
import App from './App.svelte';

// What a screen reader would hear (the test counts these to catch duplicate announcements).
window.__example = {framework: 'svelte', announcements: [], events: [], actionCalls: 0};
onAnnounce((a) => window.__example.announcements.push(a.message));

mount(App, {target: document.getElementById('app')});
