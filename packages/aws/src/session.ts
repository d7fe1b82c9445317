import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { RoleAssumer } from './assume-role.js';
import { AwsClientFactory } from './client-factory.js';
import { CredentialsError } from './errors.js';
import { RequestMeter } from './metering.js';

export interface SessionOptions {
  /** Named profile (SSO, credential_process, role chain, static keys); undefined = the default chain. */
  profile?: string;
  /** Region for account-wide calls; defaults to the profile's region, then us-east-1. */
  region?: string;
  /** Role names to assume in member accounts, in order of preference. */
  roleNames?: readonly string[];
  maxAttempts?: number;
  /** Share one meter between sessions of one run (ops, management and billing profiles). */
  meter?: RequestMeter;
}

/** Everything a command needs to reach AWS from one profile. */
export interface AwsSession {
  profile: string | undefined;
  /** The account and principal the profile's credentials belong to. */
  identity: { accountId: string; arn: string };
  /** Region for account-wide calls. */
  region: string;
  credentials: AwsCredentialIdentityProvider;
  assumer: RoleAssumer;
  factory: AwsClientFactory;
  meter: RequestMeter;
  /** Closes every client the session built. */
  close(): void;
}

async function profileRegion(profile: string | undefined): Promise<string> {
  // A throwaway client resolves the region the way every SDK client would (env, then profile).
  const probe = new STSClient(profile ? { profile } : {});
  try {
    return await probe.config.region();
  } catch {
    return 'us-east-1';
  } finally {
    probe.destroy();
  }
}

/**
 * Resolves a profile's credentials and identity (one STS GetCallerIdentity call) and returns a
 * client factory that reaches every account of the organization from it. Endpoints follow the
 * SDK's standard overrides (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`, `endpoint_url`).
 *
 * @throws {CredentialsError} when the profile yields no usable credentials
 *
 * @example
 * ```ts
 * const session = await openSession({ profile: process.env.AWS_MANAGEMENT_PROFILE });
 * const orgs = session.factory.client(OrganizationsClient, { accountId: session.identity.accountId, region: 'us-east-1' });
 * ```
 */
export async function openSession(options: SessionOptions = {}): Promise<AwsSession> {
  const region = options.region ?? (await profileRegion(options.profile));
  const meter = options.meter ?? new RequestMeter();
  const credentials = fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  const sts = new STSClient({ region, credentials, maxAttempts: options.maxAttempts, retryMode: 'adaptive' });
  meter.attach(sts);
  let identity: AwsSession['identity'];
  try {
    const caller = await sts.send(new GetCallerIdentityCommand({}));
    identity = { accountId: caller.Account ?? '', arn: caller.Arn ?? '' };
  } catch (error) {
    throw new CredentialsError(options.profile, { cause: error });
  } finally {
    sts.destroy();
  }
  const assumer = new RoleAssumer({
    baseCredentials: credentials,
    homeAccountId: identity.accountId,
    region,
    roleNames: options.roleNames,
    meter,
    maxAttempts: options.maxAttempts,
  });
  const factory = new AwsClientFactory({
    credentialsFor: (accountId) => assumer.credentialsFor(accountId),
    meter,
    maxAttempts: options.maxAttempts,
  });
  return {
    profile: options.profile,
    identity,
    region,
    credentials,
    assumer,
    factory,
    meter,
    close: () => factory.destroy(),
  };
}
