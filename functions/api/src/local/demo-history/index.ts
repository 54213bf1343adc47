import type { AppDeps } from '../../env.js';
import { todayInJapan } from '../../services/skill-standing.js';
import { DEMO_HISTORY_SEED, planHistory } from './plan.js';
import { playHistory, type HistoryRunOptions, type HistorySummary } from './run.js';

export type { HistorySummary } from './run.js';
export { planHistory, HISTORY_DAYS, DEMO_HISTORY_SEED } from './plan.js';

/** Plans the demo company's last three months from today and plays them through the app. */
export function seedDemoHistory(deps: AppDeps, options: HistoryRunOptions & { seed?: number }): Promise<HistorySummary> {
  const plan = planHistory({ seed: options.seed ?? DEMO_HISTORY_SEED, today: todayInJapan(deps.now()) });
  return playHistory(deps, plan, options);
}
