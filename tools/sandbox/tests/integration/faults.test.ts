import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { countRequests, createAdminClient } from '../../src/admin-client.js';
import { ACCESS_ROLE_NAME } from '../../src/constants.js';
import { MANAGEMENT_PROFILE } from '../../src/profiles.js';
import { profileOf, useSandbox } from './helpers.js';

const sandbox = useSandbox();
const admin = createAdminClient(sandbox.endpoint);
const opsId = sandbox.seeded.accounts.ops?.id ?? '';
const prodId = sandbox.seeded.accounts['prod-app']?.id ?? '';

afterEach(async () => {
  await admin.clearFaults();
  await admin.setLatency({});
});

function assumeRole(accountId: string) {
  return new STSClient({ profile: MANAGEMENT_PROFILE, maxAttempts: 1 }).send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/${ACCESS_ROLE_NAME}`,
      RoleSessionName: 'test',
    }),
  );
}

describe('fault rules against the seeded estate', () => {
  it('throttles EC2 with RequestLimitExceeded', async () => {
    // Prepare
    await admin.setFaults([{ service: 'ec2', operation: 'DescribeInstances', kind: 'throttle' }]);
    const ec2 = new EC2Client({ profile: profileOf('ops'), maxAttempts: 1 });

    // Act
    const error = await ec2
      .send(new DescribeInstancesCommand({}))
      .catch((caught: unknown) => caught as Error);

    // Assess
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('RequestLimitExceeded');
  });

  it('denies AssumeRole into one account only, as AccessDenied', async () => {
    // Prepare
    await admin.setFaults([
      { service: 'sts', operation: 'AssumeRole', bodyIncludes: prodId, kind: 'access-denied' },
    ]);

    // Act
    const denied = await assumeRole(prodId).catch((caught: unknown) => caught as Error);
    const allowed = await assumeRole(opsId);

    // Assess
    expect((denied as Error).name).toBe('AccessDenied');
    expect(allowed.Credentials?.AccessKeyId).toBeDefined();
  });

  it('lets the SDK retry through a rule that expires', async () => {
    // Prepare
    await admin.setFaults([{ service: 'ec2', account: opsId, kind: 'throttle', times: 2 }]);
    await admin.resetRequestCounts();
    const ec2 = new EC2Client({ profile: profileOf('ops'), maxAttempts: 3, region: 'ap-southeast-2' });

    // Act
    const out = await ec2.send(new DescribeInstancesCommand({}));
    const counts = await admin.requestCounts();

    // Assess
    expect(out.Reservations?.length).toBeGreaterThan(0);
    expect(countRequests(counts, { service: 'ec2', account: opsId, region: 'ap-southeast-2' })).toBe(3);
    expect(counts.faults).toBe(2);
    expect(await admin.faults()).toEqual([]);
  });

  it('counts calls by service, operation, region and calling account', async () => {
    // Prepare
    const ec2 = new EC2Client({ profile: profileOf('prod-app'), region: 'us-east-1' });
    await ec2.send(new DescribeInstancesCommand({}));
    const before = countRequests(await admin.requestCounts(), {
      operation: 'DescribeInstances',
      account: prodId,
    });

    // Act
    await ec2.send(new DescribeInstancesCommand({}));
    await ec2.send(new DescribeInstancesCommand({}));

    // Assess
    const after = countRequests(await admin.requestCounts(), {
      operation: 'DescribeInstances',
      account: prodId,
    });
    expect(after).toBe(before + 2);
  });

  it('adds latency to every call', async () => {
    // Prepare
    const ec2 = new EC2Client({ profile: profileOf('ops') });
    await ec2.send(new DescribeInstancesCommand({}));
    await admin.setLatency({ fixedMs: 300, jitterMs: 50 });

    // Act
    const started = Date.now();
    await ec2.send(new DescribeInstancesCommand({}));

    // Assess
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
