import { SandboxError } from './errors.js';
import type { Estate } from './estate.js';
import type { ActiveFault, FaultRule } from './faults.js';
import type { SeededEstate } from './manifest.js';
import type { LatencyInput, RequestCount, RequestCounts } from './proxy.js';

/** The proxy's admin API, from any process that knows the sandbox endpoint. */
export interface SandboxAdmin {
  requestCounts(): Promise<RequestCounts>;
  resetRequestCounts(): Promise<void>;
  /** The rules in force, with the hits left on rules that had `times`. */
  faults(): Promise<ActiveFault[]>;
  /** Replaces every fault rule. */
  setFaults(rules: FaultRule[]): Promise<void>;
  clearFaults(): Promise<void>;
  setLatency(latency: LatencyInput): Promise<void>;
  /** The estate and what seeding created. */
  manifest(): Promise<{ estate: Estate; seeded: SeededEstate }>;
}

export function createAdminClient(endpoint: string): SandboxAdmin {
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(new URL(`/__sandbox/${path}`, endpoint), {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new SandboxError(`${method} /__sandbox/${path}: ${response.status} ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  };
  return {
    requestCounts: async () => (await call('GET', 'requests')) as RequestCounts,
    resetRequestCounts: async () => {
      await call('POST', 'requests/reset');
    },
    faults: async () => (await call('GET', 'faults')) as ActiveFault[],
    setFaults: async (rules) => {
      await call('PUT', 'faults', rules);
    },
    clearFaults: async () => {
      await call('DELETE', 'faults');
    },
    setLatency: async (latency) => {
      await call('PUT', 'latency', latency);
    },
    manifest: async () => (await call('GET', 'manifest')) as { estate: Estate; seeded: SeededEstate },
  };
}

/** Sums the counts that match every given field, e.g. `{ service: 'ec2', account: '123456789012' }`. */
export function countRequests(
  counts: RequestCounts,
  filter: Partial<Pick<RequestCount, 'service' | 'operation' | 'region' | 'account'>> = {},
): number {
  return counts.counts
    .filter((entry) =>
      Object.entries(filter).every(([field, value]) => entry[field as keyof RequestCount] === value),
    )
    .reduce((total, entry) => total + entry.count, 0);
}
