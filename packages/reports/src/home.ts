import type { GapStats } from './org-stats.js';

/** HR's getting-started steps, in the order a new company goes through them. */
export const ONBOARDING_STEPS = ['importPeople', 'reviewFramework', 'assignPackages', 'publishTest', 'firstResults'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** What the steps are read from: the company's own records and its maintained report cells. */
export interface OnboardingState {
  /** Seats in use: the HR admin who signed up is one of them. */
  people: number;
  /** Revision of the skill framework: 1 as created at sign-up, higher once HR saved it. */
  frameworkRev: number | null;
  /** Assignments counted in the company's completion cell. */
  assigned: number;
  /** Assessments of the company that are published. */
  publishedAssessments: number;
  /** Scored attempts counted in the company's result cell. */
  results: number;
}

export interface OnboardingChecklist {
  steps: { id: OnboardingStep; done: boolean }[];
  done: number;
  total: number;
}

/** Each step is done when the state shows it, never because someone ticked it. */
export function onboardingChecklist(s: OnboardingState): OnboardingChecklist {
  const done: Record<OnboardingStep, boolean> = {
    importPeople: s.people > 1,
    reviewFramework: (s.frameworkRev ?? 0) > 1,
    assignPackages: s.assigned > 0,
    publishTest: s.publishedAssessments > 0,
    firstResults: s.results > 0,
  };
  const steps = ONBOARDING_STEPS.map((id) => ({ id, done: done[id] }));
  return { steps, done: steps.filter((x) => x.done).length, total: steps.length };
}

/** A company is running once learning or results exist: then HR's home shows the weekly figures. */
export const hasLearningData = (s: Pick<OnboardingState, 'assigned' | 'results'>): boolean => s.assigned > 0 || s.results > 0;

export interface GapSummary {
  /** People in the gap cells (active people with a standing). */
  people: number;
  /** Person × required skill pairs. */
  requirements: number;
  /** Of those, the pairs at or above the requirement. */
  met: number;
  /** Pairs still below the requirement (open gaps). */
  open: number;
  metRate: number | null;
}

/** The company's skill gaps in one figure: how many requirements are met, from one gap cell. */
export function gapSummary(row: { people: number; skills: readonly GapStats[] }): GapSummary {
  const requirements = row.skills.reduce((sum, s) => sum + s.users, 0);
  const open = row.skills.reduce((sum, s) => sum + s.withGap, 0);
  const met = requirements - open;
  return { people: row.people, requirements, met, open, metRate: requirements === 0 ? null : met / requirements };
}
