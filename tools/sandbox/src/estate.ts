import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { MANAGEMENT_ACCOUNT_KEY } from './constants.js';
import { EstateError } from './errors.js';

/** Member keys that would collide with the management key or the fixed profile names. */
const RESERVED_KEYS = new Set([MANAGEMENT_ACCOUNT_KEY, 'mgmt', 'billing']);

const KeySchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'keys are lower-case slugs such as prod-app');
/** Checked in checkReferences: zod reports a bad record key only as "Invalid key in record". */
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const TagsSchema = z.record(z.string().min(1), z.string()).default({});
const DaysAgoSchema = z.number().int().min(0);
const OuPathSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 _-]*(\/[A-Za-z0-9][A-Za-z0-9 _-]*)*$/, 'OU paths look like Workloads/Prod');

export const VolumeTypeSchema = z.enum(['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard']);

export const AttachedVolumeSchema = z.object({
  /** Optional, so snapshots can name the volume and the manifest can report its id. */
  key: KeySchema.optional(),
  sizeGiB: z.number().int().min(1).max(16384),
  type: VolumeTypeSchema.default('gp3'),
});

export const InstanceSchema = z
  .object({
    key: KeySchema,
    /** Becomes the Name tag; omit it to get an unnamed instance. */
    name: z.string().min(1).optional(),
    type: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, 'expected an instance type such as m5.large'),
    state: z.enum(['running', 'stopped']).default('running'),
    launchedDaysAgo: DaysAgoSchema,
    /** Required for stopped instances, at most launchedDaysAgo. */
    stoppedDaysAgo: DaysAgoSchema.optional(),
    platform: z.enum(['linux', 'windows']).default('linux'),
    /** Shapes the seeded CloudWatch metrics. */
    activity: z.enum(['busy', 'idle', 'spiky']).default('busy'),
    tags: TagsSchema,
    /** Extra EBS volumes attached at launch, besides the root volume. */
    volumes: z.array(AttachedVolumeSchema).default([]),
  })
  .superRefine((instance, ctx) => {
    if (instance.state === 'stopped' && instance.stoppedDaysAgo === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['stoppedDaysAgo'],
        message: 'stopped instances need stoppedDaysAgo',
      });
    }
    if (instance.state === 'running' && instance.stoppedDaysAgo !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['stoppedDaysAgo'],
        message: 'running instances have no stoppedDaysAgo',
      });
    }
    if (instance.stoppedDaysAgo !== undefined && instance.stoppedDaysAgo > instance.launchedDaysAgo) {
      ctx.addIssue({
        code: 'custom',
        path: ['stoppedDaysAgo'],
        message: 'an instance cannot stop before launch',
      });
    }
  });

/** An EBS volume that is not attached to anything. */
export const VolumeSchema = z.object({
  key: KeySchema,
  sizeGiB: z.number().int().min(1).max(16384),
  type: VolumeTypeSchema.default('gp3'),
  createdDaysAgo: DaysAgoSchema.default(0),
  tags: TagsSchema,
});

export const SnapshotSchema = z.object({
  key: KeySchema,
  /** Key of a volume in the same account and region; omit it for an orphan whose volume is gone. */
  volume: KeySchema.optional(),
  /** Size of the throwaway volume behind an orphan. */
  sizeGiB: z.number().int().min(1).max(16384).default(8),
  createdDaysAgo: DaysAgoSchema.default(0),
  description: z.string().optional(),
  tags: TagsSchema,
});

export const StackSchema = z.object({
  key: KeySchema,
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'not a valid stack name'),
  /** What the stack's one-resource template creates. */
  resource: z.enum(['ssm-parameter', 'sns-topic']).default('ssm-parameter'),
  tags: TagsSchema,
});

export const StorageClassSchema = z.enum([
  'STANDARD',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER_IR',
  'GLACIER',
  'DEEP_ARCHIVE',
]);

export const LifecycleRuleSchema = z.object({
  id: z.string().min(1),
  prefix: z.string().default(''),
  transitions: z
    .array(
      z.object({ days: z.number().int().min(0), storageClass: StorageClassSchema.exclude(['STANDARD']) }),
    )
    .default([]),
  expirationDays: z.number().int().min(1).optional(),
});

