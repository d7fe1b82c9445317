/**
 * Base class of every error thrown by `@inv/aws`. Errors carry their `cause`.
 */
export class AwsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AwsError';
  }
}
