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

/** The company's departments and job roles (for pickers and lists), and `describe` with them. */
export function useAudience() {
  const text = useAudienceText();
  const options = ref<AudienceOptions>({ departments: [], jobRoles: [] });
  const loaded = ref(false);

  async function load() {
    options.value = await fetchAudienceOptions();
    loaded.value = true;
  }

  const describe = (audience: Audience | null | undefined): string => text(audience, options.value);

  return { options, loaded, load, describe };
}
