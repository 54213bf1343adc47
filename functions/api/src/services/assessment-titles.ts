import { getAssessment, type TenantDb } from '@manabi/data';

/** An assessment's title in either language. */
type Title = { ja?: string; en?: string };

/** The titles of the assessments some attempts belong to (one read per assessment, not per attempt). */
export async function assessmentTitles(db: TenantDb, attempts: readonly { assessmentId: string }[]): Promise<Map<string, Title | null>> {
  const titles = new Map<string, Title | null>();
  for (const id of new Set(attempts.map((x) => x.assessmentId)))
    titles.set(id, (await getAssessment<{ title: Title }>(db, id))?.settings.title ?? null);
  return titles;
}
