import type { ItemParams } from './model.js';

/** A calibrated item in an assessment's bank, tagged with the skill it measures. */
export interface PoolItem extends ItemParams {
  readonly id: string;
  readonly skill: string;
}
