import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';

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
