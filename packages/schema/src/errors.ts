/**
 * Base class of every error thrown by `@inv/schema`. Errors carry their `cause`.
 */
export class SchemaError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SchemaError';
  }
}