export const BucketSchema = z.object({
  key: KeySchema,
  name: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'not a valid bucket name'),
  /** No rules means no lifecycle configuration at all. */
  lifecycle: z.array(LifecycleRuleSchema).default([]),
  /** Groups of small objects, so storage-class breakdowns have something to count. */
  objects: z
    .array(
      z.object({
        prefix: z.string().default(''),
        count: z.number().int().min(1).max(1000),
        sizeBytes: z.number().int().min(0).max(1_048_576).default(1024),
        storageClass: StorageClassSchema.default('STANDARD'),
      }),
    )
    .default([]),
  tags: TagsSchema,
});

export const RegionResourcesSchema = z.object({
  instances: z.array(InstanceSchema).default([]),
  volumes: z.array(VolumeSchema).default([]),
  snapshots: z.array(SnapshotSchema).default([]),
  stacks: z.array(StackSchema).default([]),
  buckets: z.array(BucketSchema).default([]),
});

const accountFields = {
  tags: TagsSchema,
  /** A multi-region CloudTrail trail delivering to the log-archive bucket. */
  cloudtrail: z.boolean().default(false),
  /** An AWS Config recorder in each of the account's regions. */
  config: z.boolean().default(false),
  regions: z.record(z.string(), RegionResourcesSchema).default({}),
};

export const ManagementAccountSchema = z.object(accountFields);

export const MemberAccountSchema = z.object({
  key: KeySchema.refine((key) => !RESERVED_KEYS.has(key), 'this key is reserved'),
  name: z.string().min(1).max(50),
  email: z.email(),
  /** OU path declared in organization.ous; omit it to leave the account directly under Root. */
  ou: OuPathSchema.optional(),
  /** SUSPENDED accounts are closed with CloseAccount after seeding. */
  status: z.enum(['ACTIVE', 'SUSPENDED']).default('ACTIVE'),
  ...accountFields,
});

export const MetricSettingsSchema = z.object({
  /** Days of CloudWatch history; 0 seeds no metrics. Kept small because moto scans every datapoint per query. */
  days: z.number().int().min(0).max(455).default(14),
  periodHours: z.number().int().min(1).max(24).default(6),
});

const EstateObjectSchema = z.object({
  name: z.string().default('estate'),
  organization: z
    .object({
      featureSet: z.literal('ALL').default('ALL'),
      /** Every OU path used by an account; missing parents are created too. */
      ous: z.array(OuPathSchema).default([]),
    })
    .prefault({}),
  management: ManagementAccountSchema.prefault({}),
  accounts: z.array(MemberAccountSchema).default([]),
  /** Where trails and Config recorders deliver: the name of a bucket declared in this estate. */
  logArchiveBucket: z.string().optional(),
  metrics: MetricSettingsSchema.prefault({}),
});

/**
 * A landing zone to seed into moto: the organization, its accounts, and what runs in each of their regions.
 *
 * @example
 * EstateSchema.parse({
 *   organization: { ous: ['Workloads/Prod'] },
 *   accounts: [{ key: 'prod-app', name: 'Prod App', email: 'prod@example.com', ou: 'Workloads/Prod' }],
 * });
 */
export const EstateSchema = EstateObjectSchema.superRefine(checkReferences);

export type Estate = z.output<typeof EstateSchema>;
export type EstateInput = z.input<typeof EstateSchema>;
export type MemberAccount = z.output<typeof MemberAccountSchema>;
export type ManagementAccount = z.output<typeof ManagementAccountSchema>;
export type RegionResources = z.output<typeof RegionResourcesSchema>;
export type Instance = z.output<typeof InstanceSchema>;
export type Volume = z.output<typeof VolumeSchema>;
export type Snapshot = z.output<typeof SnapshotSchema>;
export type Stack = z.output<typeof StackSchema>;
export type Bucket = z.output<typeof BucketSchema>;
export type MetricSettings = z.output<typeof MetricSettingsSchema>;
export type ActivityProfile = Instance['activity'];
export type MemberAccountInput = z.input<typeof MemberAccountSchema>;
export type RegionResourcesInput = z.input<typeof RegionResourcesSchema>;
export type InstanceInput = z.input<typeof InstanceSchema>;

/** An account of the estate, the management account included, with the key the manifest uses. */
export interface EstateAccount {
  key: string;
  management: boolean;
  spec: ManagementAccount | MemberAccount;
}

export function estateAccounts(estate: Estate): EstateAccount[] {
  return [
    { key: MANAGEMENT_ACCOUNT_KEY, management: true, spec: estate.management },
    ...estate.accounts.map((spec) => ({ key: spec.key, management: false, spec })),
  ];
}

