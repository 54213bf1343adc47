import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { api } from './api/client';
import App from './App.vue';
import { i18n } from './i18n';
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

app.use(createAppRouter());
app.mount('#app');
