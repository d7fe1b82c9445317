import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..', '..');
// Operations that read. runbooks must never change anything in the accounts it inventories.
const READ_ONLY = /^(Describe|List|Get|Lookup|Search|BatchGet|AssumeRole$)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('AWS operations used by the product', () => {
  it('are all read-only', () => {
    // Prepare
    const dirs = [
      ...readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name, 'src')),
      join(root, 'apps', 'runbooks', 'src'),
    ];

    // Act
    const operations = new Set<string>();
    for (const file of dirs.flatMap(sourceFiles)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/new ([A-Z]\w+)Command\(|paginate([A-Z]\w+)\(/g))
        operations.add(match[1] ?? match[2] ?? '');
    }

    // Assess
    expect(operations.size).toBeGreaterThan(5);
    expect([...operations].filter((operation) => !READ_ONLY.test(operation))).toEqual([]);
  });
});
