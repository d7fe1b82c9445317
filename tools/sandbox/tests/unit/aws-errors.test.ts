import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdminClient, type SandboxAdmin } from '../../src/admin-client.js';
import { errorForFault, renderAwsError } from '../../src/aws-errors.js';
import { parseAwsRequest } from '../../src/aws-request.js';
import type { FaultKind } from '../../src/faults.js';
import { type SandboxProxy, startProxy } from '../../src/proxy.js';

// Faults answer before anything is forwarded, so no moto is needed: the upstream is never reached.
let proxy: SandboxProxy;
let admin: SandboxAdmin;

beforeAll(async () => {
  proxy = await startProxy({ upstream: 'http://127.0.0.1:9' });
  admin = createAdminClient(proxy.endpoint);
});

afterAll(async () => {
  await proxy.close();
});

beforeEach(async () => {
  await admin.clearFaults();
});

function config() {
  return {
    endpoint: proxy.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIASANDBOXMGMT00001', secretAccessKey: 'secret' },
    maxAttempts: 1,
  };
}

const calls: Record<string, () => Promise<unknown>> = {
  ec2: () => new EC2Client(config()).send(new DescribeInstancesCommand({})),
  sts: () =>
    new STSClient(config()).send(
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/R', RoleSessionName: 's' }),
    ),
  cloudformation: () => new CloudFormationClient(config()).send(new DescribeStacksCommand({})),
  organizations: () => new OrganizationsClient(config()).send(new ListAccountsCommand({})),
  monitoring: () => new CloudWatchClient(config()).send(new ListMetricsCommand({})),
  s3: () => new S3Client({ ...config(), forcePathStyle: true }).send(new ListBucketsCommand({})),
};

async function failure(
  service: string,
  kind: FaultKind,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  await admin.setFaults([{ service, kind }]);
  const call = calls[service];
  if (call === undefined) throw new Error(`no call for ${service}`);
  return call().then(
    () => {
      throw new Error(`${service} did not fail`);
    },
    (error: unknown) => error as Error,
  );
}

describe('injected faults, as the AWS SDK v3 reads them', () => {
  it.each([
    ['ec2', 'throttle', 'RequestLimitExceeded', 503],
    ['ec2', 'access-denied', 'UnauthorizedOperation', 403],
    ['ec2', 'server-error', 'InternalError', 500],
    ['sts', 'throttle', 'Throttling', 400],
    ['sts', 'access-denied', 'AccessDenied', 403],
    ['sts', 'server-error', 'InternalFailure', 500],
    ['cloudformation', 'throttle', 'Throttling', 400],
    ['organizations', 'throttle', 'TooManyRequestsException', 400],
    ['organizations', 'access-denied', 'AccessDeniedException', 403],
    ['monitoring', 'throttle', 'Throttling', 400],
    ['monitoring', 'access-denied', 'AccessDenied', 403],
    ['s3', 'throttle', 'SlowDown', 503],
    ['s3', 'access-denied', 'AccessDenied', 403],
  ] as const)('%s %s surfaces as %s (HTTP %i)', async (service, kind, name, status) => {
    // Act
    const error = await failure(service, kind);

    // Assess
    expect(error.name).toBe(name);
    expect(error.$metadata?.httpStatusCode).toBe(status);
    expect(error.message).toContain('sandbox fault rule');
  });

  it('drops the connection without an answer for drop', async () => {
    // Act
    const error = await failure('ec2', 'drop');

    // Assess
    expect(error.$metadata?.httpStatusCode).toBeUndefined();
    expect((await admin.requestCounts()).faults).toBeGreaterThan(0);
  });
});

describe('renderAwsError', () => {
  const request = (headers: Record<string, string>, body = '') =>
    parseAwsRequest({ method: 'POST', url: '/', headers, body: Buffer.from(body) }, () => '123456789012');
  const scope = (service: string) =>
    `AWS4-HMAC-SHA256 Credential=AKID/20261203/us-east-1/${service}/aws4_request, x`;

  it('writes EC2 errors as Response/Errors/Error with a RequestID', () => {
    // Prepare
    const call = request(
      { authorization: scope('ec2'), 'content-type': 'application/x-www-form-urlencoded' },
      'Action=DescribeVolumes',
    );

    // Act
    const answer = renderAwsError(call, errorForFault('throttle', call), 'req-1');

    // Assess
    expect(answer.status).toBe(503);
    expect(answer.body).toContain(
      '<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.',
    );
    expect(answer.body).toContain('<RequestID>req-1</RequestID></Response>');
  });

  it('writes query errors as ErrorResponse with Type, Code and Message', () => {
    // Prepare
    const call = request(
      { authorization: scope('iam'), 'content-type': 'application/x-www-form-urlencoded' },
      'Action=ListRoles',
    );

    // Act
    const answer = renderAwsError(call, errorForFault('access-denied', call), 'req-2');

    // Assess
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(
      /^<ErrorResponse><Error><Type>Sender<\/Type><Code>AccessDenied<\/Code><Message>User in account 123456789012 is not authorized to perform: iam:ListRoles/,
    );
    expect(answer.body).toContain('<RequestId>req-2</RequestId>');
  });

  it('writes JSON errors with __type and the x-amzn-errortype header, in the JSON version sent', () => {
    // Prepare
    const call = request({
      authorization: scope('ce'),
      'x-amz-target': 'AWSInsightsIndexService.GetCostAndUsage',
      'content-type': 'application/x-amz-json-1.1',
    });

    // Act
    const answer = renderAwsError(call, errorForFault('throttle', call));

    // Assess
    expect(answer.headers['x-amzn-errortype']).toBe('LimitExceededException');
    expect(answer.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(answer.body)).toMatchObject({ __type: 'LimitExceededException' });
  });

  it('escapes XML in messages', () => {
    // Prepare
    const call = request({ authorization: scope('s3') });

    // Act
    const answer = renderAwsError(call, { code: 'X', message: '<&>', status: 400, type: 'Sender' });

    // Assess
    expect(answer.body).toContain('<Message>&#60;&#38;&#62;</Message>');
  });
});
