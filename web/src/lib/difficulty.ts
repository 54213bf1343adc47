// The difficulty words and their thresholds are defined once, in @manabi/irt. The SPA has no
// workspace dependency on the domain packages; that file imports nothing, so it is imported by path.
export {
  DIFFICULTY_LEVELS,
  DIFFICULTY_PRIOR,
  EASY_BELOW,
  HARD_ABOVE,
  difficultyLevel,
  type DifficultyLevel,
} from '../../../packages/irt/src/difficulty';
