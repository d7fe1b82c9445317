import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-write.js';
import { columnsOf, decodeCell, encodeCell, type RecordSchema } from './csv-codec.js';
import { MalformedFileError, RecordValidationError } from './errors.js';

function validate<S extends RecordSchema>(
  schema: S,
  candidate: unknown,
  file: string,
  row: number,
  rawValueOf: (column: string) => unknown,
): z.infer<S> {
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const column = String(issue?.path[0] ?? '(record)');
  throw new RecordValidationError(
    { file, row, column },
    rawValueOf(column),
    issue?.message ?? 'invalid value',
    {
      cause: parsed.error,
    },
  );
}

/**
 * Streams the records of a CSV file, validating each row against `schema` as it goes.
 * Columns the schema does not know are ignored; a missing column fails on the header.
 *
 * @throws {MalformedFileError} when the header lacks a column or the CSV cannot be parsed
 * @throws {RecordValidationError} naming the file, 1-based data row and column of the first bad value
 *
 * @example
 * ```ts
 * for await (const instance of readCsvRecords('data/outputs/ec2-inventory.csv', Ec2InstanceSchema)) {
 *   console.log(instance.instance_id, instance.state);
 * }
 * ```
 */
export async function* readCsvRecords<S extends RecordSchema>(
  file: string,
  schema: S,
): AsyncGenerator<z.infer<S>> {
  const columns = columnsOf(schema);
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: 'greedy' });
  const source = createReadStream(file, { encoding: 'utf8' });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let header: string[] | undefined;
  let indexes: number[] = [];
  let row = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    if (!header) {
      header = cells.map((cell, position) => (position === 0 ? cell.replace(/^\uFEFF/, '') : cell));
      const missing = columns.filter((column) => !header?.includes(column.name)).map((column) => column.name);
      if (missing.length > 0) {
        throw new MalformedFileError(
          file,
          `header lacks column(s) ${missing.map((name) => `"${name}"`).join(', ')}`,
        );
      }
      indexes = columns.map((column) => header?.indexOf(column.name) ?? -1);
      continue;
    }
    row += 1;
    if (cells.length !== header.length) {
      throw new RecordValidationError(
        { file, row, column: header[Math.min(cells.length, header.length - 1)] ?? '(record)' },
        cells.join(','),
        `expected ${header.length} cells, found ${cells.length}`,
      );
    }
    const raw = Object.fromEntries(
      columns.map((column, position) => [column.name, cells[indexes[position] ?? -1] ?? '']),
    );
    const candidate = Object.fromEntries(
      columns.map((column) => [column.name, decodeCell(column, raw[column.name])]),
    );
    yield validate(schema, candidate, file, row, (column) => raw[column]);
  }
  if (!header) throw new MalformedFileError(file, 'file is empty: no header row');
}

/**
 * Reads and validates a whole CSV file. Nothing is returned unless every row is valid.
 *
 * @example
 * ```ts
 * const accounts = await readCsv('data/outputs/org-accounts.csv', OrgAccountSchema);
 * ```
 */
export async function readCsv<S extends RecordSchema>(file: string, schema: S): Promise<Array<z.infer<S>>> {
  const records: Array<z.infer<S>> = [];
  for await (const record of readCsvRecords(file, schema)) records.push(record);
  return records;
}

/** Renders records as CSV text: header first, LF line endings, no BOM, cells quoted only when needed. */
export function* csvLines<S extends RecordSchema>(
  schema: S,
  records: Iterable<z.input<S>>,
  file = '(csv)',
): Generator<string> {
  const columns = columnsOf(schema);
  const unparse = (cells: string[]): string => `${Papa.unparse([cells], { newline: '\n' })}\n`;
  yield unparse(columns.map((column) => column.name));
  let row = 0;
  for (const record of records) {
    row += 1;
    const valid = validate(
      schema,
      record,
      file,
      row,
      (column) => (record as Record<string, unknown>)[column],
    );
    yield unparse(
      columns.map((column) => encodeCell(column, (valid as Record<string, unknown>)[column.name])),
    );
  }
}

/**
 * Validates every record, then writes them to `file` as CSV, atomically. A record that fails
 * validation aborts the write and leaves any existing file untouched.
 *
 * @example
 * ```ts
 * await writeCsv('data/outputs/org-accounts.csv', OrgAccountSchema, accounts);
 * ```
 */
export async function writeCsv<S extends RecordSchema>(
  file: string,
  schema: S,
  records: Iterable<z.input<S>>,
) {
  await writeFileAtomic(file, csvLines(schema, records, file));
}

/**
 * Reads a JSON file holding an array of records and validates each. The row named in an
 * error is the 1-based position in the array.
 */
export async function readJson<S extends RecordSchema>(file: string, schema: S): Promise<Array<z.infer<S>>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new MalformedFileError(file, 'not valid JSON', { cause: error });
  }
  if (!Array.isArray(parsed)) throw new MalformedFileError(file, 'expected a JSON array of records');
  return parsed.map((candidate, index) =>
    validate(
      schema,
      candidate,
      file,
      index + 1,
      (column) => (candidate as Record<string, unknown> | null)?.[column],
    ),
  );
}

/** Validates every record, then writes them to `file` as a JSON array, atomically. */
export async function writeJson<S extends RecordSchema>(
  file: string,
  schema: S,
  records: Iterable<z.input<S>>,
) {
  const valid = Array.from(records, (record, index) =>
    validate(schema, record, file, index + 1, (column) => (record as Record<string, unknown>)[column]),
  );
  await writeFileAtomic(file, `${JSON.stringify(valid, null, 2)}\n`);
}

/** Reads one JSON document (a report, not a list of records) and validates it against `schema`. */
export async function readJsonDocument<S extends z.ZodType>(file: string, schema: S): Promise<z.infer<S>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new MalformedFileError(file, 'not valid JSON', { cause: error });
  }
  const result = schema.safeParse(parsed);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new MalformedFileError(file, `${issue?.path.join('.') || '(document)'}: ${issue?.message}`, {
    cause: result.error,
  });
}

/** Validates one JSON document against `schema` and writes it atomically. */
export async function writeJsonDocument<S extends z.ZodType>(file: string, schema: S, document: z.input<S>) {
  const result = schema.safeParse(document);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MalformedFileError(file, `${issue?.path.join('.') || '(document)'}: ${issue?.message}`, {
      cause: result.error,
    });
  }
  await writeFileAtomic(file, `${JSON.stringify(result.data, null, 2)}\n`);
}
