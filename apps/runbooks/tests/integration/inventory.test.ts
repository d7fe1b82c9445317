import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdminClient } from '@inv/sandbox';
import type {} from '@inv/sandbox/vitest-global-setup';
import { Ec2InstanceSchema, OrgAccountSchema, readCsv } from '@inv/schema';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from './run-cli.js';

const sandbox = inject('sandbox');
const { seeded } = sandbox;
const admin = createAdminClient(sandbox.endpoint);
const accountKey = (id: string) => Object.values(seeded.accounts).find((account) => account.id === id)?.key;
const activeInstances = Object.values(seeded.instances).filter(
  (instance) => seeded.accounts[instance.account]?.status === 'ACTIVE',
);
const countBy = (keys: string[]) =>
  keys.reduce<Record<string, number>>((counts, key) => {
    counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  }, {});

let outputDir: string;
beforeAll(async () => {
  outputDir = await mkdtemp(join(tmpdir(), 'runbooks-it-'));
});
afterEach(async () => {
  await admin.clearFaults();
});
afterAll(async () => {
  await rm(outputDir, { recursive: true, force: true });
});

describe('runbooks inventory list-org-accounts', () => {
  it('writes every account of the organization with its OU path, status and tags', async () => {
    // Act
    const result = await runCli(
      [
        'inventory',
        'list-org-accounts',
        '--profile',
        'sandbox-mgmt',
        '--export',
        'csv',
        '--output-dir',
        outputDir,
      ],
      sandbox.env,
    );

    // Assess
    expect(result.stderr).toContain('AWS requests:');
    expect(result.code).toBe(0);
    const accounts = await readCsv(join(outputDir, 'org-accounts.csv'), OrgAccountSchema);
    expect(accounts).toHaveLength(8);
    expect(accounts).toHaveLength(Object.keys(seeded.accounts).length);
    for (const account of accounts) {
      const expected = Object.values(seeded.accounts).find(
        (candidate) => candidate.id === account.account_id,
      );
      expect(expected, account.account_name).toBeDefined();
      expect(account).toMatchObject({
        account_name: expected?.name,
        email: expected?.email,
        status: expected?.status,
        ou_path: expected?.ouPath ? `Root/${expected.ouPath}` : 'Root',
        is_management: expected?.management,
        tags: expected?.tags,
      });
    }
    expect(
      accounts.filter((account) => account.status === 'SUSPENDED').map((account) => account.account_name),
    ).toEqual(['Retired Project']);
    expect(result.stdout).toContain('Workloads/Prod');
  });

  it('writes a Markdown document without account IDs or e-mail addresses', async () => {
    const result = await runCli(
      [
        'inventory',
        'list-org-accounts',
        '--profile',
        'sandbox-mgmt',
        '--export',
        'markdown',
        '--output-dir',
        outputDir,
      ],
      sandbox.env,
    );

    expect(result.code).toBe(0);
    const markdown = await readFile(join(outputDir, 'org-accounts.md'), 'utf8');
    expect(markdown).toContain('| Production Apps | Root/Workloads/Prod | ACTIVE |');
    expect(markdown).not.toMatch(/\d{12}/);
    expect(markdown).not.toContain('@');
    expect(markdown).not.toContain(seeded.organizationId);
  });
});

