import { z } from 'zod';
import { AccountIdSchema, TagsSchema, TimestampSchema } from './common.js';

/**
 * An account of the AWS Organization, as `runbooks inventory list-org-accounts` writes it to
 * `org-accounts.csv`.
 *
 * @example
 * ```ts
 * const account = OrgAccountSchema.parse({
 *   account_id: '111122223333', account_name: 'workload-prod', email: 'prod@example.com',
 *   status: 'ACTIVE', joined_method: 'CREATED', joined_timestamp: '2026-01-05T10:00:00.000Z',
 *   ou_path: 'Root/Workloads/Prod', is_management: false, tags: { Owner: 'platform' },
 * });
 * ```
 */
export const OrgAccountSchema = z.object({
  account_id: AccountIdSchema,
  account_name: z.string().min(1),
  email: z.string().min(3),
  // Organizations' newer `State` adds PENDING_ACTIVATION and CLOSED to the older `Status` values.
  status: z.enum(['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE', 'PENDING_ACTIVATION', 'CLOSED']),
  joined_method: z.enum(['INVITED', 'CREATED']).nullable(),
  joined_timestamp: TimestampSchema.nullable(),
  /** `Root` for an account directly under the root, else `Root/<OU>/<OU>`. */
  ou_path: z.string().regex(/^Root(\/[^/]+)*$/, 'expected Root or Root/<OU>/…'),
  is_management: z.boolean(),
  tags: TagsSchema,
});
export type OrgAccount = z.infer<typeof OrgAccountSchema>;

/** An organizational unit with its path from the root. */
export const OrganizationalUnitSchema = z.object({
  ou_id: z.string().regex(/^(r-|ou-)[0-9a-z-]+$/, 'expected an OU or root ID'),
  ou_name: z.string().min(1),
  ou_path: z.string().regex(/^Root(\/[^/]+)*$/),
  parent_id: z.string().nullable(),
});
export type OrganizationalUnit = z.infer<typeof OrganizationalUnitSchema>;
