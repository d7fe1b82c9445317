import { describe, expect, it } from 'vitest';
import { tierForScore } from '../../src/index.js';

describe('tierForScore', () => {
  it.each([
    [100, 'MUST'],
    [90, 'MUST'],
    [89, 'SHOULD'],
    [70, 'SHOULD'],
    [69, 'COULD'],
    [50, 'COULD'],
    [49, 'KEEP'],
    [0, 'KEEP'],
  ])('scores %i as %s', (score, tier) => {
    expect(tierForScore(score)).toBe(tier);
  });

  it.each([-1, 101, 72.5, Number.NaN])('rejects %s', (score) => {
    expect(() => tierForScore(score)).toThrow(RangeError);
  });
});
