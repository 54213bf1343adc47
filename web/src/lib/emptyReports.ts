/**
 * What fills each empty part of the reports, and where to do it. A report with no data says what
 * to do and links to that action; people who cannot do it (managers) are told whom to ask.
 */
export const EMPTY_REPORT_KINDS = ['assignments', 'results', 'assessments', 'skills', 'skillGaps', 'framework', 'goals'] as const;
export type EmptyReportKind = (typeof EMPTY_REPORT_KINDS)[number];

export const EMPTY_REPORT_ACTIONS: Record<EmptyReportKind, { to: string; hrOnly: boolean }> = {
  assignments: { to: '/admin/packages', hrOnly: true },
  results: { to: '/admin/assessments', hrOnly: true },
  assessments: { to: '/admin/assessments/new', hrOnly: true },
  skills: { to: '/admin/skills', hrOnly: false },
  skillGaps: { to: '/admin/skills', hrOnly: false },
  framework: { to: '/admin/framework', hrOnly: true },
  goals: { to: '/admin/goals', hrOnly: false },
};
