import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countRequests, createAdminClient, type SandboxAdmin } from '../../src/admin-client.js';
import { type SandboxProxy, startProxy } from '../../src/proxy.js';
import { jsonResponse } from '../../src/synthetic.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Stands in for moto: records what reaches it and answers AssumeRole with fixed keys. */
let upstream: Server;
let seen: Seen[] = [];
let proxy: SandboxProxy;
let admin: SandboxAdmin;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const answer = body.includes('Action=AssumeRole')
        ? '<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAMEMBERKEY</AccessKeyId></Credentials></AssumeRoleResult></AssumeRoleResponse>'
        : '<ok/>';
      res.writeHead(200, { 'content-type': 'text/xml' }).end(answer);
    });
  });
  upstream.listen(0, '127.0.0.1');
  await once(upstream, 'listening');
  const address = upstream.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  proxy = await startProxy({
    upstream: `http://127.0.0.1:${port}`,
    synthetic: [
      {
        service: 'ssm',
        operation: 'DescribeInstanceInformation',
        handle: (request, context) =>
          jsonResponse(request, {
            InstanceInformationList: [],
            estate: context.estate?.name,
            account: request.account,
          }),
      },
      // Declining hands the request on to moto.
      { service: 'ssm', operation: 'GetParameter', handle: () => undefined },
    ],
  });
  admin = createAdminClient(proxy.endpoint);
});

afterAll(async () => {
  await proxy.close();
  upstream.close();
});

beforeEach(async () => {
  seen = [];
  await admin.resetRequestCounts();
  await admin.clearFaults();
  await admin.setLatency({});
});

function call(
  service: string,
  body: string,
  headers: Record<string, string> = {},
  accessKeyId = 'AKIASANDBOXMGMT00001',
) {
  return fetch(proxy.endpoint, {
    method: 'POST',
    headers: {
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261203/us-east-1/${service}/aws4_request, x`,
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    body,
  });
}

describe('sandbox proxy', () => {
  it('forwards method, path, headers and body untouched', async () => {
    // Act
    const response = await call('ec2', 'Action=DescribeInstances&Version=2016-11-15', { 'x-custom': 'kept' });

    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<ok/>');
    expect(seen).toMatchObject([
      {
        method: 'POST',
        url: '/',
        body: 'Action=DescribeInstances&Version=2016-11-15',
        headers: { 'x-custom': 'kept' },
      },
    ]);
  });

  it('learns the account of assumed-role keys from AssumeRole and counts calls by it', async () => {
    // Act
    await call(
      'sts',
      'Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FR&RoleSessionName=s',
    );
    await call('ec2', 'Action=DescribeVolumes', {}, 'ASIAMEMBERKEY');
    await call('ec2', 'Action=DescribeVolumes', {}, 'AKIAUNKNOWN');
    const counts = await admin.requestCounts();

    // Assess
    expect(counts.total).toBe(3);
    expect(countRequests(counts, { service: 'ec2', account: '111122223333' })).toBe(1);
    expect(countRequests(counts, { service: 'ec2', account: '123456789012' })).toBe(1);
    expect(countRequests(counts, { operation: 'AssumeRole', account: '123456789012' })).toBe(1);
  });

  it('turns DescribeSnapshots OwnerIds, which moto ignores, into an owner-id filter', async () => {
    // Act
    await call(
      'ec2',
      'Action=DescribeSnapshots&Filter.1.Name=status&Filter.1.Value.1=completed&Owner.1=self',
    );

    // Assess
    const params = new URLSearchParams(seen[0]?.body);
    expect(params.get('Owner.1')).toBeNull();
    expect(params.get('Filter.2.Name')).toBe('owner-id');
    expect(params.get('Filter.2.Value.1')).toBe('123456789012');
    expect(seen[0]?.headers['content-length']).toBe(String(seen[0]?.body.length));
  });

  it('answers synthetic operations itself, with the estate in hand, and counts them', async () => {
    // Prepare
    proxy.setContext({ estate: { name: 'unit' } as never });

    // Act
    const response = await call('ssm', '{}', {
      'x-amz-target': 'AmazonSSM.DescribeInstanceInformation',
      'content-type': 'application/x-amz-json-1.1',
    });

    // Assess
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(await response.json()).toEqual({
      InstanceInformationList: [],
      estate: 'unit',
      account: '123456789012',
    });
    expect(seen).toEqual([]);
    expect(countRequests(await admin.requestCounts(), { service: 'ssm' })).toBe(1);
  });

  it('hands a request on to moto when its synthetic handler declines', async () => {
    // Act
    await call('ssm', '{}', {
      'x-amz-target': 'AmazonSSM.GetParameter',
      'content-type': 'application/x-amz-json-1.1',
    });

    // Assess
    expect(seen).toHaveLength(1);
  });

  it('delays calls by the configured latency', async () => {
    // Prepare
    await admin.setLatency({ fixedMs: 150 });

    // Act
    const started = Date.now();
    await call('ec2', 'Action=DescribeRegions');

    // Assess
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('reports fault rules with the hits they have left', async () => {
    // Prepare
    await admin.setFaults([{ service: 'ec2', kind: 'throttle', times: 2 }]);

    // Act
    const response = await call('ec2', 'Action=DescribeRegions');
    const faults = await admin.faults();
    const counts = await admin.requestCounts();

    // Assess
    expect(response.status).toBe(503);
    expect(faults).toMatchObject([{ service: 'ec2', kind: 'throttle', remaining: 1 }]);
    expect(counts).toMatchObject({ total: 1, faults: 1 });
    expect(seen).toEqual([]);
  });

  it('refuses invalid admin input with 400 and names the problem', async () => {
    // Act
    const badRule = admin.setFaults([{ kind: 'meltdown' } as never]);
    const badJson = fetch(`${proxy.endpoint}/__sandbox/latency`, { method: 'PUT', body: '{' });

    // Assess
    await expect(badRule).rejects.toThrow(/400.*kind/s);
    expect((await badJson).status).toBe(400);
  });

  it('has no manifest to give before seeding', async () => {
    await expect(admin.manifest()).rejects.toThrow(/404/);
  });
});
