/** One column of a Markdown table. */
export interface MarkdownColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
  align?: 'left' | 'right';
}

// A pipe ends a cell and a newline ends the row: both would break the table.
const cellText = (value: string | number | boolean | null | undefined): string =>
  value === null || value === undefined ? '' : String(value).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * Renders rows as a GitHub-flavoured Markdown table.
 *
 * @example
 * ```ts
 * markdownTable([{ header: 'Account', value: (row) => row.name }], [{ name: 'prod' }]);
 * // | Account |\n| --- |\n| prod |\n
 * ```
 */
export function markdownTable<Row>(
  columns: ReadonlyArray<MarkdownColumn<Row>>,
  rows: readonly Row[],
): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |\n`;
  return (
    line(columns.map((column) => cellText(column.header))) +
    line(columns.map((column) => (column.align === 'right' ? '---:' : '---'))) +
    rows.map((row) => line(columns.map((column) => cellText(column.value(row))))).join('')
  );
}
