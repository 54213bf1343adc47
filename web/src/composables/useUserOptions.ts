import { ref } from 'vue';
import type { User } from '../api/types';
import { usersApi } from '../api/users';

/** People for pickers (HR only: the first 200 by name, deactivated ones left out). */
export function useUserOptions() {
  const users = ref<User[]>([]);
  const truncated = ref(false);

  async function load() {
    try {
      const page = await usersApi.search({ pageSize: 200 });
      users.value = page.items.filter((u) => u.status !== 'deactivated');
      truncated.value = page.total > page.items.length;
    } catch {
      users.value = [];
    }
  }

  return { users, truncated, load };
}
