import vue from '@vitejs/plugin-vue';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [vue()],
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
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
});
