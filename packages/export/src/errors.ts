/**
 * Base class of every error thrown by `@inv/export`. Errors carry their `cause`.
 */
export class ExportError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ExportError';
  }
}
