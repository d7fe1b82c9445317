/**
 * Base class of every error thrown by `@inv/validate`. Errors carry their `cause`.
 */
export class ValidateError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ValidateError';
  }
}
