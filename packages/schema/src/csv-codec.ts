import type { z } from 'zod';

/** How a record field is spelled in a CSV cell. */
type CellKind = 'string' | 'number' | 'boolean' | 'list' | 'map';

interface ColumnCodec {
  name: string;
  kind: CellKind;
  nullable: boolean;
}

/** A zod object schema whose fields runbooks can write to, and read from, CSV cells. */
export type RecordSchema = z.ZodObject<z.ZodRawShape>;

// Cells hold lists as `a;b` and maps as `k=v;k2=v2`. AWS tag values may contain `=`, and EC2
// tags may contain anything, so these characters are percent-escaped inside items. Commas are
// escaped too, so every cell of a list or map column stays safe for the spec's `awk -F','`.
const ESCAPED = /[%;=,\r\n]/g;
const escapeItem = (text: string): string =>
  text.replace(ESCAPED, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
const unescapeItem = (text: string): string =>
  text.replace(/%([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

function cellKindOf(field: z.ZodType): { kind: CellKind; nullable: boolean } {
  let current = field as z.ZodType & { type: string; unwrap?: () => z.ZodType };
  let nullable = false;
  while (current.type === 'nullable' || current.type === 'optional' || current.type === 'default') {
    nullable = true;
    current = (current.unwrap?.() ??
      (current as unknown as { def: { innerType: z.ZodType } }).def.innerType) as typeof current;
  }
  switch (current.type) {
    case 'number':
    case 'int':
      return { kind: 'number', nullable };
    case 'boolean':
      return { kind: 'boolean', nullable };
    case 'array':
      return { kind: 'list', nullable };
    case 'record':
      return { kind: 'map', nullable };
    case 'string':
    case 'enum':
    case 'literal':
      return { kind: 'string', nullable };
    default:
      throw new TypeError(`field type "${current.type}" has no CSV spelling`);
  }
}

/** The CSV columns of a record schema, in the schema's field order. */
export function columnsOf(schema: RecordSchema): ColumnCodec[] {
  return Object.entries(schema.shape).map(([name, field]) => ({ name, ...cellKindOf(field as z.ZodType) }));
}

/** Turns one typed value into its CSV cell text. */
export function encodeCell(column: ColumnCodec, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (column.kind) {
    case 'list':
      return (value as unknown[]).map((item) => escapeItem(String(item))).join(';');
    case 'map':
      return Object.entries(value as Record<string, string>)
        .map(([key, item]) => `${escapeItem(key)}=${escapeItem(item)}`)
        .join(';');
    default:
      return String(value);
  }
}

/**
 * Turns CSV cell text into the value the schema validates. Text that cannot be read as the
 * column's kind is passed through unchanged so that zod names the problem.
 */
export function decodeCell(column: ColumnCodec, text: string): unknown {
  if (text === '') {
    if (column.nullable) return null;
    if (column.kind === 'list') return [];
    if (column.kind === 'map') return {};
    return text;
  }
  switch (column.kind) {
    case 'number': {
      const number = Number(text);
      return text.trim() === '' || Number.isNaN(number) ? text : number;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'list':
      return text.split(';').map(unescapeItem);
    case 'map': {
      const pairs = text.split(';').map((pair) => pair.split('='));
      // A pair without exactly one `=` is not a map cell: let zod reject the raw text.
      if (pairs.some((pair) => pair.length !== 2)) return text;
      return Object.fromEntries(
        pairs.map(([key, item]) => [unescapeItem(key ?? ''), unescapeItem(item ?? '')]),
      );
    }
    default:
      return text;
  }
}
