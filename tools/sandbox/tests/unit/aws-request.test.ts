import { describe, expect, it } from 'vitest';
import { parseAwsRequest, type RawRequest } from '../../src/aws-request.js';

const MANAGEMENT = '123456789012';

function signed(service: string, region = 'us-east-1', accessKeyId = 'AKIASANDBOXMGMT00001'): string {
  return (
    `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261203/${region}/${service}/aws4_request, ` +
    'SignedHeaders=host;x-amz-date, Signature=abc'
  );
}

function raw(overrides: Partial<RawRequest> & { headers: RawRequest['headers'] }): RawRequest {
  return { method: 'POST', url: '/', body: Buffer.alloc(0), ...overrides };
}

const accountOf = (accessKeyId: string | undefined) =>
  accessKeyId === 'ASIAMEMBER' ? '111122223333' : MANAGEMENT;

describe('parseAwsRequest', () => {
  it('reads an EC2 query call: service and region from the credential scope, operation from Action', () => {
    // Act
    const request = parseAwsRequest(
      raw({
        headers: {
          authorization: signed('ec2', 'ap-southeast-2', 'ASIAMEMBER'),
          'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        },
        body: Buffer.from('Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=instance-state-name'),
      }),
      accountOf,
    );

    // Assess
    expect(request).toMatchObject({
      service: 'ec2',
      region: 'ap-southeast-2',
      operation: 'DescribeInstances',
      protocol: 'ec2',
      accessKeyId: 'ASIAMEMBER',
      account: '111122223333',
      queryCompatible: false,
    });
    expect(request.params.get('Filter.1.Name')).toBe('instance-state-name');
  });

  it('reads other query services, such as STS, as the query protocol', () => {
    // Act
    const request = parseAwsRequest(
      raw({
        headers: { authorization: signed('sts'), 'content-type': 'application/x-www-form-urlencoded' },
        body: Buffer.from('Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FX'),
      }),
      accountOf,
    );

    // Assess
    expect(request).toMatchObject({
      service: 'sts',
      operation: 'AssumeRole',
      protocol: 'query',
      account: MANAGEMENT,
    });
    expect(request.params.get('RoleArn')).toBe('arn:aws:iam::111122223333:role/X');
  });

  it('takes the operation of a JSON call from X-Amz-Target', () => {
    // Act
    const request = parseAwsRequest(
      raw({
        headers: {
          authorization: signed('organizations'),
          'x-amz-target': 'AWSOrganizationsV20161128.ListAccounts',
          'content-type': 'application/x-amz-json-1.1',
        },
        body: Buffer.from('{}'),
      }),
      accountOf,
    );

    // Assess
    expect(request).toMatchObject({ service: 'organizations', operation: 'ListAccounts', protocol: 'json' });
    expect(request.params.size).toBe(0);
  });

  it('flags query-compatible JSON calls (CloudWatch)', () => {
    // Act
    const request = parseAwsRequest(
      raw({
        headers: {
          authorization: signed('monitoring'),
          'x-amz-target': 'GraniteServiceVersion20100801.GetMetricData',
          'x-amzn-query-mode': 'true',
        },
      }),
      accountOf,
    );

    // Assess
    expect(request).toMatchObject({
      service: 'monitoring',
      operation: 'GetMetricData',
      queryCompatible: true,
    });
  });

  it.each([
    ['GET', '/', {}, 'ListBuckets'],
    ['PUT', '/bucket', {}, 'CreateBucket'],
    ['HEAD', '/bucket', {}, 'HeadBucket'],
    ['GET', '/bucket?list-type=2&prefix=a', {}, 'ListObjectsV2'],
    ['GET', '/bucket', {}, 'ListObjects'],
    ['GET', '/bucket?lifecycle', {}, 'GetBucketLifecycleConfiguration'],
    ['PUT', '/bucket?lifecycle', {}, 'PutBucketLifecycleConfiguration'],
    ['DELETE', '/bucket?lifecycle', {}, 'DeleteBucketLifecycle'],
    ['GET', '/bucket?location', {}, 'GetBucketLocation'],
    ['GET', '/bucket?tagging', {}, 'GetBucketTagging'],
    ['GET', '/bucket?intelligent-tiering', {}, 'ListBucketIntelligentTieringConfigurations'],
    ['GET', '/bucket?metrics&id=all', {}, 'GetBucketMetricsConfiguration'],
    ['POST', '/bucket?delete', {}, 'DeleteObjects'],
    ['GET', '/bucket/a/b.txt', {}, 'GetObject'],
    ['PUT', '/bucket/a/b.txt', {}, 'PutObject'],
    ['PUT', '/bucket/a/b.txt', { 'x-amz-copy-source': '/other/key' }, 'CopyObject'],
    ['HEAD', '/bucket/key', {}, 'HeadObject'],
    ['GET', '/bucket/key?tagging', {}, 'GetObjectTagging'],
    ['POST', '/bucket/key?uploads', {}, 'CreateMultipartUpload'],
    ['PUT', '/bucket/key?partNumber=1&uploadId=u', {}, 'UploadPart'],
  ])('names the S3 call %s %s', (method, url, headers, operation) => {
    // Act
    const request = parseAwsRequest(
      raw({ method, url, headers: { authorization: signed('s3'), ...headers } }),
      accountOf,
    );

    // Assess
    expect(request).toMatchObject({ service: 's3', protocol: 'rest-xml', operation });
  });

  it('names REST-JSON calls that post to /OperationName, such as Resource Explorer', () => {
    // Act
    const request = parseAwsRequest(
      raw({ url: '/Search', headers: { authorization: signed('resource-explorer-2') } }),
      accountOf,
    );

    // Assess
    expect(request).toMatchObject({
      service: 'resource-explorer-2',
      operation: 'Search',
      protocol: 'rest-json',
    });
  });

  it('reads the credential scope of a presigned URL', () => {
    // Act
    const request = parseAwsRequest(
      raw({
        method: 'GET',
        url: '/bucket/key?X-Amz-Credential=ASIAMEMBER%2F20261203%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Signature=x',
        headers: {},
      }),
      accountOf,
    );

    // Assess
    expect(request).toMatchObject({
      service: 's3',
      region: 'eu-west-1',
      operation: 'GetObject',
      account: '111122223333',
    });
  });

  it('leaves unsigned calls to the management account with an unknown service', () => {
    // Act
    const request = parseAwsRequest(
      raw({ url: '/?Action=AssumeRoleWithWebIdentity', headers: {} }),
      accountOf,
    );

    // Assess
    expect(request).toMatchObject({
      service: 'unknown',
      region: 'unknown',
      operation: 'AssumeRoleWithWebIdentity',
      protocol: 'query',
      accessKeyId: undefined,
      account: MANAGEMENT,
    });
  });
});
