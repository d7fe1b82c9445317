import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, type MetricDatum, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  ConfigServiceClient,
  PutConfigurationRecorderCommand,
  PutDeliveryChannelCommand,
  StartConfigurationRecorderCommand,
} from '@aws-sdk/client-config-service';
import {
  type _InstanceType,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteVolumeCommand,
  DescribeInstancesCommand,
  EC2Client,
  type ResourceType,
  RunInstancesCommand,
  StopInstancesCommand,
  type TagSpecification,
} from '@aws-sdk/client-ec2';
import {
  CloseAccountCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  DescribeAccountCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  type LifecycleRule,
  PutBucketLifecycleConfigurationCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { ami } from './amis.js';
import {
  ACCESS_ROLE_NAME,
  HOME_REGION,
  MANAGEMENT_ACCOUNT_ID,
  MANAGEMENT_ACCOUNT_KEY,
  MANAGEMENT_CREDENTIALS,
} from './constants.js';
import { SeedError } from './errors.js';
import {
  type Bucket,
  type Estate,
  type EstateAccount,
  estateAccounts,
  type Instance,
  type ManagementAccount,
  type RegionResources,
  type Snapshot,
  type Stack,
  type Volume,
} from './estate.js';
import type {
  Placement,
  SeededAccount,
  SeededBucket,
  SeededEstate,
  SeededInstance,
  SeededSnapshot,
  SeededVolume,
} from './manifest.js';
import { instanceMetricData } from './metrics.js';
import type { MotoClock } from './moto.js';

const DAY_MS = 86_400_000;
/** Datapoints per PutMetricData call (AWS allows 1000). */
const METRIC_BATCH = 500;

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SeedOptions {
  /** moto's endpoint (or the proxy's). */
  endpoint: string;
  estate: Estate;
  /** Moves moto's clock to back-date launches, stops, volumes and snapshots. */
  clock: MotoClock;
  /** Calls in flight at once. */
  concurrency?: number;
  log?: (message: string) => void;
}

/** Runs `fn` over `items` with at most `limit` calls in flight. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new SeedError(label, { cause: error });
  }
}

function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`moto returned no ${what}`);
  return value;
}

type Client = { destroy(): void };

/** SDK clients of one account, one per service and region. */
class AccountClients {
  readonly #endpoint: string;
  readonly #credentials: Credentials;
  readonly #clients = new Map<string, Client>();

  constructor(endpoint: string, credentials: Credentials) {
    this.#endpoint = endpoint;
    this.#credentials = credentials;
  }

  #get<T extends Client>(service: string, region: string, create: (config: ClientConfig) => T): T {
    const key = `${service}:${region}`;
    let client = this.#clients.get(key) as T | undefined;
    if (client === undefined) {
      client = create({ endpoint: this.#endpoint, region, credentials: this.#credentials, maxAttempts: 1 });
      this.#clients.set(key, client);
    }
    return client;
  }

  organizations = () => this.#get('organizations', HOME_REGION, (c) => new OrganizationsClient(c));
  sts = () => this.#get('sts', HOME_REGION, (c) => new STSClient(c));
  ec2 = (region: string) => this.#get('ec2', region, (c) => new EC2Client(c));
  s3 = (region: string) => this.#get('s3', region, (c) => new S3Client({ ...c, forcePathStyle: true }));
  cloudformation = (region: string) =>
    this.#get('cloudformation', region, (c) => new CloudFormationClient(c));
  cloudtrail = (region: string) => this.#get('cloudtrail', region, (c) => new CloudTrailClient(c));
  config = (region: string) => this.#get('config', region, (c) => new ConfigServiceClient(c));
  // Metric batches exceed the 10 KB above which the SDK would gzip, and moto cannot read gzip.
  cloudwatch = (region: string) =>
    this.#get('cloudwatch', region, (c) => new CloudWatchClient({ ...c, disableRequestCompression: true }));

  destroy(): void {
    for (const client of this.#clients.values()) client.destroy();
  }
}

interface ClientConfig {
  endpoint: string;
  region: string;
  credentials: Credentials;
  maxAttempts: number;
}

/** A member or the management account, once it exists in moto. */
interface LiveAccount {
  key: string;
  id: string;
  spec: ManagementAccount;
  clients: AccountClients;
}

function tagList(tags: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

function tagSpecifications(
  types: ResourceType[],
  tags: Record<string, string>,
): TagSpecification[] | undefined {
  const list = tagList(tags);
  return list.length === 0 ? undefined : types.map((ResourceType) => ({ ResourceType, Tags: list }));
}

function placement(account: LiveAccount, region: string): Placement {
  return { account: account.key, accountId: account.id, region };
}

function ouAncestors(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

function homeRegion(spec: ManagementAccount): string {
  return Object.keys(spec.regions)[0] ?? HOME_REGION;
}

/** Something to do at a moment in moto's past: create things first, then snapshot them, then stop instances. */
interface TimedStep {
  daysAgo: number;
  phase: 0 | 1 | 2;
  label: string;
  run: () => Promise<void>;
}

/** Seeds the estate into moto and returns the ids of everything it created. */
export async function seedEstate(options: SeedOptions): Promise<SeededEstate> {
  const { endpoint, estate, clock } = options;
  const limit = options.concurrency ?? 8;
  const log = options.log ?? (() => {});
  const management = new AccountClients(endpoint, MANAGEMENT_CREDENTIALS);
  const live: LiveAccount[] = [];
  try {
    const org = await seedOrganization(estate, management, log);
    const accounts = estateAccounts(estate);
    const credentials = await mapLimit(accounts, limit, (account) =>
      account.management ? Promise.resolve(undefined) : assumeAccessRole(management, org.accounts, account),
    );
    accounts.forEach((account, i) => {
      const id = required(org.accounts[account.key], `account id for ${account.key}`).id;
      const clients = account.management
        ? management
        : new AccountClients(endpoint, required(credentials[i], 'credentials'));
      live.push({ key: account.key, id, spec: account.spec, clients });
    });

    // Back-dating counts from here; launches follow within seconds.
    const seedStarted = Date.now();
    const seeded: SeededEstate = {
      estate: estate.name,
      seededAt: new Date(seedStarted).toISOString(),
      organizationId: org.organizationId,
      rootId: org.rootId,
      managementAccountId: MANAGEMENT_ACCOUNT_ID,
      ous: org.ous,
      accounts: org.accounts,
      instances: {},
      volumes: {},
      snapshots: {},
      buckets: {},
      stacks: {},
    };

    log('creating buckets');
    await mapLimit(
      collect(live, (a, region, r) => r.buckets.map((b) => ({ a, region, b }))),
      limit,
      ({ a, region, b }) =>
        step(`bucket ${b.key}`, async () => {
          await createBucket(a, region, b, limit);
          seeded.buckets[b.key] = {
            key: b.key,
            name: b.name,
            ...placement(a, region),
          } satisfies SeededBucket;
        }),
    );

    log('launching instances and creating volumes in the past');
    // One request at a time while moto's clock is moved: libfaketime re-reading its timestamp file
    // from concurrent moto threads was seen (once, on a loaded machine) to stamp a launch with real time.
    await runTimeline(timeline(live, seeded), clock, 1);
    await verifyLaunchTimes(live, seeded, seedStarted);

    log('creating stacks, trails and config recorders');
    await mapLimit(
      collect(live, (a, region, r) => r.stacks.map((s) => ({ a, region, s }))),
      limit,
      ({ a, region, s }) =>
        step(`stack ${s.key}`, async () => {
          seeded.stacks[s.key] = {
            key: s.key,
            name: s.name,
            id: await createStack(a, region, s),
            ...placement(a, region),
          };
        }),
    );
    await mapLimit(live, limit, (a) =>
      step(`logging in ${a.key}`, () => enableLogging(a, estate.logArchiveBucket)),
    );

    if (estate.metrics.days > 0) {
      log('writing CloudWatch metrics');
      await putMetrics(live, seeded, estate, seedStarted, limit);
    }

    const suspended = estate.accounts.filter((account) => account.status === 'SUSPENDED');
    for (const account of suspended) {
      const id = required(seeded.accounts[account.key], account.key).id;
      await step(`closing ${account.key}`, () =>
        management.organizations().send(new CloseAccountCommand({ AccountId: id })),
      );
    }
    return seeded;
  } finally {
    await clock.set(0);
    for (const account of live) account.clients.destroy();
    management.destroy();
  }
}

interface SeededOrganization {
  organizationId: string;
  rootId: string;
  ous: Record<string, string>;
  accounts: Record<string, SeededAccount>;
}

async function seedOrganization(
  estate: Estate,
  management: AccountClients,
  log: (message: string) => void,
): Promise<SeededOrganization> {
  const org = management.organizations();
  log('creating the organization');
  const created = await step('CreateOrganization', () =>
    org.send(new CreateOrganizationCommand({ FeatureSet: estate.organization.featureSet })),
  );
  const organizationId = required(created.Organization?.Id, 'organization id');
  const roots = await step('ListRoots', () => org.send(new ListRootsCommand({})));
  const rootId = required(roots.Roots?.[0]?.Id, 'root id');

  // Parents before children; siblings in parallel.
  const ous: Record<string, string> = {};
  const paths = [...new Set(estate.organization.ous.flatMap(ouAncestors))];
  const depth = (path: string) => path.split('/').length;
  for (let level = 1; paths.some((path) => depth(path) >= level); level++) {
    await Promise.all(
      paths
        .filter((path) => depth(path) === level)
        .map((path) =>
          step(`OU ${path}`, async () => {
            const parent =
              level === 1 ? rootId : required(ous[path.slice(0, path.lastIndexOf('/'))], 'parent OU');
            const name = path.slice(path.lastIndexOf('/') + 1);
            const out = await org.send(new CreateOrganizationalUnitCommand({ ParentId: parent, Name: name }));
            ous[path] = required(out.OrganizationalUnit?.Id, `OU id for ${path}`);
          }),
        ),
    );
  }

  log(`creating ${estate.accounts.length} member accounts`);
  const accounts: Record<string, SeededAccount> = {};
  const describedManagement = await step('DescribeAccount management', () =>
    org.send(new DescribeAccountCommand({ AccountId: MANAGEMENT_ACCOUNT_ID })),
  );
  if (Object.keys(estate.management.tags).length > 0) {
    await step('tagging the management account', () =>
      org.send(
        new TagResourceCommand({ ResourceId: MANAGEMENT_ACCOUNT_ID, Tags: tagList(estate.management.tags) }),
      ),
    );
  }
  accounts[MANAGEMENT_ACCOUNT_KEY] = {
    key: MANAGEMENT_ACCOUNT_KEY,
    id: MANAGEMENT_ACCOUNT_ID,
    name: describedManagement.Account?.Name ?? 'master',
    email: describedManagement.Account?.Email ?? '',
    ouPath: null,
    parentId: rootId,
    status: 'ACTIVE',
    management: true,
    tags: estate.management.tags,
  };
  await Promise.all(
    estate.accounts.map((account) =>
      step(`account ${account.key}`, async () => {
        const out = await org.send(
          new CreateAccountCommand({
            AccountName: account.name,
            Email: account.email,
            Tags: tagList(account.tags),
          }),
        );
        const id = required(out.CreateAccountStatus?.AccountId, `account id of ${account.key}`);
        const parentId = account.ou === undefined ? rootId : required(ous[account.ou], `OU ${account.ou}`);
        if (parentId !== rootId) {
          await org.send(
            new MoveAccountCommand({ AccountId: id, SourceParentId: rootId, DestinationParentId: parentId }),
          );
        }
        accounts[account.key] = {
          key: account.key,
          id,
          name: account.name,
          email: account.email,
          ouPath: account.ou ?? null,
          parentId,
          status: account.status,
          management: false,
          tags: account.tags,
        };
      }),
    ),
  );
  return { organizationId, rootId, ous, accounts };
}

/** Assumes the access role while moto's clock is real, so the session is not born expired. */
async function assumeAccessRole(
  management: AccountClients,
  accounts: Record<string, SeededAccount>,
  account: EstateAccount,
): Promise<Credentials> {
  const id = required(accounts[account.key], account.key).id;
  return step(`AssumeRole into ${account.key}`, async () => {
    const out = await management.sts().send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${id}:role/${ACCESS_ROLE_NAME}`,
        RoleSessionName: 'sandbox-seed',
      }),
    );
    const credentials = required(out.Credentials, 'credentials');
    return {
      accessKeyId: required(credentials.AccessKeyId, 'access key id'),
      secretAccessKey: required(credentials.SecretAccessKey, 'secret access key'),
      sessionToken: credentials.SessionToken,
    };
  });
}

function collect<T>(
  live: LiveAccount[],
  pick: (account: LiveAccount, region: string, resources: RegionResources) => T[],
): T[] {
  return live.flatMap((account) =>
    Object.entries(account.spec.regions).flatMap(([region, resources]) => pick(account, region, resources)),
  );
}

async function createBucket(
  account: LiveAccount,
  region: string,
  bucket: Bucket,
  limit: number,
): Promise<void> {
  const s3 = account.clients.s3(region);
  await s3.send(
    new CreateBucketCommand({
      Bucket: bucket.name,
      // us-east-1 is the one region that must not be named as a location constraint.
      CreateBucketConfiguration:
        region === 'us-east-1' ? undefined : { LocationConstraint: region as BucketLocationConstraint },
    }),
  );
  if (Object.keys(bucket.tags).length > 0) {
    await s3.send(
      new PutBucketTaggingCommand({ Bucket: bucket.name, Tagging: { TagSet: tagList(bucket.tags) } }),
    );
  }
  if (bucket.lifecycle.length > 0) {
    const rules: LifecycleRule[] = bucket.lifecycle.map((rule) => ({
      ID: rule.id,
      Status: 'Enabled',
      Filter: { Prefix: rule.prefix },
      Transitions: rule.transitions.map((t) => ({ Days: t.days, StorageClass: t.storageClass })),
      Expiration: rule.expirationDays === undefined ? undefined : { Days: rule.expirationDays },
    }));
    await s3.send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket: bucket.name,
        LifecycleConfiguration: { Rules: rules },
      }),
    );
  }
  const objects = bucket.objects.flatMap((group) =>
    Array.from({ length: group.count }, (_, i) => ({ ...group, key: `${group.prefix}object-${i}.bin` })),
  );
  await mapLimit(objects, limit, (object) =>
    s3.send(
      new PutObjectCommand({
        Bucket: bucket.name,
        Key: object.key,
        Body: Buffer.alloc(object.sizeBytes, 0x61),
        StorageClass: object.storageClass,
      }),
    ),
  );
}

/** Extra volumes go on /dev/sdf, /dev/sdg... as the EC2 console suggests. */
function extraDevice(index: number): string {
  return `/dev/sd${String.fromCharCode(0x66 + index)}`;
}

function isGraviton(type: string): boolean {
  // c6g.large, m6gd.xlarge, t4g.micro, c7gn.2xlarge (not g5.xlarge, which is a GPU family)
  return /^[a-z]+\d+g[a-z]*\./.test(type);
}

/** The steps that need moto's clock in the past, in estate order. */
function timeline(live: LiveAccount[], seeded: SeededEstate): TimedStep[] {
  const steps: TimedStep[] = [];
  const volumeIds = new Map<string, string>();
  for (const account of live) {
    for (const [region, resources] of Object.entries(account.spec.regions)) {
      const ec2 = account.clients.ec2(region);
      const where = placement(account, region);
      for (const instance of resources.instances) {
        steps.push({
          daysAgo: instance.launchedDaysAgo,
          phase: 0,
          label: `launching ${instance.key}`,
          run: async () => {
            const record = await launchInstance(ec2, instance, where);
            seeded.instances[instance.key] = record;
            instance.volumes.forEach((volume, i) => {
              const id = required(record.volumeIds[i + 1], `volume ${i + 1} of ${instance.key}`);
              if (volume.key === undefined) return;
              volumeIds.set(volume.key, id);
              seeded.volumes[volume.key] = { key: volume.key, id, attachedTo: instance.key, ...where };
            });
          },
        });
      }
      // One StopInstances per day for the instances of this account and region that stopped that day.
      const stopsByDay = new Map<number, string[]>();
      for (const { key, stoppedDaysAgo } of resources.instances) {
        if (stoppedDaysAgo === undefined) continue;
        stopsByDay.set(stoppedDaysAgo, [...(stopsByDay.get(stoppedDaysAgo) ?? []), key]);
      }
      for (const [daysAgo, keys] of stopsByDay) {
        steps.push({
          daysAgo,
          phase: 2,
          label: `stopping ${keys.join(', ')}`,
          run: async () => {
            const ids = keys.map((key) => required(seeded.instances[key], key).id);
            await ec2.send(new StopInstancesCommand({ InstanceIds: ids }));
          },
        });
      }
      for (const volume of resources.volumes) {
        steps.push({
          daysAgo: volume.createdDaysAgo,
          phase: 0,
          label: `creating volume ${volume.key}`,
          run: async () => {
            const id = await createVolume(ec2, region, volume.sizeGiB, volume.type, volume.tags);
            volumeIds.set(volume.key, id);
            seeded.volumes[volume.key] = { key: volume.key, id, ...where } satisfies SeededVolume;
          },
        });
      }
      for (const snapshot of resources.snapshots) {
        steps.push({
          daysAgo: snapshot.createdDaysAgo,
          phase: 1,
          label: `creating snapshot ${snapshot.key}`,
          run: async () => {
            seeded.snapshots[snapshot.key] = await createSnapshot(ec2, region, snapshot, volumeIds, where);
          },
        });
      }
    }
  }
  return steps;
}

/** Fails loudly if any instance's launch time is not the day the estate asked for. */
async function verifyLaunchTimes(
  live: LiveAccount[],
  seeded: SeededEstate,
  seedStarted: number,
): Promise<void> {
  const wrong: string[] = [];
  const instances = Object.values(seeded.instances);
  const scopes = [...new Set(instances.map((instance) => `${instance.account}|${instance.region}`))];
  await Promise.all(
    scopes.map(async (scope) => {
      const [accountKey, region] = scope.split('|') as [string, string];
      const account = required(
        live.find((candidate) => candidate.key === accountKey),
        accountKey,
      );
      const expected = instances.filter(
        (instance) => instance.account === accountKey && instance.region === region,
      );
      const response = await account.clients
        .ec2(region)
        .send(new DescribeInstancesCommand({ InstanceIds: expected.map((instance) => instance.id) }));
      const launched = new Map(
        (response.Reservations ?? []).flatMap((reservation) =>
          (reservation.Instances ?? []).map((instance) => [
            instance.InstanceId,
            instance.LaunchTime?.getTime(),
          ]),
        ),
      );
      for (const instance of expected) {
        const daysAgo = (seedStarted - (launched.get(instance.id) ?? seedStarted)) / DAY_MS;
        if (Math.abs(daysAgo - instance.launchedDaysAgo) > 1) {
          wrong.push(
            `${instance.key} launched ${daysAgo.toFixed(2)} days ago, not ${instance.launchedDaysAgo}`,
          );
        }
      }
    }),
  );
  if (wrong.length > 0) throw new SeedError('checking launch times', { cause: new Error(wrong.join('; ')) });
}

/** Runs the steps day by day from the oldest, with moto's clock moved to each day once. */
async function runTimeline(steps: TimedStep[], clock: MotoClock, limit: number): Promise<void> {
  const days = [...new Set(steps.map((s) => s.daysAgo))].sort((a, b) => b - a);
  for (const day of days) {
    await clock.set(day);
    for (const phase of [0, 1, 2] as const) {
      const due = steps.filter((s) => s.daysAgo === day && s.phase === phase);
      await mapLimit(due, limit, (s) => step(s.label, s.run));
    }
  }
  await clock.set(0);
}

async function launchInstance(ec2: EC2Client, instance: Instance, where: Placement): Promise<SeededInstance> {
  const windows = instance.platform === 'windows';
  const image = ami(windows ? 'windows' : isGraviton(instance.type) ? 'arm' : 'linux');
  const rootDevice = image.rootDevice;
  const tags = instance.name === undefined ? instance.tags : { Name: instance.name, ...instance.tags };
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: image.id,
      // The estate allows any well-formed type, as AWS keeps adding them.
      InstanceType: instance.type as _InstanceType,
      MinCount: 1,
      MaxCount: 1,
      // moto only creates the root volume itself when no mappings are given, so name it too.
      BlockDeviceMappings: [
        {
          DeviceName: rootDevice,
          Ebs: { VolumeSize: windows ? 30 : 8, VolumeType: 'gp3', DeleteOnTermination: true },
        },
        ...instance.volumes.map((volume, i) => ({
          DeviceName: extraDevice(i),
          Ebs: { VolumeSize: volume.sizeGiB, VolumeType: volume.type, DeleteOnTermination: false },
        })),
      ],
      TagSpecifications: tagSpecifications(['instance', 'volume'], tags),
    }),
  );
  const launched = required(out.Instances?.[0], 'instance');
  const devices = new Map((launched.BlockDeviceMappings ?? []).map((m) => [m.DeviceName, m.Ebs?.VolumeId]));
  const volumeIds = [rootDevice, ...instance.volumes.map((_, i) => extraDevice(i))].map((device) =>
    required(devices.get(device), `volume on ${device}`),
  );
  return {
    key: instance.key,
    id: required(launched.InstanceId, 'instance id'),
    ...where,
    type: instance.type,
    state: instance.state,
    platform: instance.platform,
    activity: instance.activity,
    launchedDaysAgo: instance.launchedDaysAgo,
    stoppedDaysAgo: instance.stoppedDaysAgo,
    volumeIds,
  };
}

async function createVolume(
  ec2: EC2Client,
  region: string,
  sizeGiB: number,
  type: Volume['type'],
  tags: Record<string, string>,
): Promise<string> {
  const out = await ec2.send(
    new CreateVolumeCommand({
      AvailabilityZone: `${region}a`,
      Size: sizeGiB,
      VolumeType: type,
      TagSpecifications: tagSpecifications(['volume'], tags),
    }),
  );
  return required(out.VolumeId, 'volume id');
}

async function createSnapshot(
  ec2: EC2Client,
  region: string,
  snapshot: Snapshot,
  volumeIds: Map<string, string>,
  where: Placement,
): Promise<SeededSnapshot> {
  // An orphan is a snapshot of a throwaway volume deleted right after.
  const orphaned = snapshot.volume === undefined;
  const volumeId =
    snapshot.volume === undefined
      ? await createVolume(ec2, region, snapshot.sizeGiB, 'gp3', {})
      : required(volumeIds.get(snapshot.volume), `volume ${snapshot.volume}`);
  const out = await ec2.send(
    new CreateSnapshotCommand({
      VolumeId: volumeId,
      Description: snapshot.description,
      TagSpecifications: tagSpecifications(['snapshot'], snapshot.tags),
    }),
  );
  if (orphaned) await ec2.send(new DeleteVolumeCommand({ VolumeId: volumeId }));
  return { key: snapshot.key, id: required(out.SnapshotId, 'snapshot id'), volumeId, orphaned, ...where };
}

function stackTemplate(stack: Stack): object {
  if (stack.resource === 'sns-topic') return { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } };
  // moto cannot generate a parameter name, so the template names it.
  const properties = { Name: `/sandbox/${stack.name}`, Type: 'String', Value: 'sandbox' };
  return { Resources: { Parameter: { Type: 'AWS::SSM::Parameter', Properties: properties } } };
}

async function createStack(account: LiveAccount, region: string, stack: Stack): Promise<string> {
  const out = await account.clients.cloudformation(region).send(
    new CreateStackCommand({
      StackName: stack.name,
      TemplateBody: JSON.stringify(stackTemplate(stack)),
      Tags: tagList(stack.tags),
    }),
  );
  return required(out.StackId, 'stack id');
}

/** A multi-region trail in the home region and a Config recorder per region, delivering to the log archive. */
async function enableLogging(account: LiveAccount, logArchiveBucket: string | undefined): Promise<void> {
  const { spec } = account;
  if (logArchiveBucket === undefined || (!spec.cloudtrail && !spec.config)) return;
  if (spec.cloudtrail) {
    const cloudtrail = account.clients.cloudtrail(homeRegion(spec));
    const name = 'landing-zone-trail';
    await cloudtrail.send(
      new CreateTrailCommand({
        Name: name,
        S3BucketName: logArchiveBucket,
        IsMultiRegionTrail: true,
        IncludeGlobalServiceEvents: true,
      }),
    );
    await cloudtrail.send(new StartLoggingCommand({ Name: name }));
  }
  if (spec.config) {
    const regions = Object.keys(spec.regions).length > 0 ? Object.keys(spec.regions) : [HOME_REGION];
    for (const region of regions) {
      const config = account.clients.config(region);
      await config.send(
        new PutConfigurationRecorderCommand({
          ConfigurationRecorder: {
            name: 'default',
            roleARN: `arn:aws:iam::${account.id}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
            recordingGroup: { allSupported: true, includeGlobalResourceTypes: region === homeRegion(spec) },
          },
        }),
      );
      await config.send(
        new PutDeliveryChannelCommand({
          DeliveryChannel: { name: 'default', s3BucketName: logArchiveBucket },
        }),
      );
      await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
    }
  }
}

async function putMetrics(
  live: LiveAccount[],
  seeded: SeededEstate,
  estate: Estate,
  seedStarted: number,
  limit: number,
): Promise<void> {
  const now = new Date();
  const batches: { account: LiveAccount; region: string; data: MetricDatum[] }[] = [];
  for (const account of live) {
    for (const [region, resources] of Object.entries(account.spec.regions)) {
      const data = resources.instances.flatMap((instance) =>
        instanceMetricData(
          {
            key: instance.key,
            instanceId: required(seeded.instances[instance.key], instance.key).id,
            activity: instance.activity,
            launchedAt: new Date(seedStarted - instance.launchedDaysAgo * DAY_MS),
            stoppedAt:
              instance.stoppedDaysAgo === undefined
                ? undefined
                : new Date(seedStarted - instance.stoppedDaysAgo * DAY_MS),
          },
          estate.metrics,
          now,
        ),
      );
      for (let i = 0; i < data.length; i += METRIC_BATCH) {
        batches.push({ account, region, data: data.slice(i, i + METRIC_BATCH) });
      }
    }
  }
  await mapLimit(batches, limit, ({ account, region, data }) =>
    step(`metrics for ${account.key} ${region}`, () =>
      account.clients
        .cloudwatch(region)
        .send(new PutMetricDataCommand({ Namespace: 'AWS/EC2', MetricData: data })),
    ),
  );
}
