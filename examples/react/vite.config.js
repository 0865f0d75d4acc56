import {defineConfig} from 'vite';
import react from '@vitejs/plugin-react';

// Nothing mi-specific: React 19 sets custom-element properties and listens to their events natively.
export default defineConfig({plugins: [react()]});
