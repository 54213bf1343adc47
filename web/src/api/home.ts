import { api } from './client';

/** HR's getting-started steps, in order. */
export const ONBOARDING_STEPS = ['importPeople', 'reviewFramework', 'assignPackages', 'publishTest', 'firstResults'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** HR's home (`GET /api/admin/home`): the checklist read from real state and the weekly figures. */
export interface HrHome {
  checklist: { steps: { id: OnboardingStep; done: boolean }[]; done: number; total: number };
  /** Assignments or results exist: the figures mean something. */
  hasData: boolean;
  kpis: {
    completion: {
      assigned: number;
      completed: number;
      completedOnTime: number;
      onTimeRate: number | null;
      completionRate: number | null;
      overdue: number;
    };
    /** Departments with overdue assignments, most first; `departmentId` null: people without one. */
    overdueByDepartment: { departmentId: string | null; name: string | null; assigned: number; overdue: number }[];
    passRate: {
      count: number;
      passRate: number | null;
      thisWeek: { week: string; count: number; passRate: number | null };
      lastWeek: { week: string; count: number; passRate: number | null };
    };
    /** Requirements met now, and gaps closed / opened this and last week (counted by the stream aggregator). */
    skillGaps: {
      people: number;
      requirements: number;
      met: number;
      open: number;
      metRate: number | null;
      thisWeek: { week: string; closed: number; opened: number };
      lastWeek: { week: string; closed: number; opened: number };
    };
    activeLearners: { month: string; count: number; previousMonth: string; previous: number };
  };
}

export const homeApi = {
  hr: () => api.get<HrHome>('/api/admin/home'),
};
