import { colorEnabled, type TextStream } from './text-stream.js';

export type Align = 'left' | 'right';

export type CellValue = string | number | boolean | null | undefined;

/** One column of a table: its header, how to read a row's cell, its alignment. */
export interface Column<Row> {
  header: string;
  value: (row: Row) => CellValue;
  /** Default: `right` when every non-empty cell of the column is a number, else `left`. */
  align?: Align;
}

export interface TableOptions {
  /** Bold headers. Default false; use `colorEnabled(stream)` to decide. */
  color?: boolean;
}

const ESC = String.fromCharCode(27);
const ANSI_PATTERN = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');
const BOLD = `${ESC}[1m`;
const BOLD_OFF = `${ESC}[22m`;
const GAP = '  ';

/**
 * Plain-text table for stdout summaries: a header row, a rule of dashes, then one line per row.
 * Columns are padded to their widest cell (ANSI colour codes do not count), separated by two
 * spaces, and lines carry no trailing spaces. `null`/`undefined` cells are empty; newlines in
 * cells become spaces. Returns '' when there are no columns.
 *
 * @example
 * renderTable([{ header: 'Account', value: (r) => r.id }, { header: 'Instances', value: (r) => r.n }], rows);
 * // Account       Instances
 * // ------------  ---------
 * // 111111111111         12
 */
export function renderTable<Row>(
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  options: TableOptions = {},
): string {
  if (columns.length === 0) return '';
  const cells = rows.map((row) => columns.map((column) => column.value(row)));
  const texts = cells.map((row) => row.map(cellText));
  const aligns = columns.map((column, index) => column.align ?? inferAlign(cells.map((row) => row[index])));
  const widths = columns.map((column, index) =>
    Math.max(visibleLength(column.header), ...texts.map((row) => visibleLength(row[index] ?? ''))),
  );

  const line = (values: readonly string[], style: (text: string) => string = (text) => text): string =>
    values
      .map((value, index) => style(pad(value, widths[index] ?? 0, aligns[index] ?? 'left')))
      .join(GAP)
      .trimEnd();

  const bold = options.color === true ? (text: string) => `${BOLD}${text}${BOLD_OFF}` : undefined;
  const header = line(
    columns.map((column) => column.header),
    bold,
  );
  const rule = widths.map((width) => '-'.repeat(width)).join(GAP);
  return `${[header, rule, ...texts.map((row) => line(row))].join('\n')}\n`;
}

/** Render for `stream`, with colour only when the stream is a TTY and `NO_COLOR` is not set. */
export function renderTableFor<Row>(
  stream: TextStream,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  env: NodeJS.ProcessEnv = process.env,
): string {
  return renderTable(columns, rows, { color: colorEnabled(stream, env) });
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/\r?\n/g, ' ');
}

function inferAlign(values: readonly CellValue[]): Align {
  const present = values.filter((value) => value !== null && value !== undefined && value !== '');
  return present.length > 0 && present.every((value) => typeof value === 'number') ? 'right' : 'left';
}

function visibleLength(text: string): number {
  return [...text.replace(ANSI_PATTERN, '')].length;
}

function pad(text: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - visibleLength(text)));
  return align === 'right' ? `${fill}${text}` : `${text}${fill}`;
}
