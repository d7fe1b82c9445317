import { z } from 'zod';
import { AccountIdSchema, RegionSchema, TagsSchema, TimestampSchema } from './common.js';

export const InstanceStateSchema = z.enum([
  'pending',
  'running',
  'shutting-down',
  'terminated',
  'stopping',
  'stopped',
]);
export type InstanceState = z.infer<typeof InstanceStateSchema>;

/**
 * An EC2 instance as discovery writes it to `ec2-inventory.csv`.
 *
 * `state_since` is when the instance entered its current state: the launch time for a running
 * instance (EC2 resets `LaunchTime` on every start), the time in the state-transition reason for a
 * stopped one, and empty when AWS does not say.
 */
export const Ec2InstanceSchema = z.object({
  account_id: AccountIdSchema,
  account_name: z.string(),
  region: RegionSchema,
  availability_zone: z.string().nullable(),
  instance_id: z.string().regex(/^i-[0-9a-f]+$/, 'expected an instance ID such as i-0abc…'),
  name: z.string().nullable(),
  instance_type: z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, 'expected an instance type such as m5.large'),
  state: InstanceStateSchema,
  state_since: TimestampSchema.nullable(),
  launch_time: TimestampSchema,
  platform: z.enum(['linux', 'windows']),
  platform_details: z.string().nullable(),
  vpc_id: z.string().nullable(),
  private_ip: z.string().nullable(),
  attached_volume_ids: z.array(z.string().regex(/^vol-[0-9a-f]+$/)),
  tags: TagsSchema,
});
export type Ec2Instance = z.infer<typeof Ec2InstanceSchema>;

/** An EBS volume, attached or not. */
export const EbsVolumeSchema = z.object({
  account_id: AccountIdSchema,
  region: RegionSchema,
  volume_id: z.string().regex(/^vol-[0-9a-f]+$/),
  volume_type: z.string(),
  size_gib: z.int().nonnegative(),
  state: z.string(),
  attached_instance_id: z.string().nullable(),
  create_time: TimestampSchema,
  encrypted: z.boolean(),
  tags: TagsSchema,
});
export type EbsVolume = z.infer<typeof EbsVolumeSchema>;

/** An EBS snapshot owned by the account. `source_volume_exists` false marks an orphan. */
export const EbsSnapshotSchema = z.object({
  account_id: AccountIdSchema,
  region: RegionSchema,
  snapshot_id: z.string().regex(/^snap-[0-9a-f]+$/),
  volume_id: z.string().nullable(),
  source_volume_exists: z.boolean(),
  size_gib: z.int().nonnegative(),
  start_time: TimestampSchema,
  tags: TagsSchema,
});
export type EbsSnapshot = z.infer<typeof EbsSnapshotSchema>;

/** An S3 bucket with what the storage-tier analysis needs. */
export const S3BucketSchema = z.object({
  account_id: AccountIdSchema,
  bucket_name: z.string().min(3),
  region: RegionSchema,
  creation_date: TimestampSchema,
  has_lifecycle_rules: z.boolean(),
  tags: TagsSchema,
});
export type S3Bucket = z.infer<typeof S3BucketSchema>;
