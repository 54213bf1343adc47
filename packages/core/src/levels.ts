/** The level ladder (階層), in order from the earliest career stage. */
export const LEVELS = ['pre_hire', 'new_hire', 'junior', 'mid', 'leader', 'manager'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, { ja: string; en: string }> = {
  pre_hire: { ja: '内定者', en: 'Pre-hire' },
  new_hire: { ja: '新入社員', en: 'New employee' },
  junior: { ja: '若手社員', en: 'Junior staff' },
  mid: { ja: '中堅社員', en: 'Mid-career staff' },
  leader: { ja: 'リーダー・監督職', en: 'Team leader' },
  manager: { ja: '管理職', en: 'Manager' },
};
