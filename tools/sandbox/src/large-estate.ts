import {
  type Estate,
  type InstanceInput,
  type MemberAccountInput,
  parseEstate,
  type RegionResourcesInput,
} from './estate.js';
import { createRandom } from './random.js';

export interface LargeEstateOptions {
  /** Member accounts, the ops, log-archive and audit accounts included. */
  accounts: number;
  instancesPerAccount: number;
  regions?: string[];
  /** Same seed, same estate. */
  seed?: number;
  /** CloudWatch history; none by default, since moto scans every datapoint on each query. */
  metricsDays?: number;
}

const CURRENT_TYPES = [
  't3.micro',
  't3.medium',
  'm5.large',
  'm5.xlarge',
  'm6i.large',
  'c5.large',
  'c6g.large',
  'r5.large',
];
const LEGACY_TYPES = ['t2.micro', 't2.medium', 'm4.large', 'c4.large', 'r4.large'];
const WORKLOAD_OUS = [
  'Workloads/Prod',
  'Workloads/Prod',
  'Workloads/NonProd',
  'Workloads/NonProd',
  'Sandbox',
];
const TEAMS = ['payments', 'search', 'platform', 'data', 'identity', 'mobile'];
const CORE_ACCOUNTS = [
  { key: 'ops', name: 'Operations', ou: 'Infrastructure' },
  { key: 'log-archive', name: 'Log Archive', ou: 'Security' },
  { key: 'audit', name: 'Audit', ou: 'Security' },
];

/**
 * A deterministic landing zone for benchmarks, e.g. 40 accounts of 75 instances: the ops, log-archive and
 * audit accounts, then workload accounts spread over Prod, NonProd and Sandbox, with a mix of instance
 * generations, states, activity and tag hygiene. Every account has a trail into the log-archive bucket.
 */
export function generateLargeEstate(options: LargeEstateOptions): Estate {
  const seed = options.seed ?? 1;
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const regions = options.regions ?? ['us-east-1', 'ap-southeast-2'];
  const home = regions[0] ?? 'us-east-1';
  const logBucket = `lz-cloudtrail-logs-${seed}`;

  const instance = (key: string, ou: string): InstanceInput => {
    // Whole weeks: fewer distinct days means fewer moves of moto's clock and more calls in parallel per move.
    const launchedDaysAgo = 7 * int(1, 104);
    const stopped = chance(0.3);
    const tags: Record<string, string> = {};
    if (chance(0.8)) tags.Environment = ou === 'Workloads/Prod' ? 'prod' : 'nonprod';
    if (chance(0.75)) tags.Owner = `${pick(TEAMS)}@example.com`;
    if (chance(0.7)) tags.CostCenter = `CC-${int(1000, 1099)}`;
    return {
      key,
      name: chance(0.9) ? `${pick(TEAMS)}-${key}` : undefined,
      type: chance(0.25) ? pick(LEGACY_TYPES) : pick(CURRENT_TYPES),
      state: stopped ? 'stopped' : 'running',
      launchedDaysAgo,
      stoppedDaysAgo: stopped ? 7 * int(0, Math.min(launchedDaysAgo / 7, 57)) : undefined,
      platform: chance(0.1) ? 'windows' : 'linux',
      activity: pick(['busy', 'busy', 'idle', 'idle', 'spiky'] as const),
      tags,
      volumes: chance(0.2) ? [{ sizeGiB: pick([50, 100, 500]), type: pick(['gp2', 'gp3'] as const) }] : [],
    };
  };

  const accounts = Array.from({ length: options.accounts }, (_, i): MemberAccountInput => {
    const n = String(i - CORE_ACCOUNTS.length + 1).padStart(3, '0');
    const member = CORE_ACCOUNTS[i] ?? {
      key: `workload-${n}`,
      name: `Workload ${n}`,
      ou: pick(WORKLOAD_OUS),
    };
    const byRegion: Record<string, RegionResourcesInput & { instances: InstanceInput[] }> = {};
    for (const region of regions) {
      byRegion[region] = {
        instances: [],
        volumes: chance(0.3)
          ? [{ key: `${member.key}-${region}-detached`, sizeGiB: 100, createdDaysAgo: int(30, 300) }]
          : [],
        snapshots: chance(0.3)
          ? [{ key: `${member.key}-${region}-orphan`, sizeGiB: 50, createdDaysAgo: int(60, 600) }]
          : [],
        buckets:
          member.key === 'log-archive' && region === home
            ? [{ key: 'cloudtrail-logs', name: logBucket }]
            : [],
      };
    }
    for (let j = 0; j < options.instancesPerAccount; j++) {
      const key = `${member.key}-i${String(j + 1).padStart(4, '0')}`;
      byRegion[regions[j % regions.length] ?? home]?.instances.push(instance(key, member.ou));
    }
    return {
      key: member.key,
      name: member.name,
      email: `aws+${member.key}@example.com`,
      ou: member.ou,
      tags: { Team: pick(TEAMS) },
      cloudtrail: true,
      regions: byRegion,
    };
  });
  // Without a log-archive account there is no bucket for the trails.
  const hasLogArchive = accounts.some((account) => account.key === 'log-archive');
  if (!hasLogArchive) for (const account of accounts) account.cloudtrail = false;

  return parseEstate(
    {
      name: `large-${options.accounts}x${options.instancesPerAccount}`,
      organization: { ous: ['Security', 'Infrastructure', 'Workloads/Prod', 'Workloads/NonProd', 'Sandbox'] },
      accounts,
      logArchiveBucket: hasLogArchive ? logBucket : undefined,
      metrics: { days: options.metricsDays ?? 0 },
    },
    'generated estate',
  );
}
