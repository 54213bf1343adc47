import { computed, ref } from 'vue';
import { api } from '../api/client';
import type { AssessmentSummary, LocalizedText, SkillFrameworkDocument } from '../api/types';

/**
 * Names for goal forms and cards: the skills of the framework and the published assessments.
 * Either may fail to load; goals then show ids instead of names.
 */
export function useGoalReferences() {
  const skills = ref<{ id: string; name: LocalizedText }[]>([]);
  const assessments = ref<Pick<AssessmentSummary, 'id' | 'title'>[]>([]);

  async function load() {
    await Promise.all([
      api
        .get<SkillFrameworkDocument>('/api/skills/framework')
        .then((doc) => {
          skills.value = doc.framework.categories.flatMap((category) =>
            category.skills.map((skill) => ({ id: skill.id, name: skill.name })),
          );
        })
        .catch(() => undefined),
      api
        .get<{ items: AssessmentSummary[] }>('/api/assessments')
        .then((page) => {
          assessments.value = page.items.filter((a) => a.status === 'published');
        })
        .catch(() => undefined),
    ]);
  }

  const skillNames = computed(() => new Map(skills.value.map((s) => [s.id, s.name])));
  const assessmentNames = computed(() => new Map(assessments.value.map((a) => [a.id, a.title])));
  return { skills, assessments, skillNames, assessmentNames, load };
}
