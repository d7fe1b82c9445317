import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { AssumeRoleError } from './errors.js';
import type { RequestMeter } from './metering.js';

/** Role names tried in a member account, in order: Organizations' default, then Control Tower's. */
export const DEFAULT_ROLE_NAMES = ['OrganizationAccountAccessRole', 'AWSControlTowerExecution'] as const;

// Renew assumed credentials this long before AWS says they expire.
const REFRESH_MARGIN_MS = 5 * 60_000;

export interface RoleAssumerOptions {
  /** Credentials of the account the run starts from. */
  baseCredentials: AwsCredentialIdentityProvider;
  /** The account those credentials belong to: it is used as is, with no role assumed. */
  homeAccountId: string;
  /** Region of the STS endpoint. */
  region: string;
  /** Role names to try in each member account, in order. */
  roleNames?: readonly string[];
  sessionName?: string;
  meter?: RequestMeter;
  maxAttempts?: number;
  /** An STS client to use instead of one built from the options (tests, other tooling). */
  stsClient?: STSClient;
}

const isAccessDenied = (error: unknown): boolean =>
  error instanceof Error &&
  ['AccessDenied', 'AccessDeniedException', 'InvalidClientTokenId'].includes(error.name);

/**
 * Gives credentials for any account of the organization: the home account's own, or those of the
 * first role name that can be assumed in a member account. Each account is resolved once and its
 * credentials are renewed before they expire.
 *
 * @example
 * ```ts
 * const assumer = new RoleAssumer({ baseCredentials, homeAccountId: '111122223333', region: 'us-east-1' });
 * const credentials = await assumer.credentialsFor('444455556666');
 * const ec2 = new EC2Client({ region: 'eu-west-1', credentials });
 * ```
 */
export class RoleAssumer {
  readonly #options: RoleAssumerOptions;
  readonly #sts: STSClient;
  readonly #providers = new Map<string, Promise<AwsCredentialIdentityProvider>>();

  constructor(options: RoleAssumerOptions) {
    this.#options = options;
    this.#sts =
      options.stsClient ??
      new STSClient({
        region: options.region,
        credentials: options.baseCredentials,
        maxAttempts: options.maxAttempts,
        retryMode: 'adaptive',
      });
    if (!options.stsClient) options.meter?.attach(this.#sts);
  }

  get roleNames(): readonly string[] {
    return this.#options.roleNames ?? DEFAULT_ROLE_NAMES;
  }

  /**
   * Credentials for `accountId`, assuming a role the first time it is asked for.
   *
   * @throws {AssumeRoleError} when no configured role name can be assumed
   */
  credentialsFor(accountId: string): Promise<AwsCredentialIdentityProvider> {
    if (accountId === this.#options.homeAccountId) return Promise.resolve(this.#options.baseCredentials);
    let provider = this.#providers.get(accountId);
    if (!provider) {
      provider = this.#resolve(accountId);
      this.#providers.set(accountId, provider);
    }
    return provider;
  }

  async #resolve(accountId: string): Promise<AwsCredentialIdentityProvider> {
    let lastError: unknown;
    for (const roleName of this.roleNames) {
      const roleArn = `arn:aws:iam::${accountId}:role/${roleName}`;
      try {
        let current = await this.#assume(roleArn);
        return async () => {
          if (current.expiration && current.expiration.getTime() - Date.now() < REFRESH_MARGIN_MS) {
            current = await this.#assume(roleArn);
          }
          return current;
        };
      } catch (error) {
        lastError = error;
        if (!isAccessDenied(error)) break;
      }
    }
    throw new AssumeRoleError(accountId, this.roleNames, { cause: lastError });
  }

  async #assume(roleArn: string): Promise<AwsCredentialIdentity> {
    const response = await this.#sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: this.#options.sessionName ?? 'runbooks-inventory',
      }),
    );
    const credentials = response.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) {
      throw new Error(`AssumeRole ${roleArn} returned no credentials`);
    }
    return {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      sessionToken: credentials.SessionToken,
      expiration: credentials.Expiration,
    };
  }
}
