import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import { api, type FetchLike } from '../api/client';
import type { Locale } from '../api/types';
import { createAppI18n } from '../i18n/bundled';
import { createAppRouter } from '../router';

/** Fresh pinia + i18n + router (memory history) wired to a fake API, as plugins for mount(). */
export async function setupApp(options: { fetch: FetchLike; path?: string; locale?: Locale }) {
  api.configure({ fetch: options.fetch });
  const pinia = createPinia();
  setActivePinia(pinia);
  const i18n = createAppI18n(options.locale ?? 'ja');
  const router = createAppRouter(createMemoryHistory());
  await router.push(options.path ?? '/');
  await router.isReady();
  return { pinia, i18n, router, plugins: [pinia, i18n, router] as const };
}

/** Let pending promises and the resulting re-renders settle. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