/** Validates an estate, reporting every problem at once. */
export function parseEstate(input: unknown, source = 'estate'): Estate {
  const result = EstateSchema.safeParse(input);
  if (!result.success) {
    throw new EstateError(`Invalid ${source}:\n${z.prettifyError(result.error)}`, { cause: result.error });
  }
  return result.data;
}

export async function loadEstate(path: string): Promise<Estate> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new EstateError(`Cannot read estate file ${path}`, { cause: error });
  }
  return parseEstate(json, path);
}

function checkReferences(estate: z.output<typeof EstateObjectSchema>, ctx: z.RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const unique = (seen: Set<string>, value: string, path: PropertyKey[], what: string) => {
    if (seen.has(value)) issue(path, `duplicate ${what} ${value}`);
    seen.add(value);
  };

  const ous = new Set<string>();
  estate.organization.ous.forEach((ou, i) => {
    unique(ous, ou, ['organization', 'ous', i], 'OU');
  });
  const accountKeys = new Set<string>();
  const emails = new Set<string>();
  estate.accounts.forEach((account, i) => {
    unique(accountKeys, account.key, ['accounts', i, 'key'], 'account key');
    unique(emails, account.email.toLowerCase(), ['accounts', i, 'email'], 'account email');
    if (account.ou !== undefined && !ous.has(account.ou)) {
      issue(['accounts', i, 'ou'], `OU ${account.ou} is not declared in organization.ous`);
    }
  });

  const keys = { instance: new Set<string>(), volume: new Set<string>(), snapshot: new Set<string>() };
  const stackKeys = new Set<string>();
  const bucketKeys = new Set<string>();
  const bucketNames = new Set<string>();
  const accounts: { path: PropertyKey[]; spec: ManagementAccount }[] = [
    { path: ['management'], spec: estate.management },
    ...estate.accounts.map((spec, i) => ({ path: ['accounts', i], spec })),
  ];
  let needsLogArchive = false;
  for (const { path, spec } of accounts) {
    needsLogArchive ||= spec.cloudtrail || spec.config;
    for (const [region, resources] of Object.entries(spec.regions)) {
      const at = [...path, 'regions', region];
      if (!REGION.test(region)) issue(at, `${region} is not an AWS region such as us-east-1`);
      const volumesHere = new Map<string, number>();
      resources.instances.forEach((instance, i) => {
        unique(keys.instance, instance.key, [...at, 'instances', i, 'key'], 'instance key');
        instance.volumes.forEach((volume, v) => {
          if (volume.key === undefined) return;
          unique(keys.volume, volume.key, [...at, 'instances', i, 'volumes', v, 'key'], 'volume key');
          volumesHere.set(volume.key, instance.launchedDaysAgo);
        });
      });
      resources.volumes.forEach((volume, i) => {
        unique(keys.volume, volume.key, [...at, 'volumes', i, 'key'], 'volume key');
        volumesHere.set(volume.key, volume.createdDaysAgo);
      });
      resources.snapshots.forEach((snapshot, i) => {
        unique(keys.snapshot, snapshot.key, [...at, 'snapshots', i, 'key'], 'snapshot key');
        if (snapshot.volume === undefined) return;
        const volumeAge = volumesHere.get(snapshot.volume);
        if (volumeAge === undefined) {
          issue([...at, 'snapshots', i, 'volume'], `no volume ${snapshot.volume} in this account and region`);
        } else if (snapshot.createdDaysAgo > volumeAge) {
          issue([...at, 'snapshots', i, 'createdDaysAgo'], 'a snapshot cannot be older than its volume');
        }
      });
      const stackNames = new Set<string>();
      resources.stacks.forEach((stack, i) => {
        unique(stackKeys, stack.key, [...at, 'stacks', i, 'key'], 'stack key');
        unique(stackNames, stack.name, [...at, 'stacks', i, 'name'], 'stack name');
      });
      resources.buckets.forEach((bucket, i) => {
        unique(bucketKeys, bucket.key, [...at, 'buckets', i, 'key'], 'bucket key');
        unique(bucketNames, bucket.name, [...at, 'buckets', i, 'name'], 'bucket name');
      });
    }
  }
  if (estate.logArchiveBucket === undefined) {
    if (needsLogArchive)
      issue(['logArchiveBucket'], 'accounts with cloudtrail or config need a logArchiveBucket');
  } else if (!bucketNames.has(estate.logArchiveBucket)) {
    issue(['logArchiveBucket'], `bucket ${estate.logArchiveBucket} is not declared in the estate`);
  }
}
