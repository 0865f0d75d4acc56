// Register every mi-* element before bootstrapping (Angular binds [prop] as properties anyway).
import 'mi-elements/define.js';
import {onAnnounce} from 'mi-elements';
import {bootstrapApplication} from '@angular/platform-browser';
import {provideZonelessChangeDetection} from '@angular/core';
import {AppComponent} from './app/app.component';

declare global {
  interface Window {
    __example: {framework: string; announcements: string[]; events: string[]; actionCalls: number};
  }
}

// What a screen reader would hear (the test counts these to catch duplicate announcements).
window.__example = {framework: 'angular', announcements: [], events: [], actionCalls: 0};
onAnnounce((a) => window.__example.announcements.push(a.message));

bootstrapApplication(AppComponent, {providers: [provideZonelessChangeDetection()]}).catch((error) => console.error(error));
