import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { cannedHandler, describeRegionsOk, ec2Error, staticCredentials } from '@inv/test-utils';
import { describe, expect, it } from 'vitest';
import { enabledRegions, isThrottlingError, RequestMeter } from '../../src/index.js';

describe('RequestMeter', () => {
  it('counts calls, attempts, retries and throttles across a retried call', async () => {
    // Prepare
    const { handler } = cannedHandler([
      { status: 503, body: ec2Error('RequestLimitExceeded') },
      { status: 200, body: describeRegionsOk([['us-east-1', 'opt-in-not-required']]) },
    ]);
    const ec2 = new EC2Client({
      region: 'us-east-1',
      credentials: staticCredentials,
      requestHandler: handler,
      maxAttempts: 3,
    });
    const meter = new RequestMeter();
    meter.attach(ec2);

    // Act
    await ec2.send(new DescribeRegionsCommand({}));
    const snapshot = meter.snapshot();

    // Assess
    expect(snapshot).toMatchObject({ calls: 1, attempts: 2, retries: 1, throttles: 1, failures: 0 });
    expect(snapshot.operations).toEqual([
      {
        service: 'ec2',
        operation: 'DescribeRegions',
        calls: 1,
        attempts: 2,
        retries: 1,
        throttles: 1,
        failures: 0,
      },
    ]);
  });

  it('counts a call that fails for good once, with its attempts', async () => {
    const { handler } = cannedHandler([{ status: 403, body: ec2Error('UnauthorizedOperation') }]);
    const ec2 = new EC2Client({
      region: 'us-east-1',
      credentials: staticCredentials,
      requestHandler: handler,
    });
    const meter = new RequestMeter();
    meter.attach(ec2);

    await expect(ec2.send(new DescribeRegionsCommand({}))).rejects.toMatchObject({
      name: 'UnauthorizedOperation',
    });

    expect(meter.snapshot()).toMatchObject({ calls: 1, attempts: 1, retries: 0, throttles: 0, failures: 1 });
  });
});

describe('isThrottlingError', () => {
  it('knows throttling codes and HTTP 429, and nothing else', () => {
    expect(isThrottlingError(Object.assign(new Error('x'), { name: 'ThrottlingException' }))).toBe(true);
    expect(
      isThrottlingError(Object.assign(new Error('x'), { name: 'Other', $metadata: { httpStatusCode: 429 } })),
    ).toBe(true);
    expect(isThrottlingError(Object.assign(new Error('x'), { name: 'AccessDenied' }))).toBe(false);
    expect(isThrottlingError('Throttling')).toBe(false);
  });
});

describe('enabledRegions', () => {
  it('keeps regions that need no opt-in or are opted in, sorted', async () => {
    const { handler } = cannedHandler([
      {
        status: 200,
        body: describeRegionsOk([
          ['us-east-1', 'opt-in-not-required'],
          ['ap-east-1', 'not-opted-in'],
          ['af-south-1', 'opted-in'],
        ]),
      },
    ]);
    const ec2 = new EC2Client({
      region: 'us-east-1',
      credentials: staticCredentials,
      requestHandler: handler,
    });

    expect(await enabledRegions(ec2)).toEqual(['af-south-1', 'us-east-1']);
  });
});
