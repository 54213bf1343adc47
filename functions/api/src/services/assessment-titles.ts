import { getAssessment, type TenantDb } from '@manabi/data';

/** The titles of the assessments some attempts belong to (one read per assessment, not per attempt). */
export async function assessmentTitles(db: TenantDb, attempts: readonly { assessmentId: string }[]): Promise<Map<string, unknown>> {
  const titles = new Map<string, unknown>();
  for (const id of new Set(attempts.map((x) => x.assessmentId)))
    titles.set(id, (await getAssessment<{ title: unknown }>(db, id))?.settings.title ?? null);
  return titles;
}
