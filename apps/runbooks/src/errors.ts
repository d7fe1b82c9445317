/**
 * Errors raised by the runbooks CLI itself. Library errors (`@inv/*`) keep their own classes;
 * `runCommand` prints any of them the same way, with their `cause` chain.
 *
 * Errors are branded with `Symbol.for` keys so they are recognised even when two copies of
 * this package are loaded (use the `isXxxError` guards rather than `instanceof`).
 */

const RUNBOOKS_ERROR = Symbol.for('@inv/runbooks.RunbooksError');
const NOT_IMPLEMENTED_ERROR = Symbol.for('@inv/runbooks.NotImplementedError');
const USAGE_ERROR = Symbol.for('@inv/runbooks.UsageError');

function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && brand in value;
}

/** Base class of every error thrown by the CLI. */
export class RunbooksError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RunbooksError';
    Object.defineProperty(this, RUNBOOKS_ERROR, { value: true });
  }
}

/**
 * The command exists in the CLI surface but has no implementation yet.
 *
 * @example
 * throw new NotImplementedError('inventory draw-org', 'draw the AWS Organizations hierarchy');
 * // message: "runbooks inventory draw-org is not implemented yet. It will draw the AWS Organizations hierarchy."
 */
export class NotImplementedError extends RunbooksError {
  /** The command path after `runbooks`, e.g. `inventory cfn drift`. */
  readonly commandPath: string;

  constructor(commandPath: string, willDo: string, options?: ErrorOptions) {
    super(`runbooks ${commandPath} is not implemented yet. It will ${willDo}.`, options);
    this.name = 'NotImplementedError';
    this.commandPath = commandPath;
    Object.defineProperty(this, NOT_IMPLEMENTED_ERROR, { value: true });
  }
}

/** Bad flags or flag combinations, detected by yargs or by a command. */
export class UsageError extends RunbooksError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
    Object.defineProperty(this, USAGE_ERROR, { value: true });
  }
}

export function isRunbooksError(value: unknown): value is RunbooksError {
  return hasBrand(value, RUNBOOKS_ERROR);
}

export function isNotImplementedError(value: unknown): value is NotImplementedError {
  return hasBrand(value, NOT_IMPLEMENTED_ERROR);
}

export function isUsageError(value: unknown): value is UsageError {
  return hasBrand(value, USAGE_ERROR);
}
