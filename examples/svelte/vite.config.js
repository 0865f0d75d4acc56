import {defineConfig} from 'vite';
import {svelte} from '@sveltejs/vite-plugin-svelte';

// Nothing mi-specific: Svelte treats any tag with a hyphen as a custom element.
export default defineConfig({plugins: [svelte()]});
