import { describe, expect, it } from 'vitest';
import { EstateError } from '../../src/errors.js';
import { estateAccounts, loadEstate, parseEstate } from '../../src/estate.js';
import { DEFAULT_ESTATE_FILE } from '../../src/index.js';
import { generateLargeEstate } from '../../src/large-estate.js';

const base = {
  organization: { ous: ['Workloads/Prod'] },
  accounts: [{ key: 'prod', name: 'Prod', email: 'prod@example.com', ou: 'Workloads/Prod' }],
};

function problems(input: unknown): string {
  try {
    parseEstate(input);
  } catch (error) {
    if (error instanceof EstateError) return error.message;
    throw error;
  }
  throw new Error('the estate was accepted');
}

describe('estate schema', () => {
  it('fills in defaults: feature set, metric settings, instance state and profile', () => {
    // Act
    const estate = parseEstate({
      ...base,
      accounts: [
        {
          ...base.accounts[0],
          regions: { 'us-east-1': { instances: [{ key: 'web', type: 'm5.large', launchedDaysAgo: 3 }] } },
        },
      ],
    });

    // Assess
    expect(estate.organization.featureSet).toBe('ALL');
    expect(estate.metrics).toEqual({ days: 14, periodHours: 6 });
    expect(estate.management).toEqual({ tags: {}, cloudtrail: false, config: false, regions: {} });
    expect(estate.accounts[0]?.status).toBe('ACTIVE');
    expect(estate.accounts[0]?.regions['us-east-1']?.instances[0]).toMatchObject({
      state: 'running',
      platform: 'linux',
      activity: 'busy',
      tags: {},
      volumes: [],
    });
    expect(estateAccounts(estate).map((account) => account.key)).toEqual(['management', 'prod']);
  });

  it('accepts the default estate: 1 management and 7 members, about 35 instances in two regions', async () => {
    // Act
    const estate = await loadEstate(DEFAULT_ESTATE_FILE);

    // Assess
    const instances = estateAccounts(estate).flatMap((account) =>
      Object.values(account.spec.regions).flatMap((region) => region.instances),
    );
    expect(estate.accounts.map((account) => account.key)).toEqual(
      expect.arrayContaining(['ops', 'log-archive', 'audit']),
    );
    expect(estate.accounts.some((account) => account.ou === undefined)).toBe(true);
    expect(estate.accounts.some((account) => account.status === 'SUSPENDED')).toBe(true);
    expect(instances.length).toBeGreaterThanOrEqual(30);
    expect(instances.length).toBeLessThanOrEqual(40);
    expect(instances.some((instance) => instance.state === 'stopped')).toBe(true);
    expect(new Set(instances.map((instance) => instance.activity))).toEqual(
      new Set(['busy', 'idle', 'spiky']),
    );
  });

  it.each([
    [
      'a stopped instance without stoppedDaysAgo',
      { state: 'stopped' },
      'stopped instances need stoppedDaysAgo',
    ],
    [
      'a stop before launch',
      { state: 'stopped', stoppedDaysAgo: 9 },
      'an instance cannot stop before launch',
    ],
    [
      'a running instance with stoppedDaysAgo',
      { stoppedDaysAgo: 1 },
      'running instances have no stoppedDaysAgo',
    ],
  ])('rejects %s', (_, fields, message) => {
    // Act
    const text = problems({
      ...base,
      accounts: [
        {
          ...base.accounts[0],
          regions: {
            'us-east-1': { instances: [{ key: 'i', type: 't3.micro', launchedDaysAgo: 5, ...fields }] },
          },
        },
      ],
    });

    // Assess
    expect(text).toContain(message);
  });

  it('rejects references to things the estate does not declare, listing every problem', () => {
    // Act
    const text = problems({
      organization: { ous: ['Security'] },
      accounts: [
        { key: 'a', name: 'A', email: 'same@example.com', ou: 'Workloads', cloudtrail: true },
        {
          key: 'a',
          name: 'B',
          email: 'same@example.com',
          regions: { 'us-east-1': { snapshots: [{ key: 's', volume: 'missing' }] } },
        },
      ],
    });

    // Assess
    expect(text).toContain('OU Workloads is not declared in organization.ous');
    expect(text).toContain('duplicate account key a');
    expect(text).toContain('duplicate account email same@example.com');
    expect(text).toContain('no volume missing in this account and region');
    expect(text).toContain('accounts with cloudtrail or config need a logArchiveBucket');
  });

  it('rejects reserved member keys and bad regions', () => {
    // Act
    const text = problems({
      accounts: [{ key: 'management', name: 'M', email: 'm@example.com', regions: { 'mars-1': {} } }],
    });

    // Assess
    expect(text).toContain('this key is reserved');
    expect(text).toContain('mars-1 is not an AWS region');
  });

  it('rejects a snapshot older than its volume', () => {
    // Act
    const text = problems({
      ...base,
      accounts: [
        {
          ...base.accounts[0],
          regions: {
            'us-east-1': {
              volumes: [{ key: 'v', sizeGiB: 10, createdDaysAgo: 5 }],
              snapshots: [{ key: 's', volume: 'v', createdDaysAgo: 6 }],
            },
          },
        },
      ],
    });

    // Assess
    expect(text).toContain('a snapshot cannot be older than its volume');
  });
});

describe('generateLargeEstate', () => {
  it('builds a valid estate of the requested size, the same for the same seed', () => {
    // Act
    const estate = generateLargeEstate({ accounts: 12, instancesPerAccount: 20 });
    const again = generateLargeEstate({ accounts: 12, instancesPerAccount: 20 });

    // Assess
    const instances = estate.accounts.flatMap((account) =>
      Object.values(account.regions).flatMap((region) => region.instances),
    );
    expect(estate.accounts).toHaveLength(12);
    expect(estate.accounts.slice(0, 3).map((account) => account.key)).toEqual([
      'ops',
      'log-archive',
      'audit',
    ]);
    expect(instances).toHaveLength(240);
    expect(estate.metrics.days).toBe(0);
    expect(estate.logArchiveBucket).toBeDefined();
    expect(again).toEqual(estate);
  });

  it('turns trails off when there is no log-archive account to hold their bucket', () => {
    // Act
    const estate = generateLargeEstate({ accounts: 1, instancesPerAccount: 2, regions: ['eu-west-1'] });

    // Assess
    expect(estate.accounts.map((account) => account.cloudtrail)).toEqual([false]);
    expect(Object.keys(estate.accounts[0]?.regions ?? {})).toEqual(['eu-west-1']);
  });
});
