import { describe, expect, it } from 'vitest';
import { ScoredResourceSchema, ValidationReportSchema } from '../../src/index.js';

const check = {
  name: 'account count',
  source_a: 'organizations',
  source_b: 'discovery',
  value_a: 7,
  value_b: 7,
};

describe('ValidationReportSchema', () => {
  it('accepts accuracy computed from the checks', () => {
    const report = {
      generated_at: '2026-12-01T00:00:00.000Z',
      validation_level: 'mcp',
      checks: [
        { ...check, matched: true },
        { ...check, matched: false },
      ],
      total: 2,
      matched: 1,
      accuracy_pct: 50,
    };
    expect(ValidationReportSchema.parse(report).accuracy_pct).toBe(50);
  });

  it('rejects a claimed accuracy that the checks do not support', () => {
    const result = ValidationReportSchema.safeParse({
      generated_at: '2026-12-01T00:00:00.000Z',
      validation_level: 'mcp',
      checks: [{ ...check, matched: false }],
      total: 1,
      matched: 0,
      accuracy_pct: 100,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['accuracy_pct']);
  });

  it('rejects a report that compared nothing', () => {
    const result = ValidationReportSchema.safeParse({
      generated_at: '2026-12-01T00:00:00.000Z',
      validation_level: 'mcp',
      checks: [],
      total: 0,
      matched: 0,
      accuracy_pct: 100,
    });
    expect(result.success).toBe(false);
  });
});

describe('ScoredResourceSchema', () => {
  it('ends with monthly_cost then tier, as the spec awk one-liners expect', () => {
    expect(Object.keys(ScoredResourceSchema.shape).slice(-2)).toEqual(['monthly_cost', 'tier']);
  });
});
