import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { api } from './api/client';
import App from './App.vue';
import { i18n } from './i18n';
import { installRouteFocus } from './composables/useRouteFocus';
import { createAppRouter } from './router';
import { useAuthStore } from './stores/auth';
import { useBrandingStore } from './stores/branding';
import './styles/main.css';

api.configure({ getLocale: () => i18n.global.locale.value });

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(i18n);

// Branding (public) and the session restore run in parallel; the router waits for the session.
void useBrandingStore(pinia).load();
void useAuthStore(pinia).init();

const router = createAppRouter();
// Screen readers hear the new page: focus moves to its heading after each navigation.
installRouteFocus(router);
app.use(router);
app.mount('#app');
