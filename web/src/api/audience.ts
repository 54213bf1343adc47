import { api } from './client';
import type { Department, JobRole, SkillFrameworkDocument } from './types';

/** What an audience can name besides levels: the company's departments and its framework's job roles. */
export interface AudienceOptions {
  departments: Department[];
  jobRoles: JobRole[];
}

/** Each list is empty when it cannot be read (the picker then offers levels, and says so). */
export async function fetchAudienceOptions(): Promise<AudienceOptions> {
  const [departments, framework] = await Promise.all([
    api.get<{ items: Department[] }>('/api/departments').then(
      (page) => [...page.items].sort((a, b) => a.name.localeCompare(b.name, 'ja')),
      () => [] as Department[],
    ),
    api.get<SkillFrameworkDocument>('/api/skills/framework').then(
      (doc) => doc.framework.jobRoles,
      () => [] as JobRole[],
    ),
  ]);
  return { departments, jobRoles: framework };
}
