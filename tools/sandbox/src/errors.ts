/**
 * Base class of every error thrown by the sandbox. Errors carry their `cause`.
 */
export class SandboxError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SandboxError';
  }
}

/** An estate description does not match the schema or refers to things it does not declare. */
export class EstateError extends SandboxError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EstateError';
  }
}

/** Python, moto or libfaketime could not be prepared, or moto did not come up. */
export class SetupError extends SandboxError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SetupError';
  }
}

/** A call that seeds the estate into moto failed; `step` says which. */
export class SeedError extends SandboxError {
  readonly step: string;

  constructor(step: string, options?: ErrorOptions) {
    const reason = options?.cause instanceof Error ? `: ${options.cause.name}: ${options.cause.message}` : '';
    super(`seeding failed at ${step}${reason}`, options);
    this.name = 'SeedError';
    this.step = step;
  }
}
