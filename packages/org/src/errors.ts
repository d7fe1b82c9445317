/**
 * Base class of every error thrown by `@inv/org`. Errors carry their `cause`.
 */
export class OrgError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'OrgError';
  }
}
