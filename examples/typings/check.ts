// Type tests for the framework typings generated from the manifest (scripts/editor-data.mjs):
// `tsc -p examples/typings` must pass, and each @ts-expect-error must really be an error.
import type {} from 'mi-elements/frameworks/react';
import type {} from 'mi-elements/frameworks/vue';
import type {} from 'mi-elements/frameworks/svelte';
import type {JSX} from 'react';
import type {GlobalComponents} from 'vue';
import type {SvelteHTMLElements} from 'svelte/elements';
import type {MiElementProps, MiElementEvents, MiElementClasses} from 'mi-elements/frameworks';

// Every tag of the framework-neutral map has an element class (HTMLElementTagNameMap agrees).
type TagMapAgrees = {[T in keyof MiElementClasses]: MiElementClasses[T] extends HTMLElementTagNameMap[T] ? true : never};
export const tagMapAgrees: TagMapAgrees[keyof TagMapAgrees] = true;

// React 19: properties, attributes and event props.
export const reactProvider: JSX.IntrinsicElements['mi-provider'] = {motion: 'reduce', strings: {'a.b': 'c'}, children: null};
// @ts-expect-error motion is 'auto' | 'reduce' | 'full' | ''
export const reactBadMotion: JSX.IntrinsicElements['mi-provider'] = {motion: 'sideways'};
// @ts-expect-error no such element
export const reactUnknown: JSX.IntrinsicElements['mi-nothing'] = {};
export const reactEvents: MiElementEvents = {} as MiElementEvents;
export const reactProps: MiElementProps = {} as MiElementProps;

// Vue: GlobalComponents entries with camelCase props.
type VueProps<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]>['$props'];
export const vueProvider: VueProps<'mi-provider'> = {motion: 'reduce', strings: {}};
// @ts-expect-error strings is an object of strings
export const vueBadStrings: VueProps<'mi-provider'> = {strings: 'nope'};

// Svelte 5: SvelteHTMLElements entries.
export const svelteProvider: SvelteHTMLElements['mi-provider'] = {motion: 'full', lang: 'de'};

// The elements the apps use: function-valued, number and string properties, and event payloads.
export const reactConfirm: JSX.IntrinsicElements['mi-confirm'] = {
  action: async ({formData, signal}) => (signal.aborted ? null : formData.get('message')),
  'success-text': 'Saved',
  'onmi-success': (event) => event.result,
  'onmi-error': (event) => event.message.length,
};
export const reactProgress: JSX.IntrinsicElements['mi-progress'] = {value: 40, max: 100, label: 'Upload', 'onmi-complete': (event) => event.type};
// @ts-expect-error value is a number
export const reactBadValue: JSX.IntrinsicElements['mi-progress'] = {value: 'forty'};
// @ts-expect-error mi-progress has no mi-success event
export const reactBadEvent: JSX.IntrinsicElements['mi-progress'] = {'onmi-success': () => {}};
export const reactTyping: JSX.IntrinsicElements['mi-typing'] = {name: 'Ana', active: true};

export const vueConfirm: VueProps<'mi-confirm'> = {successText: 'Saved', action: () => 'ok', onMiSuccess: (event) => event.result};
// @ts-expect-error action is a function
export const vueBadAction: VueProps<'mi-confirm'> = {action: 'save()'};

export const svelteConfirm: SvelteHTMLElements['mi-confirm'] = {action: () => 'ok', 'success-text': 'Saved', 'onmi-error': (event) => event.message};
export const svelteProgress: SvelteHTMLElements['mi-progress'] = {value: 10, 'onmi-complete': (event) => event.type};
