import type { ActivityProfile } from './estate.js';

/** What the seeder created, keyed by the estate's keys, so tests can look up real ids. Plain JSON. */
export interface SeededEstate {
  /** The estate's name. */
  estate: string;
  /** ISO time (real, not moto's) from which the `...DaysAgo` values were counted back. */
  seededAt: string;
  organizationId: string;
  rootId: string;
  managementAccountId: string;
  /** OU path (e.g. Workloads/Prod) to OU id. */
  ous: Record<string, string>;
  /** Account key to account; the management account has key `management`. */
  accounts: Record<string, SeededAccount>;
  instances: Record<string, SeededInstance>;
  /** Detached volumes, and attached ones the estate gave a key. */
  volumes: Record<string, SeededVolume>;
  snapshots: Record<string, SeededSnapshot>;
  buckets: Record<string, SeededBucket>;
  stacks: Record<string, SeededStack>;
}

export interface SeededAccount {
  key: string;
  id: string;
  name: string;
  email: string;
  /** null for accounts directly under Root. */
  ouPath: string | null;
  parentId: string;
  status: 'ACTIVE' | 'SUSPENDED';
  management: boolean;
  tags: Record<string, string>;
}

/** Where a resource lives: the account key and id, and the region. */
export interface Placement {
  account: string;
  accountId: string;
  region: string;
}

export interface SeededInstance extends Placement {
  key: string;
  id: string;
  type: string;
  state: 'running' | 'stopped';
  platform: 'linux' | 'windows';
  activity: ActivityProfile;
  launchedDaysAgo: number;
  stoppedDaysAgo?: number;
  /** Root volume first, then the extra volumes in estate order. */
  volumeIds: string[];
}

export interface SeededVolume extends Placement {
  key: string;
  id: string;
  /** Instance key, for attached volumes. */
  attachedTo?: string;
}

export interface SeededSnapshot extends Placement {
  key: string;
  id: string;
  volumeId: string;
  /** True when the source volume was deleted after the snapshot. */
  orphaned: boolean;
}

export interface SeededBucket extends Placement {
  key: string;
  name: string;
}

export interface SeededStack extends Placement {
  key: string;
  name: string;
  id: string;
}
