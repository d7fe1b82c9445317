import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient, DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { ConfigServiceClient, DescribeConfigurationRecordersCommand } from '@aws-sdk/client-config-service';
import {
  GetBucketLifecycleConfigurationCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Estate, estateAccounts, loadEstate } from '../../src/estate.js';
import { DEFAULT_ESTATE_FILE, profileOf, useSandbox } from './helpers.js';

const sandbox = useSandbox();
let estate: Estate;

beforeAll(async () => {
  estate = await loadEstate(DEFAULT_ESTATE_FILE);
});

describe('seeded S3, CloudFormation, CloudTrail and Config', () => {
  it('creates each bucket in its account, with a lifecycle configuration only where the estate has rules', async () => {
    for (const seeded of Object.values(sandbox.seeded.buckets)) {
      // Prepare
      const spec = estateAccounts(estate)
        .find((account) => account.key === seeded.account)
        ?.spec.regions[seeded.region]?.buckets.find((bucket) => bucket.key === seeded.key);
      const s3 = new S3Client({
        profile: profileOf(seeded.account),
        region: seeded.region,
        forcePathStyle: true,
      });

      // Act
      const names = (await s3.send(new ListBucketsCommand({}))).Buckets?.map((bucket) => bucket.Name);
      const lifecycle = await s3
        .send(new GetBucketLifecycleConfigurationCommand({ Bucket: seeded.name }))
        .catch((error: Error) => error);
      const objects = await s3.send(new ListObjectsV2Command({ Bucket: seeded.name }));

      // Assess
      expect(names, seeded.key).toContain(seeded.name);
      if (spec?.lifecycle.length) {
        expect(lifecycle, seeded.key).toMatchObject({
          Rules: spec.lifecycle.map((rule) => ({ ID: rule.id })),
        });
      } else {
        expect((lifecycle as Error).name, seeded.key).toBe('NoSuchLifecycleConfiguration');
      }
      const expectedObjects = spec?.objects.reduce((total, group) => total + group.count, 0) ?? 0;
      expect(objects.KeyCount ?? 0, seeded.key).toBe(expectedObjects);
    }
  });

  it('creates the stacks, complete', async () => {
    for (const seeded of Object.values(sandbox.seeded.stacks)) {
      // Act
      const cloudformation = new CloudFormationClient({
        profile: profileOf(seeded.account),
        region: seeded.region,
      });
      const out = await cloudformation.send(new DescribeStacksCommand({ StackName: seeded.name }));

      // Assess
      expect(out.Stacks?.[0], seeded.key).toMatchObject({
        StackId: seeded.id,
        StackStatus: 'CREATE_COMPLETE',
      });
    }
  });

  it('has a trail and a Config recorder exactly where the estate asks for them', async () => {
    for (const account of estateAccounts(estate)) {
      // Prepare
      const region = Object.keys(account.spec.regions)[0] ?? 'us-east-1';

      // Act
      const trails = await new CloudTrailClient({ profile: profileOf(account.key), region }).send(
        new DescribeTrailsCommand({}),
      );
      const recorders = await new ConfigServiceClient({ profile: profileOf(account.key), region }).send(
        new DescribeConfigurationRecordersCommand({}),
      );

      // Assess
      expect(trails.trailList?.length ?? 0, account.key).toBe(account.spec.cloudtrail ? 1 : 0);
      expect(trails.trailList?.[0]?.S3BucketName).toBe(
        account.spec.cloudtrail ? estate.logArchiveBucket : undefined,
      );
      expect(recorders.ConfigurationRecorders?.length ?? 0, account.key).toBe(account.spec.config ? 1 : 0);
    }
  });

  it('writes CloudWatch metrics shaped by activity', async () => {
    // Prepare
    const busy = sandbox.seeded.instances['prod-web-1'];
    const idle = sandbox.seeded.instances['prod-reporting'];
    const cloudwatch = new CloudWatchClient({ profile: profileOf('prod-app'), region: 'us-east-1' });
    const query = (id: string, instanceId: string | undefined) => ({
      Id: id,
      MetricStat: {
        Metric: {
          Namespace: 'AWS/EC2',
          MetricName: 'CPUUtilization',
          Dimensions: [{ Name: 'InstanceId', Value: instanceId }],
        },
        Period: 86_400,
        Stat: 'Average',
      },
    });

    // Act
    const out = await cloudwatch.send(
      new GetMetricDataCommand({
        StartTime: new Date(Date.now() - estate.metrics.days * 86_400_000),
        EndTime: new Date(),
        MetricDataQueries: [query('busy', busy?.id), query('idle', idle?.id)],
      }),
    );

    // Assess
    const values = (id: string) => out.MetricDataResults?.find((result) => result.Id === id)?.Values ?? [];
    expect(values('busy').length).toBeGreaterThanOrEqual(estate.metrics.days - 1);
    expect(values('busy').every((value) => value >= 40 && value <= 80)).toBe(true);
    expect(values('idle').every((value) => value < 1)).toBe(true);
  });
});
