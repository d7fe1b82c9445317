import { z } from 'zod';
import {
  AccountIdSchema,
  CostSourceSchema,
  DateSchema,
  MoneySchema,
  RegionSchema,
  TimestampSchema,
} from './common.js';

/** One cost figure for one period, with the source it came from. */
export const CostLineSchema = z.object({
  account_id: AccountIdSchema,
  resource_id: z.string().nullable(),
  service: z.string().min(1),
  usage_type: z.string().nullable(),
  period_start: DateSchema,
  period_end: DateSchema,
  cost_metric: z.enum(['amortized', 'unblended', 'blended', 'net-amortized', 'net-unblended']),
  amount: MoneySchema,
  currency: z.string().length(3),
  cost_source: CostSourceSchema,
});
export type CostLine = z.infer<typeof CostLineSchema>;

const IdleFlag = z.boolean().nullable();

/**
 * The seven activity signals of one resource over the lookback window. A `null` value means the
 * source was not available (not "idle"): scoring must not count it either way.
 */
export const ActivitySignalsSchema = z.object({
  account_id: AccountIdSchema,
  region: RegionSchema,
  instance_id: z.string().regex(/^i-[0-9a-f]+$/),
  lookback_days: z.int().positive(),
  e1_cpu_p95_pct: z.number().nonnegative().nullable(),
  e1_idle: IdleFlag,
  e2_network_mb_per_day: z.number().nonnegative().nullable(),
  e2_idle: IdleFlag,
  e3_management_events: z.int().nonnegative().nullable(),
  e3_idle: IdleFlag,
  e4_ssm_last_ping: TimestampSchema.nullable(),
  e4_idle: IdleFlag,
  e5_optimizer_finding: z.string().nullable(),
  e5_idle: IdleFlag,
  e6_ebs_iops_per_day: z.number().nonnegative().nullable(),
  e6_idle: IdleFlag,
  e7_cost_trend: z.enum(['increasing', 'flat', 'decreasing']).nullable(),
  e7_idle: IdleFlag,
});
export type ActivitySignals = z.infer<typeof ActivitySignalsSchema>;

export const DecommissionTierSchema = z.enum(['MUST', 'SHOULD', 'COULD', 'KEEP']);
export type DecommissionTier = z.infer<typeof DecommissionTierSchema>;

/**
 * A scored resource as `score-decommission` writes it to `ec2-scored.csv`. The last two columns
 * are `monthly_cost` and `tier`, so `awk -F',' '{print $NF}'` prints the tier and `$(NF-1)` the cost.
 */
export const ScoredResourceSchema = z.object({
  account_id: AccountIdSchema,
  region: RegionSchema,
  resource_type: z.enum(['ec2']),
  resource_id: z.string().min(1),
  name: z.string().nullable(),
  score: z.int().min(0).max(100),
  idle_signals: z.array(z.string().regex(/^E[1-7]$/)),
  cost_source: CostSourceSchema.nullable(),
  monthly_cost: MoneySchema.nullable(),
  tier: DecommissionTierSchema,
});
export type ScoredResource = z.infer<typeof ScoredResourceSchema>;

/** A finding of a health, drift, tagging or legacy-type check. */
export const FindingSchema = z.object({
  check: z.enum(['landing-zone', 'cfn-drift', 'tag-coverage', 'legacy-instance-type', 'org-structure']),
  severity: z.enum(['high', 'medium', 'low', 'info']),
  account_id: AccountIdSchema.nullable(),
  region: RegionSchema.nullable(),
  resource_id: z.string().nullable(),
  message: z.string().min(1),
});
export type Finding = z.infer<typeof FindingSchema>;

/** One comparison of a figure between two independent sources. */
export const ValidationCheckSchema = z.object({
  name: z.string().min(1),
  source_a: z.string().min(1),
  source_b: z.string().min(1),
  value_a: z.union([z.string(), z.number()]),
  value_b: z.union([z.string(), z.number()]),
  matched: z.boolean(),
});

/**
 * The cross-validation report (`mcp-validation-report.json`). `accuracy_pct` must equal
 * matched / total of the checks actually compared: a report with no checks cannot claim any accuracy.
 */
export const ValidationReportSchema = z
  .object({
    generated_at: TimestampSchema,
    validation_level: z.string().min(1),
    checks: z.array(ValidationCheckSchema).min(1, 'a validation report needs at least one comparison'),
    total: z.int().positive(),
    matched: z.int().nonnegative(),
    accuracy_pct: z.number().min(0).max(100),
  })
  .refine((report) => report.total === report.checks.length, {
    path: ['total'],
    message: 'total must equal the number of checks',
  })
  .refine((report) => report.matched === report.checks.filter((check) => check.matched).length, {
    path: ['matched'],
    message: 'matched must equal the number of matched checks',
  })
  .refine((report) => Math.abs(report.accuracy_pct - (100 * report.matched) / report.total) < 1e-9, {
    path: ['accuracy_pct'],
    message: 'accuracy_pct must be 100 × matched / total',
  });
export type ValidationReport = z.infer<typeof ValidationReportSchema>;
