/**
 * Base class of every error thrown by `@inv/org`. Errors carry their `cause`.
 */
export class OrgError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'OrgError';
  }
}

/** The credentials cannot read the organization: not its management or a delegated administrator account. */
export class OrganizationAccessError extends OrgError {
  constructor(options?: ErrorOptions) {
    const reason =
      options?.cause instanceof Error ? ` (${options.cause.name}: ${options.cause.message})` : '';
    super(
      `cannot read the AWS Organization${reason}: use a profile of the management account or of a delegated administrator (--profile / --mgmt-profile)`,
      options,
    );
    this.name = 'OrganizationAccessError';
  }
}
