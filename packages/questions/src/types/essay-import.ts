import { msg } from '../messages/render.js';
import type { Draft, ItemContext } from '../import/types.js';
import { MAX_CRITERION_POINTS } from './essay.js';

/** The one criterion an imported essay gets: GIFT, Moodle and QTI essays carry no rubric. */
export const IMPORTED_CRITERION = { ja: '総合評価', en: 'Overall' } as const;

/**
 * The essay fields of an imported item. `markOutOf` is the source's grade (Moodle's default grade,
 * QTI's maximum score): a whole number from 1 to 10 becomes the criterion's points, anything else
 * 10 points with a warning, so a grader's share of the points is what the source meant.
 */
export function importedEssay(
  ctx: ItemContext,
  source: { markOutOf?: number | null; minWords?: number | null; maxWords?: number | null; graderNotes?: string },
): Draft {
  const mark = source.markOutOf ?? null;
  const fits = mark !== null && Number.isInteger(mark) && mark >= 1 && mark <= MAX_CRITERION_POINTS;
  const maxPoints = fits ? mark : MAX_CRITERION_POINTS;
  if (mark !== null && !fits && mark !== 0) {
    ctx.warn('suspicious', msg('essay.mark_scaled', { mark, points: MAX_CRITERION_POINTS }));
  }
  ctx.warn('suspicious', msg('essay.rubric_added', { points: maxPoints }));
  const limit = (n: number | null | undefined): number | undefined =>
    n !== null && n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
  const minWords = limit(source.minWords);
  const maxWords = limit(source.maxWords);
  const graderNotes = ctx.text(source.graderNotes);
  return {
    type: 'essay',
    rubric: [{ id: 'overall', criterion: { ...IMPORTED_CRITERION }, maxPoints }],
    ...(minWords !== undefined ? { minWords } : {}),
    ...(maxWords !== undefined ? { maxWords } : {}),
    ...(graderNotes ? { graderNotes } : {}),
  };
}
