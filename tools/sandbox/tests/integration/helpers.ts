import { inject } from 'vitest';
import { MANAGEMENT_ACCOUNT_KEY } from '../../src/constants.js';
import { applySandboxEnv } from '../../src/env.js';
import { DEFAULT_ESTATE_FILE, type SandboxInfo } from '../../src/index.js';
import { accountProfile, MANAGEMENT_PROFILE } from '../../src/profiles.js';

export { DEFAULT_ESTATE_FILE };

/** The shared sandbox, with this process pointed at it as a user's shell would be. */
export function useSandbox(): SandboxInfo {
  const sandbox = inject('sandbox');
  applySandboxEnv(sandbox.env);
  return sandbox;
}

/** The named profile that reaches an account of the estate. */
export function profileOf(accountKey: string): string {
  return accountKey === MANAGEMENT_ACCOUNT_KEY ? MANAGEMENT_PROFILE : accountProfile(accountKey);
}

/** Whole days between a date and now. */
export function daysAgo(date: Date): number {
  return (Date.now() - date.getTime()) / 86_400_000;
}
