/** Activity of one month: distinct people active, quizzes started. */
export interface MonthUsage {
  month: string;
  activeLearners: number;
  attempts: number;
}

export interface UsageRow<K> {
  key: K;
  seatsUsed: number;
  byMonth: MonthUsage[];
}

/**
 * Lays counted usage out as a table: one row per entity (company or vendor), one column per month
 * (zero where nothing was counted), with totals. `counted` carries the stored month counters;
 * `groupOf` says which row a company's counter belongs to (a vendor row sums its companies).
 */
export function usageTable<K>(
  months: readonly string[],
  rows: readonly { key: K; seatsUsed: number }[],
  counted: readonly { tenantId: string; month: string; activeLearners: number; attempts: number }[],
  groupOf: (tenantId: string) => K | undefined,
): { rows: UsageRow<K>[]; totals: { seatsUsed: number; byMonth: MonthUsage[] } } {
  const column = new Map(months.map((m, i) => [m, i]));
  const empty = () => months.map((month) => ({ month, activeLearners: 0, attempts: 0 }));
  const table = new Map(rows.map((r) => [r.key, { key: r.key, seatsUsed: r.seatsUsed, byMonth: empty() }]));
  const totals = { seatsUsed: rows.reduce((sum, r) => sum + r.seatsUsed, 0), byMonth: empty() };
  for (const c of counted) {
    const i = column.get(c.month);
    const key = groupOf(c.tenantId);
    const row = key === undefined ? undefined : table.get(key);
    if (i === undefined || !row) continue;
    for (const cell of [row.byMonth[i]!, totals.byMonth[i]!]) {
      cell.activeLearners += c.activeLearners;
      cell.attempts += c.attempts;
    }
  }
  return { rows: [...table.values()], totals };
}
