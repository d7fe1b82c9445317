/**
 * Base class of every error thrown by `@inv/activity`. Errors carry their `cause`.
 */
export class ActivityError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ActivityError';
  }
}
