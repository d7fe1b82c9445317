import { EC2Client, type Instance, paginateDescribeInstances } from '@aws-sdk/client-ec2';
import { type ClientSource, fanOut, type ServiceLimits } from '@inv/aws';
import {
  type Ec2Instance,
  type InstanceState,
  InstanceStateSchema,
  type RunSink,
  type ScopeFailure,
  silentSink,
} from '@inv/schema';

/** An account to look into. */
export interface TargetAccount {
  accountId: string;
  accountName: string;
}

export interface DiscoverEc2Options {
  accounts: readonly TargetAccount[];
  regions: readonly string[];
  /** Builds the EC2 client of each account × region. */
  clients: ClientSource;
  /**
   * Checks an account can be entered (e.g. assumes its role) before its regions are queried, so an
   * account that cannot be entered is reported once rather than once per region.
   */
  enterAccount?: (accountId: string) => Promise<unknown>;
  /** Only instances in these states, filtered by EC2 itself. */
  states?: readonly InstanceState[];
  sink?: RunSink;
  limits?: Partial<ServiceLimits>;
}

export interface Ec2Discovery {
  /** Sorted by account, region and instance ID. */
  instances: Ec2Instance[];
  /** Accounts that could not be entered and regions that answered with an error. */
  failures: ScopeFailure[];
}

// EC2 writes the stop time into the transition reason: "User initiated (2026-10-01 10:00:00 GMT)";
// some EC2-compatible endpoints (moto) write UTC instead of GMT.
const TRANSITION_TIME = /\((\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) (?:GMT|UTC)\)/;

/** When the instance entered its current state, if AWS says. */
export function stateSince(
  instance: Pick<Instance, 'State' | 'LaunchTime' | 'StateTransitionReason'>,
): string | null {
  // LaunchTime is reset by every start, so for a running instance it is the time it started running.
  if (instance.State?.Name === 'running') return instance.LaunchTime?.toISOString() ?? null;
  const match = instance.StateTransitionReason?.match(TRANSITION_TIME);
  return match ? `${match[1]}T${match[2]}.000Z` : null;
}

function toRecord(instance: Instance, account: TargetAccount, region: string): Ec2Instance {
  const tags = Object.fromEntries((instance.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']));
  const state = InstanceStateSchema.parse(instance.State?.Name);
  return {
    account_id: account.accountId,
    account_name: account.accountName,
    region,
    availability_zone: instance.Placement?.AvailabilityZone ?? null,
    instance_id: instance.InstanceId ?? '',
    name: tags.Name ?? null,
    instance_type: instance.InstanceType ?? '',
    state,
    state_since: stateSince(instance),
    launch_time: instance.LaunchTime?.toISOString() ?? '',
    platform: instance.Platform?.toLowerCase() === 'windows' ? 'windows' : 'linux',
    platform_details: instance.PlatformDetails ?? null,
    vpc_id: instance.VpcId ?? null,
    private_ip: instance.PrivateIpAddress ?? null,
    attached_volume_ids: (instance.BlockDeviceMappings ?? []).flatMap((mapping) =>
      mapping.Ebs?.VolumeId ? [mapping.Ebs.VolumeId] : [],
    ),
    tags,
  };
}

/**
 * Lists the EC2 instances of every account × region, with one paginated DescribeInstances per
 * account-region. Accounts that cannot be entered and regions that fail are reported in
 * `failures`; everything else is returned.
 *
 * @example
 * ```ts
 * const { instances, failures } = await discoverEc2({
 *   accounts: [{ accountId: '444455556666', accountName: 'workload-prod' }],
 *   regions: ['us-east-1', 'ap-southeast-2'],
 *   clients: session.factory,
 *   states: ['stopped'],
 * });
 * ```
 */
export async function discoverEc2(options: DiscoverEc2Options): Promise<Ec2Discovery> {
  const sink = options.sink ?? silentSink;
  const failures: ScopeFailure[] = [];
  let reachable = [...options.accounts];
  if (options.enterAccount) {
    const enter = options.enterAccount;
    const entered = await fanOut(
      options.accounts.map((account) => ({
        accountId: account.accountId,
        region: null,
        service: 'sts',
        run: async () => {
          await enter(account.accountId);
          return account;
        },
      })),
      { label: 'enter accounts', sink, limits: options.limits },
    );
    failures.push(...entered.failures);
    reachable = entered.values.map(({ value }) => value);
  }

  const filters = options.states?.length
    ? [{ Name: 'instance-state-name', Values: [...options.states] }]
    : undefined;
  const listed = await fanOut(
    reachable.flatMap((account) =>
      options.regions.map((region) => ({
        accountId: account.accountId,
        region,
        service: 'ec2',
        run: async () => {
          const ec2 = options.clients.client(EC2Client, { accountId: account.accountId, region });
          const instances: Ec2Instance[] = [];
          for await (const page of paginateDescribeInstances(
            { client: ec2, pageSize: 1000 },
            { Filters: filters },
          )) {
            for (const reservation of page.Reservations ?? []) {
              for (const instance of reservation.Instances ?? [])
                instances.push(toRecord(instance, account, region));
            }
          }
          return instances;
        },
      })),
    ),
    { label: 'discover-ec2', sink, limits: options.limits },
  );
  failures.push(...listed.failures);

  const instances = listed.values.flatMap(({ value }) => value);
  instances.sort(
    (a, b) =>
      a.account_id.localeCompare(b.account_id) ||
      a.region.localeCompare(b.region) ||
      a.instance_id.localeCompare(b.instance_id),
  );
  return { instances, failures };
}
