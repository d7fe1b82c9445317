/**
 * Base class of every error thrown by `@inv/cost`. Errors carry their `cause`.
 */
export class CostError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CostError';
  }
}
