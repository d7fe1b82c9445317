import { describe, expect, it } from 'vitest';
import { type Column, renderTable, renderTableFor } from '../../src/io/table.js';
import { colorEnabled } from '../../src/io/text-stream.js';
import { MemoryStream } from './helpers.js';

interface Row {
  account: string;
  name: string | undefined;
  instances: number;
}

const columns: Column<Row>[] = [
  { header: 'Account', value: (row) => row.account },
  { header: 'Name', value: (row) => row.name },
  { header: 'Instances', value: (row) => row.instances },
];

const rows: Row[] = [
  { account: '111111111111', name: 'prod', instances: 12 },
  { account: '222222222222', name: undefined, instances: 3 },
];

const ESC = String.fromCharCode(27);

describe('renderTable', () => {
  it('aligns columns, right-aligns numbers and trims trailing spaces', () => {
    expect(renderTable(columns, rows)).toBe(
      [
        'Account       Name  Instances',
        '------------  ----  ---------',
        '111111111111  prod         12',
        '222222222222                3',
        '',
      ].join('\n'),
    );
  });

  it('honours an explicit alignment and flattens newlines', () => {
    // Prepare
    const notes: Column<{ note: string; n: number }>[] = [
      { header: 'N', value: (row) => row.n, align: 'left' },
      { header: 'Note', value: (row) => row.note },
    ];

    // Act
    const text = renderTable(notes, [
      { n: 7, note: 'two\nlines' },
      { n: 100, note: 'x' },
    ]);

    // Assess
    expect(text).toBe('N    Note\n---  ---------\n7    two lines\n100  x\n');
  });

  it('renders the header and rule when there are no rows', () => {
    expect(renderTable(columns, [])).toBe('Account  Name  Instances\n-------  ----  ---------\n');
  });

  it('writes no escape codes without colour', () => {
    expect(renderTable(columns, rows, { color: false })).not.toContain(ESC);
  });

  it('bolds the headers with colour, without changing the alignment', () => {
    // Act
    const [header, rule] = renderTable(columns, rows, { color: true }).split('\n');

    // Assess
    expect(header).toBe(
      `${ESC}[1mAccount     ${ESC}[22m  ${ESC}[1mName${ESC}[22m  ${ESC}[1mInstances${ESC}[22m`,
    );
    expect(rule).toBe('------------  ----  ---------');
  });
});

describe('colorEnabled', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
  ])('isTTY=%s env=%j → %s', (isTTY, env, expected) => {
    expect(colorEnabled(new MemoryStream({ isTTY }), env)).toBe(expected);
  });

  it('drives renderTableFor', () => {
    expect(renderTableFor(new MemoryStream({ isTTY: true }), columns, rows, { NO_COLOR: '1' })).not.toContain(
      ESC,
    );
    expect(renderTableFor(new MemoryStream({ isTTY: true }), columns, rows, {})).toContain(`${ESC}[1m`);
  });
});
