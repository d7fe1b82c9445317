import { describe, expect, it } from 'vitest';
import { markdownTable } from '../../src/index.js';

describe('markdownTable', () => {
  it('renders headers, alignment and escapes pipes and newlines', () => {
    const table = markdownTable(
      [
        { header: 'Name', value: (row: { name: string; count: number | null }) => row.name },
        { header: 'Count', value: (row) => row.count, align: 'right' },
      ],
      [
        { name: 'a|b', count: 3 },
        { name: 'two\nlines', count: null },
      ],
    );

    expect(table).toBe('| Name | Count |\n| --- | ---: |\n| a\\|b | 3 |\n| two lines |  |\n');
  });
});
