import { ref, type Ref } from 'vue';
import { api } from '../api/client';
import { useFormErrors } from './useFormErrors';

/**
 * A console list read from `GET path` (`{ items }`): loading state, list errors, and `upsert` to
 * put a created or changed item in place (new items first) without reloading the list.
 */
export function useItemList<T extends { id: string }>(path: string) {
  const items = ref([]) as Ref<T[]>;
  const loading = ref(true);
  const errors = useFormErrors();

  async function load() {
    errors.clear();
    loading.value = true;
    try {
      items.value = (await api.get<{ items: T[] }>(path)).items;
    } catch (error) {
      errors.handle(error);
    } finally {
      loading.value = false;
    }
  }

  function upsert(item: T) {
    items.value = items.value.some((x) => x.id === item.id)
      ? items.value.map((x) => (x.id === item.id ? item : x))
      : [item, ...items.value];
  }

  return { items, loading, errors, load, upsert };
}
