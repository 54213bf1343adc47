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

/**
 * Short names people also write in import files (a level's label is long: 若手社員, リーダー・監督職).
 * This file imports nothing: the SPA imports it by path, so the CSV help it shows is built from the
 * very lists the import parsers accept and cannot drift from them.
 */
export const LEVEL_ALIASES: Record<Level, readonly string[]> = {
  pre_hire: [],
  new_hire: [],
  junior: ['若手'],
  mid: ['中堅'],
  leader: ['リーダー', '監督職'],
  manager: [],
};

/** Every name an import file may use for a level: its id, its ja and en labels and its short names. */
export function levelImportNames(level: Level): string[] {
  return [LEVEL_LABELS[level].ja, ...LEVEL_ALIASES[level], LEVEL_LABELS[level].en, level];
}

const foldName = (value: string): string => value.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** The level an import cell names (any of `levelImportNames`, NFKC-folded, case-insensitive), or undefined. */
export function matchLevelName(value: string): Level | undefined {
  const v = foldName(value);
  return LEVELS.find((level) => levelImportNames(level).some((name) => foldName(name) === v));
}

/** The help line the import pages show for the level column, from the same lists `matchLevelName` reads. */
export function levelImportHelp(locale: 'ja' | 'en'): string {
  if (locale === 'ja') {
    const names = LEVELS.map((l) =>
      LEVEL_ALIASES[l].length > 0 ? `${LEVEL_LABELS[l].ja}（${LEVEL_ALIASES[l].join('／')}）` : LEVEL_LABELS[l].ja,
    );
    return `${names.join('、')}。英語名（${LEVELS.map((l) => LEVEL_LABELS[l].en).join(', ')}）や ${LEVELS.join(' / ')} も使えます。空欄は未設定。`;
  }
  const names = LEVELS.map((l) => `${LEVEL_LABELS[l].en} (${[LEVEL_LABELS[l].ja, ...LEVEL_ALIASES[l]].join(' / ')})`);
  return `${names.join(', ')}; or the ids ${LEVELS.join(', ')}. Leave it empty for none.`;
}
