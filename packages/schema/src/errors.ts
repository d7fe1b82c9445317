/**
 * Base class of every error thrown by `@inv/schema`. Errors carry their `cause`.
 */
export class SchemaError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SchemaError';
  }
}

/** Where in a file a bad value was found. `row` is the 1-based data row (the CSV header is not a row). */
export interface RecordLocation {
  file: string;
  row: number;
  column: string;
}

/**
 * A record in a CSV or JSON file does not match its schema.
 *
 * @example
 * ```ts
 * try {
 *   await readCsv('data/outputs/ec2-inventory.csv', Ec2InstanceSchema);
 * } catch (error) {
 *   if (error instanceof RecordValidationError) console.error(error.file, error.row, error.column);
 * }
 * ```
 */
export class RecordValidationError extends SchemaError {
  readonly file: string;
  readonly row: number;
  readonly column: string;
  readonly value: unknown;

  constructor(location: RecordLocation, value: unknown, reason: string, options?: ErrorOptions) {
    super(
      `${location.file}: row ${location.row}, column "${location.column}": ${reason} (got ${JSON.stringify(value)})`,
      options,
    );
    this.name = 'RecordValidationError';
    this.file = location.file;
    this.row = location.row;
    this.column = location.column;
    this.value = value;
  }
}

/** A CSV file's header lacks columns its schema requires, or the file is not parseable at all. */
export class MalformedFileError extends SchemaError {
  readonly file: string;

  constructor(file: string, reason: string, options?: ErrorOptions) {
    super(`${file}: ${reason}`, options);
    this.name = 'MalformedFileError';
    this.file = file;
  }
}
