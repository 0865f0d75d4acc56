import {defineConfig} from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    vue({
      template: {
        // Tell Vue that mi-* tags are custom elements, not unresolved Vue components.
        compilerOptions: {isCustomElement: (tag) => tag.startsWith('mi-')},
      },
    }),
  ],
});
