import { jsonContentType } from './aws-errors.js';
import type { AwsRequest } from './aws-request.js';
import type { Estate } from './estate.js';
import type { SeededEstate } from './manifest.js';

/** What a synthetic handler knows besides the request: the estate and, once seeding is done, its ids. */
export interface SyntheticContext {
  estate?: Estate;
  seeded?: SeededEstate;
}

export interface SyntheticResponse {
  status?: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

/** Answers a request in moto's place; returning undefined hands the request on to moto. */
export type SyntheticHandler = (
  request: AwsRequest,
  context: SyntheticContext,
) => SyntheticResponse | undefined | Promise<SyntheticResponse | undefined>;

/**
 * An operation moto lacks (CloudTrail LookupEvents, Cost Explorer, Compute Optimizer...), answered by the proxy.
 * `service` is the SigV4 signing name and `operation` the API name, as in fault rules.
 */
export interface SyntheticOperation {
  service: string;
  operation: string;
  handle: SyntheticHandler;
}

export function syntheticKey(service: string, operation: string): string {
  return `${service}:${operation}`;
}

/** A successful JSON answer in the content type the client spoke. */
export function jsonResponse(request: AwsRequest, body: unknown, status = 200): SyntheticResponse {
  return { status, headers: { 'content-type': jsonContentType(request) }, body: JSON.stringify(body) };
}
