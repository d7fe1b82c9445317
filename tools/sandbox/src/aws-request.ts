import type { IncomingHttpHeaders } from 'node:http';

/** The wire protocols of AWS services, as far as the proxy needs to tell them apart. */
export type AwsProtocol = 'ec2' | 'query' | 'json' | 'rest-xml' | 'rest-json';

/** An HTTP request to the proxy, before it is understood. */
export interface RawRequest {
  method: string;
  /** Path and query string, as in `IncomingMessage.url`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request understood as an AWS API call. */
export interface AwsRequest extends RawRequest {
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  /** SigV4 signing name from the credential scope (ec2, sts, monitoring, organizations, s3...), or `unknown`. */
  service: string;
  region: string;
  /** Operation name as in the API reference (DescribeInstances, ListAccounts, GetObject...). */
  operation: string;
  protocol: AwsProtocol;
  /** JSON services that kept their query-protocol error codes (CloudWatch). */
  queryCompatible: boolean;
  accessKeyId: string | undefined;
  /** Account of the calling credentials. */
  account: string;
  /** Form (and query-string) parameters; empty unless the request uses a query protocol. */
  params: URLSearchParams;
}

const CREDENTIAL_SCOPE = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

interface Signature {
  accessKeyId: string;
  region: string;
  service: string;
}

/** Reads the SigV4 credential scope from the Authorization header or from a presigned URL. */
function signatureOf(headers: IncomingHttpHeaders, query: URLSearchParams): Signature | undefined {
  const authorization = header(headers, 'authorization');
  const scope = authorization ?? `Credential=${query.get('X-Amz-Credential') ?? ''}`;
  const match = CREDENTIAL_SCOPE.exec(scope);
  if (match === null) return undefined;
  const [, accessKeyId = '', region = '', service = ''] = match;
  return { accessKeyId, region, service };
}

const S3_VERBS: Record<string, string> = { GET: 'Get', PUT: 'Put', DELETE: 'Delete' };

/** Bucket sub-resources and the operation-name stem each one takes. */
const S3_BUCKET_SUBRESOURCES: [string, string][] = [
  ['lifecycle', 'LifecycleConfiguration'],
  ['tagging', 'Tagging'],
  ['versioning', 'Versioning'],
  ['policyStatus', 'PolicyStatus'],
  ['policy', 'Policy'],
  ['encryption', 'Encryption'],
  ['acl', 'Acl'],
  ['cors', 'Cors'],
  ['website', 'Website'],
  ['logging', 'Logging'],
  ['notification', 'NotificationConfiguration'],
  ['replication', 'Replication'],
  ['intelligent-tiering', 'IntelligentTieringConfiguration'],
  ['analytics', 'AnalyticsConfiguration'],
  ['metrics', 'MetricsConfiguration'],
  ['inventory', 'InventoryConfiguration'],
  ['ownershipControls', 'OwnershipControls'],
  ['publicAccessBlock', 'PublicAccessBlock'],
  ['object-lock', 'ObjectLockConfiguration'],
  ['accelerate', 'AccelerateConfiguration'],
  ['requestPayment', 'RequestPayment'],
  ['location', 'Location'],
];
/** Sub-resources whose GET without an id lists configurations. */
const S3_LISTABLE = new Set(['intelligent-tiering', 'analytics', 'metrics', 'inventory']);

function s3BucketOperation(method: string, query: URLSearchParams): string {
  if (method === 'POST' && query.has('delete')) return 'DeleteObjects';
  if (method === 'GET' && query.has('uploads')) return 'ListMultipartUploads';
  if (method === 'GET' && query.has('versions')) return 'ListObjectVersions';
  for (const [subresource, stem] of S3_BUCKET_SUBRESOURCES) {
    if (!query.has(subresource)) continue;
    if (method === 'GET' && S3_LISTABLE.has(subresource) && !query.has('id')) return `ListBucket${stem}s`;
    // The one delete whose name lost its "Configuration" suffix.
    if (method === 'DELETE' && subresource === 'lifecycle') return 'DeleteBucketLifecycle';
    const verb = S3_VERBS[method];
    if (verb !== undefined) return `${verb}Bucket${stem}`;
  }
  switch (method) {
    case 'GET':
      return query.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
    case 'PUT':
      return 'CreateBucket';
    case 'HEAD':
      return 'HeadBucket';
    case 'DELETE':
      return 'DeleteBucket';
    default:
      return `${method} bucket`;
  }
}

function s3ObjectOperation(method: string, query: URLSearchParams, headers: IncomingHttpHeaders): string {
  const copy = header(headers, 'x-amz-copy-source') !== undefined;
  if (query.has('uploadId')) {
    const multipart: Record<string, string> = {
      PUT: copy ? 'UploadPartCopy' : 'UploadPart',
      POST: 'CompleteMultipartUpload',
      DELETE: 'AbortMultipartUpload',
      GET: 'ListParts',
    };
    return multipart[method] ?? `${method} object`;
  }
  if (method === 'POST' && query.has('uploads')) return 'CreateMultipartUpload';
  if (method === 'POST' && query.has('restore')) return 'RestoreObject';
  if (method === 'GET' && query.has('attributes')) return 'GetObjectAttributes';
  const verb = S3_VERBS[method];
  for (const [subresource, stem] of [
    ['tagging', 'Tagging'],
    ['acl', 'Acl'],
    ['retention', 'Retention'],
    ['legal-hold', 'LegalHold'],
  ] as const) {
    if (query.has(subresource) && verb !== undefined) return `${verb}Object${stem}`;
  }
  switch (method) {
    case 'GET':
      return 'GetObject';
    case 'PUT':
      return copy ? 'CopyObject' : 'PutObject';
    case 'HEAD':
      return 'HeadObject';
    case 'DELETE':
      return 'DeleteObject';
    default:
      return `${method} object`;
  }
}

/** Names a path-style S3 request from its method, path and sub-resource. */
export function s3Operation(
  method: string,
  path: string,
  query: URLSearchParams,
  headers: IncomingHttpHeaders,
): string {
  const [bucket, ...key] = path.split('/').filter((part) => part !== '');
  if (bucket === undefined) return method === 'GET' ? 'ListBuckets' : `${method} /`;
  return key.length === 0 ? s3BucketOperation(method, query) : s3ObjectOperation(method, query, headers);
}

/** REST-JSON services such as Resource Explorer post to /OperationName; others get method and path. */
function restJsonOperation(method: string, path: string): string {
  const first = path.split('/')[1] ?? '';
  return /^[A-Z][A-Za-z0-9]+$/.test(first) ? first : `${method} ${path}`;
}

function isForm(headers: IncomingHttpHeaders): boolean {
  return header(headers, 'content-type')?.startsWith('application/x-www-form-urlencoded') ?? false;
}

/**
 * Works out service, region, operation, protocol and calling account of a request.
 * `accountOf` maps an access key id to its account.
 */
export function parseAwsRequest(
  raw: RawRequest,
  accountOf: (accessKeyId: string | undefined) => string,
): AwsRequest {
  const url = new URL(raw.url, 'http://sandbox');
  const query = url.searchParams;
  const signature = signatureOf(raw.headers, query);
  const service = signature?.service ?? 'unknown';
  const region = signature?.region ?? 'unknown';
  const params = new URLSearchParams(query);
  if (isForm(raw.headers)) {
    for (const [name, value] of new URLSearchParams(raw.body.toString('utf8'))) params.append(name, value);
  }

  let protocol: AwsProtocol;
  let operation: string;
  const target = header(raw.headers, 'x-amz-target');
  const action = params.get('Action');
  if (target !== undefined) {
    protocol = 'json';
    operation = target.slice(target.lastIndexOf('.') + 1);
  } else if (action !== null) {
    protocol = service === 'ec2' ? 'ec2' : 'query';
    operation = action;
  } else if (service === 's3') {
    protocol = 'rest-xml';
    operation = s3Operation(raw.method, url.pathname, query, raw.headers);
  } else {
    protocol = 'rest-json';
    operation = restJsonOperation(raw.method, url.pathname);
  }

  return {
    ...raw,
    path: url.pathname,
    query,
    service,
    region,
    operation,
    protocol,
    queryCompatible: protocol === 'json' && header(raw.headers, 'x-amzn-query-mode') === 'true',
    accessKeyId: signature?.accessKeyId,
    account: accountOf(signature?.accessKeyId),
    params: protocol === 'ec2' || protocol === 'query' ? params : new URLSearchParams(),
  };
}
