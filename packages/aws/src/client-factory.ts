import type { AwsCredentialIdentityProvider, MiddlewareStack } from '@smithy/types';
import type { RequestMeter } from './metering.js';

/** One account × region: every AWS client runbooks builds is for exactly one. */
export interface AwsScope {
  accountId: string;
  region: string;
}

/** The configuration runbooks gives every client it builds. */
export interface ClientOptions {
  region: string;
  credentials: AwsCredentialIdentityProvider;
  maxAttempts: number;
  retryMode: 'adaptive' | 'standard';
}

/** An AWS SDK v3 client class, e.g. `EC2Client`. */
export type AwsClientClass<C> = new (options: ClientOptions) => C;

interface DestroyableClient {
  // biome-ignore lint/suspicious/noExplicitAny: each SDK client has its own input/output unions
  middlewareStack: MiddlewareStack<any, any>;
  destroy(): void;
}

export interface ClientFactoryOptions {
  /** Credentials for an account: the session's own, or an assumed role's. */
  credentialsFor: (accountId: string) => Promise<AwsCredentialIdentityProvider>;
  meter?: RequestMeter;
  /** Attempts per call, first included. Adaptive retry also rate-limits the client when throttled. */
  maxAttempts?: number;
}

/**
 * Builds and caches one client per account × region × service. Libraries take a factory (or any
 * object with the same `client` method) so tests and other tooling can hand them their own clients.
 *
 * @example
 * ```ts
 * const ec2 = factory.client(EC2Client, { accountId: '444455556666', region: 'ap-southeast-2' });
 * ```
 */
export class AwsClientFactory {
  readonly #options: ClientFactoryOptions;
  readonly #clients = new Map<string, DestroyableClient>();
  readonly #classIds = new Map<object, number>();

  constructor(options: ClientFactoryOptions) {
    this.#options = options;
  }

  client<C extends DestroyableClient>(ClientClass: AwsClientClass<C>, scope: AwsScope): C {
    let classId = this.#classIds.get(ClientClass);
    if (classId === undefined) {
      classId = this.#classIds.size;
      this.#classIds.set(ClientClass, classId);
    }
    const key = `${ClientClass.name}#${classId}:${scope.accountId}:${scope.region}`;
    let client = this.#clients.get(key) as C | undefined;
    if (!client) {
      // The provider is resolved lazily, so building a client never blocks on AssumeRole.
      const credentials: AwsCredentialIdentityProvider = async () =>
        (await this.#options.credentialsFor(scope.accountId))();
      client = new ClientClass({
        region: scope.region,
        credentials,
        maxAttempts: this.#options.maxAttempts ?? 5,
        retryMode: 'adaptive',
      });
      this.#options.meter?.attach(client);
      this.#clients.set(key, client);
    }
    return client;
  }

  /** Closes every client's connections. */
  destroy(): void {
    for (const client of this.#clients.values()) client.destroy();
    this.#clients.clear();
  }
}

/** What libraries need of a factory: structural, so tests can pass a plain object. */
export type ClientSource = Pick<AwsClientFactory, 'client'>;
