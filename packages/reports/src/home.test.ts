import { describe, expect, it } from 'vitest';
import { gapSummary, hasLearningData, onboardingChecklist } from './home.js';

const fresh = { people: 1, frameworkRev: 1, assigned: 0, publishedAssessments: 0, results: 0 };

describe('onboarding checklist', () => {
  it('has nothing done for a company that just signed up', () => {
    const c = onboardingChecklist(fresh);
    expect(c).toMatchObject({ done: 0, total: 5 });
    expect(c.steps.map((s) => s.id)).toEqual(['importPeople', 'reviewFramework', 'assignPackages', 'publishTest', 'firstResults']);
  });

  it('reads each step from the state it names', () => {
    const c = onboardingChecklist({ ...fresh, people: 3, assigned: 2 });
    expect(c.steps.filter((s) => s.done).map((s) => s.id)).toEqual(['importPeople', 'assignPackages']);
    expect(c.done).toBe(2);
    expect(onboardingChecklist({ people: 2, frameworkRev: 2, assigned: 1, publishedAssessments: 1, results: 1 }).done).toBe(5);
    expect(onboardingChecklist({ ...fresh, frameworkRev: null }).steps[1]!.done).toBe(false);
  });

  it('calls a company running once assignments or results exist', () => {
    expect(hasLearningData(fresh)).toBe(false);
    expect(hasLearningData({ assigned: 1, results: 0 })).toBe(true);
    expect(hasLearningData({ assigned: 0, results: 1 })).toBe(true);
  });
});

describe('gap summary', () => {
  const skill = (users: number, withGap: number) => ({
    skillId: 's',
    users,
    assessed: users,
    meanCurrent: null,
    meanRequired: null,
    meanGap: null,
    withGap,
  });

  it('counts requirements met over every skill of the row', () => {
    expect(gapSummary({ people: 4, skills: [skill(4, 1), skill(2, 2)] })).toEqual({
      people: 4,
      requirements: 6,
      met: 3,
      open: 3,
      metRate: 0.5,
    });
    expect(gapSummary({ people: 0, skills: [] }).metRate).toBeNull();
  });
});
