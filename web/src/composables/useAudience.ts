import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { fetchAudienceOptions, type AudienceOptions } from '../api/audience';
import type { Audience } from '../api/types';
import { describeAudience } from '../lib/audience';
import { useLocale } from './useLocale';

/** Audiences in words, in the reader's language, naming departments and job roles from `options`. */
export function useAudienceText() {
  const { t } = useI18n();
  const { locale } = useLocale();
  return (audience: Audience | null | undefined, options: AudienceOptions): string =>
    describeAudience(
      audience,
      { ...options, locale: locale.value },
      {
        everyone: t('audience.everyone'),
        levelsName: t('audience.levels'),
        departmentsName: t('audience.departments'),
        jobRolesName: t('audience.jobRoles'),
        levelLabel: (level) => t(`levels.${level}`),
        unknownDepartment: t('audience.unknownDepartment'),
        separator: t('audience.separator'),
        dimensionSeparator: t('audience.dimensionSeparator'),
        dimension: (name, values) => t('audience.dimension', { name, values }),
      },
    );
}

const ERROR_KINDS = [
  ['audience.levels', 'unknownLevel'],
  ['audience.departmentIds', 'unknownDepartment'],
  ['audience.jobRoles', 'unknownJobRole'],
] as const;

/** The company's departments and job roles (for pickers and lists), and `describe` with them. */
export function useAudience() {
  const { t } = useI18n();
  const text = useAudienceText();
  const options = ref<AudienceOptions>({ departments: [], jobRoles: [] });
  const loaded = ref(false);

  async function load() {
    options.value = await fetchAudienceOptions();
    loaded.value = true;
  }

  const describe = (audience: Audience | null | undefined): string => text(audience, options.value);

  /**
   * What is wrong with the audience, in the reader's language, from the errors by path (the
   * server's details are English; the paths say which group they are about).
   */
  function errorText(byPath: Record<string, string[]>): string | undefined {
    const paths = Object.keys(byPath).filter((p) => p === 'audience' || p.startsWith('audience.'));
    if (paths.length === 0) return undefined;
    const kinds = new Set(paths.map((p) => ERROR_KINDS.find(([prefix]) => p.startsWith(prefix))?.[1] ?? 'invalid'));
    return [...kinds].map((kind) => t(`audience.errors.${kind}`)).join(' ');
  }

  return { options, loaded, load, describe, errorText };
}
