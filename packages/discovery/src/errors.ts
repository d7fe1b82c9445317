/**
 * Base class of every error thrown by `@inv/discovery`. Errors carry their `cause`.
 */
export class DiscoveryError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DiscoveryError';
  }
}
