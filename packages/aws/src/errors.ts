/**
 * Base class of every error thrown by `@inv/aws`. Errors carry their `cause`.
 */
export class AwsAccessError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AwsAccessError';
  }
}

/** The credentials of a named profile (or of the default chain) could not be resolved. */
export class CredentialsError extends AwsAccessError {
  readonly profile: string | undefined;

  constructor(profile: string | undefined, options?: ErrorOptions) {
    const source = profile ? `profile "${profile}"` : 'the default credential chain';
    const reason = options?.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(`could not get AWS credentials from ${source}${reason}`, options);
    this.name = 'CredentialsError';
    this.profile = profile;
  }
}

/** No role of the configured names could be assumed in a member account. */
export class AssumeRoleError extends AwsAccessError {
  readonly accountId: string;
  readonly roleNames: readonly string[];

  constructor(accountId: string, roleNames: readonly string[], options?: ErrorOptions) {
    const reason = options?.cause instanceof Error ? `: ${options.cause.name}: ${options.cause.message}` : '';
    super(`could not assume ${roleNames.join(' or ')} in account ${accountId}${reason}`, options);
    this.name = 'AssumeRoleError';
    this.accountId = accountId;
    this.roleNames = roleNames;
  }
}
