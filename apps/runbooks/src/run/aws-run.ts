import { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { AwsSession, MeterSnapshot } from '@inv/aws';
import type { RunSink, ScopeFailure } from '@inv/schema';
import type { PartialFailure } from '../handle-errors.js';

/** Library failure records as the CLI lists them before exiting 2. */
export function toPartialFailures(failures: readonly ScopeFailure[]): PartialFailure[] {
  return failures.map((failure) => ({
    scope: failure.region ? `${failure.account_id}/${failure.region}` : failure.account_id,
    message: `${failure.service}: ${failure.error_name}: ${failure.message}`,
  }));
}

/**
 * The closing line of every AWS command: how many requests it made, per service and operation,
 * with retries and throttles, so a user can see what a run costs in API calls.
 */
export function formatRequestReport(snapshot: MeterSnapshot): string {
  const services = new Map<string, string[]>();
  for (const usage of snapshot.operations) {
    const entries = services.get(usage.service) ?? [];
    entries.push(`${usage.operation} ${usage.calls}`);
    services.set(usage.service, entries);
  }
  const detail = [...services].map(([service, entries]) => `${service}: ${entries.join(', ')}`).join('; ');
  return (
    `AWS requests: ${snapshot.calls} calls, ${snapshot.retries} retries, ${snapshot.throttles} throttled` +
    (detail ? ` (${detail})` : '')
  );
}

export function reportRequests(snapshot: MeterSnapshot, sink: RunSink): void {
  sink.info(formatRequestReport(snapshot));
}

/** The Organizations client of a session's own account: a global service, served from us-east-1. */
export function organizationsClient(session: AwsSession): OrganizationsClient {
  return session.factory.client(OrganizationsClient, {
    accountId: session.identity.accountId,
    region: 'us-east-1',
  });
}
