/**
 * Base class of every error thrown by `@inv/scoring`. Errors carry their `cause`.
 */
export class ScoringError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ScoringError';
  }
}
