import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { api } from './api/client';
import App from './App.vue';
import { ensureLocaleMessages, ensureMessages, i18n, type MessagePart } from './i18n';
import { installRouteFocus } from './composables/useRouteFocus';
import { createAppRouter } from './router';
import { useAuthStore } from './stores/auth';
import { useBrandingStore } from './stores/branding';
import './styles/main.css';

// The starting language is known now (this device's choice): the shell's messages (the frame and
// the public pages) download while the session is restored and the first page's code loads.
const messagesReady = ensureLocaleMessages(i18n.global, i18n.global.locale.value, 'shell');
/** More of the messages, for the signed-in pages: asked for as soon as they may be needed. */
const loadMessages = (part: MessagePart) => ensureMessages(i18n.global, part);

api.configure({ getLocale: () => i18n.global.locale.value });

/** The refresh request index.html sent at the start of the page load, taken once. */
function takeStartedSessionRestore(): Promise<Response | null> | undefined {
  const holder = globalThis as { sessionRestore?: Promise<Response | null> };
  const started = holder.sessionRestore;
  delete holder.sessionRestore;
  return started;
}

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(i18n);

// Branding (public) and the session restore run in parallel; the router waits for the session
// (and meanwhile fetches the first page's code: see the router's guard).
void useBrandingStore(pinia).load();
const auth = useAuthStore(pinia);
// A session shows (the signed-in frame, the person's pages) once the people's messages are here
// (staff pages wait for the rest in the router's guard).
auth.beforeSessionStart(() => loadMessages('people'));
void auth.init(takeStartedSessionRestore());

const router = createAppRouter(undefined, { loadMessages });
// Screen readers hear the new page: focus moves to its heading after each navigation.
installRouteFocus(router);
app.use(router);
// Mounted once the messages are here, so no raw message key is ever painted.
void messagesReady.finally(() => app.mount('#app'));
