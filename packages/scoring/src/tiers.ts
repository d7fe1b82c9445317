import type { DecommissionTier } from '@inv/schema';

/** Lowest score of each tier: MUST 90–100, SHOULD 70–89, COULD 50–69, KEEP below 50. */
export const TIER_THRESHOLDS = { MUST: 90, SHOULD: 70, COULD: 50 } as const;

/**
 * The decommission tier of a 0–100 score.
 *
 * @throws {RangeError} for a score outside 0–100 or not an integer
 *
 * @example
 * ```ts
 * tierForScore(92); // 'MUST'
 * tierForScore(49); // 'KEEP'
 * ```
 */
export function tierForScore(score: number): DecommissionTier {
  if (!Number.isInteger(score) || score < 0 || score > 100) {
    throw new RangeError(`a decommission score is an integer from 0 to 100, got ${score}`);
  }
  if (score >= TIER_THRESHOLDS.MUST) return 'MUST';
  if (score >= TIER_THRESHOLDS.SHOULD) return 'SHOULD';
  if (score >= TIER_THRESHOLDS.COULD) return 'COULD';
  return 'KEEP';
}
