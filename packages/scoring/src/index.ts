export { ScoringError } from './errors.js';
export { TIER_THRESHOLDS, tierForScore } from './tiers.js';
