import { computed, shallowRef, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useFormErrors } from './useFormErrors';

/** How many months back the usage pages look (the API takes 1–24). */
export const USAGE_MONTHS = [3, 6, 12] as const;
export const DEFAULT_USAGE_MONTHS = 6;

/** The months shown, kept in the URL (`?months=12`) so a reload or a shared link keeps them. */
export function useUsageMonths() {
  const route = useRoute();
  const router = useRouter();
  return computed<number>({
    get: () => {
      const value = Number(route.query['months']);
      return (USAGE_MONTHS as readonly number[]).includes(value) ? value : DEFAULT_USAGE_MONTHS;
    },
    set: (value) => void router.replace({ query: { ...route.query, months: value === DEFAULT_USAGE_MONTHS ? undefined : String(value) } }),
  });
}

/**
 * A usage page's data: the months (in the URL) and the answer for them, asked again whenever they
 * change; only the answer to the latest request is shown. `errors` is the page's alert (a page may
 * show its own errors there too, e.g. a failed export).
 */
export function useUsage<T>(fetchUsage: (months: number) => Promise<T>) {
  const months = useUsageMonths();
  const errors = useFormErrors();
  const usage = shallowRef<T | null>(null);
  const loading = shallowRef(true);
  let latest = 0;

  async function load() {
    const request = ++latest;
    errors.clear();
    loading.value = true;
    try {
      const answer = await fetchUsage(months.value);
      if (request === latest) usage.value = answer;
    } catch (error) {
      if (request === latest) errors.handle(error);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  watch(months, load, { immediate: true });

  return { months, usage, loading, errors, load };
}
