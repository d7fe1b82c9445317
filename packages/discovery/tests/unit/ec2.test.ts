import { EC2Client } from '@aws-sdk/client-ec2';
import type { AwsClientClass, AwsScope, ClientSource } from '@inv/aws';
import { type CannedResponse, cannedHandler, ec2Error, staticCredentials } from '@inv/test-utils';
import { describe, expect, it } from 'vitest';
import { discoverEc2, stateSince } from '../../src/index.js';

const instanceXml = (id: string, state: string, extra = '') => `<item>
  <instanceId>${id}</instanceId><instanceType>t2.micro</instanceType><launchTime>2026-09-01T08:30:00.000Z</launchTime>
  <instanceState><code>16</code><name>${state}</name></instanceState><placement><availabilityZone>us-east-1a</availabilityZone></placement>
  <blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><volumeId>vol-0aa${id.slice(-1)}</volumeId><status>attached</status></ebs></item></blockDeviceMapping>
  <tagSet><item><key>Name</key><value>web-${id.slice(-1)}</value></item><item><key>Owner</key><value>a=b</value></item></tagSet>
  ${extra}</item>`;
const describeInstances = (...items: string[]) =>
  `<DescribeInstancesResponse><requestId>r</requestId><reservationSet><item><reservationId>r-1</reservationId><instancesSet>${items.join('')}</instancesSet></item></reservationSet></DescribeInstancesResponse>`;

/** A client source answering each account × region from its own canned responses. */
function cannedClients(answers: Record<string, CannedResponse[]>) {
  const requests: string[] = [];
  const clients: ClientSource = {
    client: <C>(_: AwsClientClass<C>, scope: AwsScope): C => {
      const canned = cannedHandler(answers[`${scope.accountId}/${scope.region}`] ?? []);
      const ec2 = new EC2Client({
        region: scope.region,
        credentials: staticCredentials,
        requestHandler: canned.handler,
        maxAttempts: 1,
      });
      ec2.middlewareStack.add(
        (next) => async (args) => {
          requests.push(
            `${scope.accountId}/${scope.region}: ${String((args.request as { body?: string }).body)}`,
          );
          return next(args);
        },
        { step: 'finalizeRequest' },
      );
      return ec2 as unknown as C;
    },
  };
  return { clients, requests };
}

describe('discoverEc2', () => {
  it('maps instances, keeps other accounts and regions when one account or region fails', async () => {
    // Prepare
    const { clients } = cannedClients({
      '111111111111/us-east-1': [
        {
          status: 200,
          body: describeInstances(
            instanceXml(
              'i-0000000000000000b',
              'stopped',
              '<reason>User initiated (2026-10-01 10:00:00 GMT)</reason>',
            ),
            instanceXml('i-0000000000000000a', 'running', '<platform>windows</platform><vpcId>vpc-1</vpcId>'),
          ),
        },
      ],
      '111111111111/ap-southeast-2': [{ status: 403, body: ec2Error('UnauthorizedOperation') }],
    });

    // Act
    const result = await discoverEc2({
      accounts: [
        { accountId: '111111111111', accountName: 'prod' },
        { accountId: '222222222222', accountName: 'locked' },
      ],
      regions: ['us-east-1', 'ap-southeast-2'],
      clients,
      enterAccount: async (accountId) => {
        if (accountId === '222222222222')
          throw Object.assign(new Error('no role'), { name: 'AssumeRoleError' });
      },
    });

    // Assess
    expect(
      result.instances.map((instance) => [instance.instance_id, instance.state, instance.state_since]),
    ).toEqual([
      ['i-0000000000000000a', 'running', '2026-09-01T08:30:00.000Z'],
      ['i-0000000000000000b', 'stopped', '2026-10-01T10:00:00.000Z'],
    ]);
    expect(result.instances[0]).toMatchObject({
      account_name: 'prod',
      platform: 'windows',
      vpc_id: 'vpc-1',
      name: 'web-a',
      attached_volume_ids: ['vol-0aaa'],
      tags: { Name: 'web-a', Owner: 'a=b' },
    });
    expect(result.failures).toEqual([
      {
        account_id: '222222222222',
        region: null,
        service: 'sts',
        error_name: 'AssumeRoleError',
        message: 'no role',
      },
      {
        account_id: '111111111111',
        region: 'ap-southeast-2',
        service: 'ec2',
        error_name: 'UnauthorizedOperation',
        message: 'UnauthorizedOperation for test',
      },
    ]);
  });

  it('asks EC2 to filter by state rather than filtering locally', async () => {
    const { clients, requests } = cannedClients({
      '111111111111/us-east-1': [{ status: 200, body: describeInstances() }],
    });

    await discoverEc2({
      accounts: [{ accountId: '111111111111', accountName: 'prod' }],
      regions: ['us-east-1'],
      clients,
      states: ['stopped', 'stopping'],
    });

    expect(requests).toHaveLength(1);
    expect(requests[0]).toContain(
      'Filter.1.Name=instance-state-name&Filter.1.Value.1=stopped&Filter.1.Value.2=stopping',
    );
  });
});

describe('stateSince', () => {
  it('is the launch time when running, the transition time when stopped, else null', () => {
    const launch = new Date('2026-09-01T08:30:00Z');
    expect(stateSince({ State: { Name: 'running' }, LaunchTime: launch })).toBe('2026-09-01T08:30:00.000Z');
    expect(
      stateSince({
        State: { Name: 'stopped' },
        LaunchTime: launch,
        StateTransitionReason: 'User initiated (2026-10-01 10:00:00 GMT)',
      }),
    ).toBe('2026-10-01T10:00:00.000Z');
    expect(
      stateSince({ State: { Name: 'stopped' }, LaunchTime: launch, StateTransitionReason: '' }),
    ).toBeNull();
  });
});
