import { ref } from 'vue';
import { api } from '../api/client';
import type { Page, User } from '../api/types';

/** People for pickers (HR only: the first 200 by name, deactivated ones left out). */
export function useUserOptions() {
  const users = ref<User[]>([]);
  const truncated = ref(false);

  async function load() {
    try {
      const page = await api.get<Page<User>>('/api/users', { limit: 200 });
      users.value = page.items.filter((u) => u.status !== 'deactivated');
      truncated.value = page.nextCursor !== null;
    } catch {
      users.value = [];
    }
  }

  return { users, truncated, load };
}