describe('runbooks inventory discover-ec2', () => {
  const baseArgs = () => [
    'inventory',
    'discover-ec2',
    '--ops-profile',
    'sandbox-ops',
    '--mgmt-profile',
    'sandbox-mgmt',
    '--regions',
    'us-east-1',
    'ap-southeast-2',
    '--output-dir',
    outputDir,
  ];

  it('finds every instance of every active account and region, as seeded', async () => {
    // Act
    const result = await runCli([...baseArgs(), '--export', 'csv', '--export', 'json'], sandbox.env);

    // Assess
    expect(result.stderr).toContain('AWS requests:');
    expect(result.code).toBe(0);
    const instances = await readCsv(join(outputDir, 'ec2-inventory.csv'), Ec2InstanceSchema);
    expect(instances).toHaveLength(35);
    expect(
      countBy(
        instances.map(
          (instance) => `${accountKey(instance.account_id)}/${instance.region}/${instance.state}`,
        ),
      ),
    ).toEqual(
      countBy(activeInstances.map((instance) => `${instance.account}/${instance.region}/${instance.state}`)),
    );
    expect(countBy(instances.map((instance) => instance.state))).toEqual({ running: 27, stopped: 8 });
    const byId = new Map(instances.map((instance) => [instance.instance_id, instance]));
    for (const expected of activeInstances) {
      const found = byId.get(expected.id);
      expect(found, expected.key).toMatchObject({
        instance_type: expected.type,
        platform: expected.platform,
        attached_volume_ids: expected.volumeIds,
      });
    }
    const json = JSON.parse(await readFile(join(outputDir, 'ec2-inventory.json'), 'utf8')) as unknown[];
    expect(json).toEqual(instances);
  });

  it('lists stopped instances with the day they stopped, in their own file', async () => {
    // Act
    const result = await runCli([...baseArgs(), '--state', 'stopped'], sandbox.env);

    // Assess
    expect(result.code).toBe(0);
    const stopped = await readCsv(join(outputDir, 'ec2-inventory-stopped.csv'), Ec2InstanceSchema);
    const expected = activeInstances.filter((instance) => instance.state === 'stopped');
    expect(stopped.map((instance) => instance.instance_id).sort()).toEqual(
      expected.map((instance) => instance.id).sort(),
    );
    const seededAt = Date.parse(seeded.seededAt);
    for (const instance of expected) {
      const found = stopped.find((candidate) => candidate.instance_id === instance.id);
      const daysAgo = (seededAt - Date.parse(found?.state_since ?? '')) / 86_400_000;
      expect(Math.abs(daysAgo - (instance.stoppedDaysAgo ?? Number.NaN)), instance.key).toBeLessThan(1);
      const launchedDaysAgo = (seededAt - Date.parse(found?.launch_time ?? '')) / 86_400_000;
      expect(Math.abs(launchedDaysAgo - instance.launchedDaysAgo), instance.key).toBeLessThan(1);
    }
  });

  it('reports an account whose role cannot be assumed and a failing region, keeps the rest, exits 2', async () => {
    // Prepare
    const locked = seeded.accounts['dev-app'];
    const flaky = seeded.accounts['prod-app'];
    if (!locked || !flaky) throw new Error('default estate lacks dev-app or prod-app');
    await admin.setFaults([
      { service: 'sts', operation: 'AssumeRole', bodyIncludes: locked.id, kind: 'access-denied' },
      { service: 'ec2', region: 'ap-southeast-2', account: flaky.id, kind: 'server-error' },
    ]);

    // Act
    const result = await runCli(
      [...baseArgs(), '--max-attempts', '1', '--output-file', 'partial'],
      sandbox.env,
    );

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${locked.id}: sts: AssumeRoleError: could not assume OrganizationAccountAccessRole or AWSControlTowerExecution`,
    );
    expect(result.stderr).toContain(`${flaky.id}/ap-southeast-2: ec2:`);
    const instances = await readCsv(join(outputDir, 'partial.csv'), Ec2InstanceSchema);
    const lost = activeInstances.filter(
      (instance) =>
        instance.account === 'dev-app' ||
        (instance.account === 'prod-app' && instance.region === 'ap-southeast-2'),
    );
    expect(lost).toHaveLength(13);
    expect(instances).toHaveLength(activeInstances.length - lost.length);
    expect(instances.some((instance) => instance.account_id === locked.id)).toBe(false);
    expect(
      instances.filter((instance) => instance.account_id === flaky.id).map((instance) => instance.region),
    ).not.toContain('ap-southeast-2');
    expect((await readdir(outputDir)).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('falls back to AWSControlTowerExecution when only OrganizationAccountAccessRole is denied', async () => {
    const account = seeded.accounts.audit;
    if (!account) throw new Error('default estate lacks audit');
    await admin.setFaults([
      {
        service: 'sts',
        operation: 'AssumeRole',
        bodyIncludes: `${account.id}%3Arole%2FOrganizationAccountAccessRole`,
        kind: 'access-denied',
      },
    ]);

    const result = await runCli([...baseArgs(), '--output-file', 'fallback'], sandbox.env);

    expect(result.code).toBe(0);
    const instances = await readCsv(join(outputDir, 'fallback.csv'), Ec2InstanceSchema);
    expect(instances.filter((instance) => instance.account_id === account.id)).toHaveLength(3);
  });
});
