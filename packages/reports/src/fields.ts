/**
 * Counter names of each cell kind. Sums are fixed-point integers (the unit is in the name): integer
 * addition is exact and order-free, whereas float sums of 0.1-point scores depend on the order of
 * addition, and the rebuild must equal the maintained values exactly whatever order the stream,
 * the shards and the merge used. The engine rounds scores and skill credit to 0.1 and θ to 0.001,
 * so nothing is lost. At 10,000 learners × 100 attempts the largest sum (Σ(10·score)² ≤ 10⁶ each)
 * is 10¹², far below 2⁵³.
 */
export const RESULT_FIELDS = {
  /** Closed attempts that have a result. */
  count: 'count',
  passCount: 'passCount',
  /** Σ round(10·score). */
  sumScore: 'sumScoreX10',
  /** Σ round(10·score)². */
  sumSquares: 'sumSquaresX100',
  /** Adaptive results: how many had θ, Σ round(1000·θ), Σ round(1000·θ)². */
  thetaCount: 'thetaCount',
  sumTheta: 'sumThetaX1000',
  sumThetaSquares: 'sumThetaSquaresX1e6',
  /** Closed without a result (not written by today's API, counted so that nothing closes unseen). */
  unscored: 'unscored',
  /** Closed by the deadline rather than by the learner (scored or not). */
  expired: 'expired',
} as const;

export const SKILL_FIELDS = {
  /** Scored attempts that answered this skill. */
  count: 'count',
  /** Σ round(10·correct) (partial credit). */
  correct: 'correctX10',
  answered: 'answered',
} as const;

export const COMPLETION_FIELDS = {
  assigned: 'assigned',
  notStarted: 'notStarted',
  inProgress: 'inProgress',
  completed: 'completed',
  completedOnTime: 'completedOnTime',
  completedLate: 'completedLate',
  /** Open and flagged overdue when last written. */
  overdue: 'overdue',
} as const;

/** The ten score buckets 0–9, 10–19, …, 80–89 and 90–100 (a perfect score joins the top bucket). */
export const HISTOGRAM = Array.from({ length: 10 }, (_, i) => ({ index: i, from: 10 * i, to: i === 9 ? 100 : 10 * i + 9 }));
export const histogramField = (index: number): string => `h${index}`;

/** The bucket of a score held in tenths: 9.9 → 0, 10.0 → 1, 100 → 9. */
export const histogramBucket = (scoreX10: number): number => Math.min(9, Math.max(0, Math.floor(scoreX10 / 100)));

export const BANDS = [1, 2, 3, 4, 5] as const;
export const bandField = (band: number): string => `band${band}`;

/** Fixed-point value of a decimal: `fixed(72.5, 10)` is 725. */
export const fixed = (value: number, scale: number): number => Math.round(value * scale);

/** Goals by status (field names are the statuses). */
export const GOAL_FIELDS = { total: 'total' } as const;

/**
 * Gap cells hold every skill: `<field>|<skill id>`. Values on the 0–5 scale are held in hundredths.
 * users: people whose level requires the skill; assessed: of all people, those with a value.
 */
export const GAP_FIELDS = {
  users: 'users',
  assessed: 'assessed',
  sumCurrent: 'sumCurrentX100',
  sumRequired: 'sumRequiredX100',
  sumGap: 'sumGapX100',
  withGap: 'withGap',
} as const;
export const gapField = (field: (typeof GAP_FIELDS)[keyof typeof GAP_FIELDS], skill: string): string => `${field}|${skill}`;

/** Skill-sum cells: the skill rows of every assessment in one cell, `<field>|<skill tag>`. */
export const skillSumField = (field: string, skill: string): string => `${field}|${skill}`;

/**
 * Item cells (per question): n answers, Σx (right), and for the corrected point-biserial the rest
 * score y (right answers on the attempt's other items): Σy, Σy², Σxy. `chosen` answers named an
 * option; `o|<option>` counts each option. The assessment's ALL cell counts `attempts`.
 */
export const ITEM_FIELDS = {
  n: 'n',
  right: 'right',
  sumRest: 'sumRest',
  sumRestSquares: 'sumRestSquares',
  sumRightRest: 'sumRightRest',
  chosen: 'chosen',
  attempts: 'attempts',
} as const;
export const optionField = (optionId: string): string => `o|${optionId}`;

/** Gap-week cells: person × skill pairs that went below → met (closed) or met → below (opened). */
export const GAP_MOVE_FIELDS = { closed: 'closed', opened: 'opened' } as const;
