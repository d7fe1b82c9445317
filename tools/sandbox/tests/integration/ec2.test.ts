import {
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
  type Instance,
  paginateDescribeInstances,
} from '@aws-sdk/client-ec2';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Estate, estateAccounts, loadEstate } from '../../src/estate.js';
import { DEFAULT_ESTATE_FILE, daysAgo, profileOf, useSandbox } from './helpers.js';

const sandbox = useSandbox();
let estate: Estate;
/** Instances as DescribeInstances returns them, by account key and region. */
const described = new Map<string, Instance[]>();

beforeAll(async () => {
  estate = await loadEstate(DEFAULT_ESTATE_FILE);
  for (const account of estateAccounts(estate)) {
    for (const region of Object.keys(account.spec.regions)) {
      const ec2 = new EC2Client({ profile: profileOf(account.key), region });
      const instances: Instance[] = [];
      for await (const page of paginateDescribeInstances({ client: ec2 }, {})) {
        instances.push(...(page.Reservations ?? []).flatMap((reservation) => reservation.Instances ?? []));
      }
      described.set(`${account.key} ${region}`, instances);
    }
  }
});

function instanceById(id: string | undefined): Instance | undefined {
  return [...described.values()].flat().find((instance) => instance.InstanceId === id);
}

describe('seeded EC2 estate', () => {
  it('has the estate’s instances in each account and region, by state', () => {
    for (const account of estateAccounts(estate)) {
      for (const [region, resources] of Object.entries(account.spec.regions)) {
        // Prepare
        const count = (state: string) =>
          resources.instances.filter((instance) => instance.state === state).length;

        // Act
        const instances = described.get(`${account.key} ${region}`) ?? [];
        const actual = (state: string) =>
          instances.filter((instance) => instance.State?.Name === state).length;

        // Assess
        const where = `${account.key} ${region}`;
        expect(instances, where).toHaveLength(resources.instances.length);
        expect(actual('running'), where).toBe(count('running'));
        expect(actual('stopped'), where).toBe(count('stopped'));
      }
    }
  });

  it('back-dates launches and stops: LaunchTime and StateTransitionReason are days ago', () => {
    // Prepare
    const stopped = Object.values(sandbox.seeded.instances).filter(
      (instance) => instance.state === 'stopped',
    );
    expect(stopped.length).toBeGreaterThan(0);

    for (const seeded of stopped) {
      // Act
      const instance = instanceById(seeded.id);
      const reason = /User initiated \((\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) (UTC|GMT)\)/.exec(
        instance?.StateTransitionReason ?? '',
      );
      const stoppedAt = new Date(`${reason?.[1]?.replace(' ', 'T')}Z`);

      // Assess
      expect(reason, seeded.key).not.toBeNull();
      expect(daysAgo(stoppedAt)).toBeCloseTo(seeded.stoppedDaysAgo ?? Number.NaN, 0);
      expect(daysAgo(instance?.LaunchTime ?? new Date())).toBeCloseTo(seeded.launchedDaysAgo, 0);
    }
  });

  it('gives instances their type, Name tag, tags and platform', () => {
    for (const account of estateAccounts(estate)) {
      for (const spec of Object.values(account.spec.regions).flatMap((resources) => resources.instances)) {
        // Act
        const instance = instanceById(sandbox.seeded.instances[spec.key]?.id);
        const tags = Object.fromEntries((instance?.Tags ?? []).map((tag) => [tag.Key, tag.Value]));

        // Assess
        expect(instance?.InstanceType, spec.key).toBe(spec.type);
        expect(tags, spec.key).toEqual(
          spec.name === undefined ? spec.tags : { Name: spec.name, ...spec.tags },
        );
        expect(instance?.Platform, spec.key).toBe(spec.platform === 'windows' ? 'windows' : undefined);
        expect(instance?.BlockDeviceMappings, spec.key).toHaveLength(1 + spec.volumes.length);
      }
    }
  });

  it('lists only the account’s own snapshots for OwnerIds self, orphans included', async () => {
    // Prepare
    const prod = sandbox.seeded.accounts['prod-app'];
    const expected = Object.values(sandbox.seeded.snapshots).filter(
      (snapshot) => snapshot.account === 'prod-app' && snapshot.region === 'us-east-1',
    );
    const ec2 = new EC2Client({ profile: profileOf('prod-app'), region: 'us-east-1' });

    // Act
    const own = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    const volumes = await ec2.send(new DescribeVolumesCommand({}));

    // Assess
    expect(own.Snapshots?.map((snapshot) => snapshot.SnapshotId).sort()).toEqual(
      expected.map((snapshot) => snapshot.id).sort(),
    );
    expect(own.Snapshots?.every((snapshot) => snapshot.OwnerId === prod?.id)).toBe(true);
    const volumeIds = new Set(volumes.Volumes?.map((volume) => volume.VolumeId));
    for (const snapshot of expected)
      expect(volumeIds.has(snapshot.volumeId), snapshot.key).toBe(!snapshot.orphaned);
  });

  it('leaves detached volumes available and back-dated', async () => {
    // Prepare
    const detached = Object.values(sandbox.seeded.volumes).filter(
      (volume) => volume.attachedTo === undefined,
    );
    expect(detached.length).toBeGreaterThan(0);

    for (const seeded of detached) {
      // Act
      const ec2 = new EC2Client({ profile: profileOf(seeded.account), region: seeded.region });
      const out = await ec2.send(new DescribeVolumesCommand({ VolumeIds: [seeded.id] }));
      const spec = estateAccounts(estate)
        .find((account) => account.key === seeded.account)
        ?.spec.regions[seeded.region]?.volumes.find((volume) => volume.key === seeded.key);

      // Assess
      expect(out.Volumes?.[0]?.State, seeded.key).toBe('available');
      expect(daysAgo(out.Volumes?.[0]?.CreateTime ?? new Date())).toBeCloseTo(
        spec?.createdDaysAgo ?? Number.NaN,
        0,
      );
    }
  });
});
