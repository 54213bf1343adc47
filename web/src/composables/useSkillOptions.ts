import { onMounted, ref } from 'vue';
import { api } from '../api/client';
import type { SkillFrameworkDocument } from '../api/types';
import { skillOptionsOf, type SkillOption } from '../lib/skillOptions';

/**
 * The company's framework skills for pickers. Someone with no company framework (a vendor admin
 * authoring for its client companies) gets none, and the picker lets them type a skill name.
 */
export function useSkillOptions(skip: () => boolean = () => false) {
  const options = ref<SkillOption[]>([]);
  const loaded = ref(false);
  onMounted(async () => {
    if (skip()) {
      loaded.value = true;
      return;
    }
    try {
      const doc = await api.get<SkillFrameworkDocument>('/api/skills/framework');
      options.value = skillOptionsOf(doc.framework);
    } catch {
      options.value = [];
    } finally {
      loaded.value = true;
    }
  });
  return { options, loaded };
}
