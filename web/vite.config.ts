import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { localePreload } from './build/locale-preload';

export default defineConfig({
  plugins: [vue(), localePreload()],
  define: {
    // Every component is written with setup (<script setup> or setup()): Vue's Options API stays out.
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
    // No <i18n-t> / v-t in the app: the global t() is all it uses.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    // Messages are compiled by src/i18n/compile.ts (placeholders only): vue-i18n's own compiler stays out of the download.
    __INTLIFY_DROP_MESSAGE_COMPILER__: true,
  },
  build: {
    // Browsers the app supports preload modules natively; the polyfill would be dead weight.
    modulePreload: { polyfill: false },
    outDir: 'dist',
    emptyOutDir: true,
    // The bundler's plugin-timing report reads like a warning to a newcomer; the Vue transform is
    // simply most of the work of this build.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    proxy: {
      '/api': {
        target: 'http://localhost:8787',
        changeOrigin: false,
      },
    },
  },
});
