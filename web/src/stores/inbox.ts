import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api/client';
import type { Inbox, InboxMessage } from '../api/types';

/** Refresh the badge on navigation at most this often. */
const STALE_MS = 60_000;

/** The in-app messages and the unread count shown in the header. */
export const useInboxStore = defineStore('inbox', () => {
  const items = ref<InboxMessage[]>([]);
  const unread = ref(0);
  const loaded = ref(false);
  let loadedAt = 0;
  let loading: Promise<void> | null = null;

  /** Fetch the inbox; errors propagate (the page shows them, the header ignores them). */
  function load(): Promise<void> {
    loading ??= api
      .get<Inbox>('/api/me/inbox')
      .then((inbox) => {
        items.value = inbox.items;
        unread.value = inbox.unread;
        loaded.value = true;
        loadedAt = Date.now();
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  /** For the header badge: quiet, and only when the count may be out of date. */
  async function refreshIfStale(): Promise<void> {
    if (loaded.value && Date.now() - loadedAt < STALE_MS) return;
    try {
      await load();
    } catch {
      // The badge is a convenience; the inbox page shows errors.
    }
  }

  async function markRead(id: string): Promise<void> {
    const message = items.value.find((m) => m.id === id);
    if (!message || message.read) return;
    await api.post<void>(`/api/me/inbox/${encodeURIComponent(id)}/read`);
    items.value = items.value.map((m) => (m.id === id ? { ...m, read: true } : m));
    unread.value = Math.max(0, unread.value - 1);
  }

  function reset() {
    items.value = [];
    unread.value = 0;
    loaded.value = false;
    loadedAt = 0;
  }

  return { items, unread, loaded, load, refreshIfStale, markRead, reset };
});
