import { z } from 'zod';

/** A 12-digit AWS account ID. */
export const AccountIdSchema = z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account ID');

/** An AWS region code such as `us-east-1`. */
export const RegionSchema = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'expected an AWS region code');

/** An ISO 8601 timestamp in UTC (`2026-11-30T09:15:00.000Z`). */
export const TimestampSchema = z.iso.datetime({ offset: false });

/** A calendar date (`2026-11-30`). */
export const DateSchema = z.iso.date();

/** Resource tags as a key → value map. */
export const TagsSchema = z.record(z.string(), z.string());

/**
 * An exact decimal amount of money, kept as text so no binary float ever rounds it
 * (`"12.3456789"`). Currency is USD unless a record says otherwise.
 */
export const MoneySchema = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal amount such as 12.34');

/** Where a money figure came from. Every figure in runbooks says its source. */
export const CostSourceSchema = z.enum(['billing-export', 'cost-explorer', 'estimate']);
export type CostSource = z.infer<typeof CostSourceSchema>;

/** One account × region (× service) that could not be read, reported instead of silently dropped. */
export const ScopeFailureSchema = z.object({
  account_id: AccountIdSchema,
  region: RegionSchema.nullable(),
  service: z.string().min(1),
  error_name: z.string().min(1),
  message: z.string(),
});
export type ScopeFailure = z.infer<typeof ScopeFailureSchema>;
