import type { Component } from 'vue';
import { BookOpen, GraduationCap, ListChecks, Users, Wrench } from 'lucide-vue-next';
import type { GoalStatus, ModuleKind, PackageModule, ProgressStatus } from '../api/types';

/** Decorative icons next to the (always written) module kind. */
export const MODULE_ICONS: Record<ModuleKind, Component> = {
  lesson: BookOpen,
  scorm: GraduationCap,
  quiz: ListChecks,
  ojt: Wrench,
  session: Users,
};

export function progressBadgeClass(status: ProgressStatus): string {
  return status === 'completed' ? 'badge--passed' : status === 'in_progress' ? 'badge--in-progress' : 'badge--draft';
}

export function goalBadgeClass(status: GoalStatus): string {
  switch (status) {
    case 'draft':
      return 'badge--draft';
    case 'agreed':
      return 'badge--invited';
    case 'in_progress':
      return 'badge--in-progress';
    case 'achieved':
      return 'badge--passed';
    case 'missed':
      return 'badge--failed';
  }
}

/** Module ids whose completion is recorded by a manager or HR (OJT sign-off, session attendance). */
export function needsSignOff(kind: ModuleKind): boolean {
  return kind === 'ojt' || kind === 'session';
}

export function findModule(modules: readonly PackageModule[] | undefined, moduleId: string): PackageModule | undefined {
  return modules?.find((m) => m.id === moduleId);
}

/** `/me/assignments/:packageId/:moduleId` */
export function readerPath(packageId: string, moduleId: string): string {
  return `/me/assignments/${encodeURIComponent(packageId)}/${encodeURIComponent(moduleId)}`;
}

/**
 * An inbox link as an in-app path: links are absolute URLs of this app (`https://…/me/checkins`),
 * so only the path is kept; anything that is not a plain path of ours gives null.
 */
export function inAppPath(link: string | null | undefined): string | null {
  if (!link) return null;
  if (link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\')) return link;
  try {
    const url = new URL(link);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return `${url.pathname}${url.search}${url.hash}` || '/';
  } catch {
    return null;
  }
}

/** Runs `task` over `items` with at most `limit` at a time (per-person requests on the team page). */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
