import { ref } from 'vue';
import { api } from '../api/client';
import type { Department } from '../api/types';

/** Department options for selects; failures leave the list empty (the page still works). */
export function useDepartments() {
  const departments = ref<Department[]>([]);
  const loaded = ref(false);

  async function load() {
    try {
      const page = await api.get<{ items: Department[] }>('/api/departments');
      departments.value = [...page.items].sort((a, b) => a.name.localeCompare(b.name, 'ja'));
    } catch {
      departments.value = [];
    } finally {
      loaded.value = true;
    }
  }

  return { departments, loaded, load };
}
