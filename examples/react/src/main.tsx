// Register every mi-* element before the first render, so React 19 sees their properties
// ('action' in el) and sets objects and functions as properties, not attributes.
import 'mi-elements/define.js';
import {onAnnounce} from 'mi-elements';
// JSX types for <mi-*> (React 19 IntrinsicElements with onmi-* event props), generated from the manifest.
import type {} from 'mi-elements/frameworks/react';
import {StrictMode} from 'react';
import {createRoot} from 'react-dom/client';
import {App} from './App.js';

declare global {
  interface Window {
    __example: {framework: string; announcements: string[]; events: string[]; actionCalls: number};
  }
}

// What a screen reader would hear (the test counts these to catch duplicate announcements).
window.__example = {framework: 'react', announcements: [], events: [], actionCalls: 0};
onAnnounce((a) => window.__example.announcements.push(a.message));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
);
