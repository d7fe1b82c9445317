import { describe, expect, it } from 'vitest';
import { ConsoleSink, formatProgress } from '../../src/io/console-sink.js';
import { MemoryStream } from './helpers.js';

const CLEAR = `\r${String.fromCharCode(27)}[2K`;

describe('ConsoleSink messages', () => {
  it('writes info and warnings, not debug, by default', () => {
    // Prepare
    const stream = new MemoryStream();
    const sink = new ConsoleSink({ stream });

    // Act
    sink.info('3 accounts');
    sink.warn('no access to 1 account');
    sink.debug('ListAccounts page 2');

    // Assess
    expect(stream.text).toBe('3 accounts\nWarning: no access to 1 account\n');
  });

  it('silences info (but not warnings) with quiet', () => {
    // Prepare
    const stream = new MemoryStream();
    const sink = new ConsoleSink({ stream, quiet: true });

    // Act
    sink.info('3 accounts');
    sink.warn('careful');
    sink.debug('details');

    // Assess
    expect(stream.text).toBe('Warning: careful\n');
  });

  it('shows debug with verbose', () => {
    // Prepare
    const stream = new MemoryStream();
    const sink = new ConsoleSink({ stream, verbose: true });

    // Act
    sink.debug('details');

    // Assess
    expect(stream.text).toBe('debug: details\n');
  });
});

describe('ConsoleSink progress', () => {
  it('draws nothing when the stream is not a TTY', () => {
    // Prepare
    const stream = new MemoryStream({ isTTY: false });
    const sink = new ConsoleSink({ stream });

    // Act
    sink.progress({ done: 1, total: 3, label: 'Accounts' });
    sink.progress({ done: 3, total: 3, label: 'Accounts' });
    sink.close();

    // Assess
    expect(stream.text).toBe('');
  });

  it('draws nothing with quiet, even on a TTY', () => {
    // Prepare
    const stream = new MemoryStream({ isTTY: true });
    const sink = new ConsoleSink({ stream, quiet: true });

    // Act
    sink.progress({ done: 1, total: 3, label: 'Accounts' });

    // Assess
    expect(stream.text).toBe('');
  });

  it('refreshes a single line on a TTY and erases it when done', () => {
    // Prepare
    const stream = new MemoryStream({ isTTY: true });
    const sink = new ConsoleSink({ stream });

    // Act
    sink.progress({ done: 1, total: 3, label: 'Accounts' });
    sink.progress({ done: 1, total: 3, label: 'Accounts' });
    sink.progress({ done: 2, total: 3, label: 'Accounts' });
    sink.progress({ done: 3, total: 3, label: 'Accounts' });

    // Assess
    expect(stream.text).toBe(`${CLEAR}Accounts 1/3 (33%)${CLEAR}Accounts 2/3 (66%)${CLEAR}`);
    expect(stream.text).not.toContain('\n');
  });

  it('prints messages above the progress line and redraws it', () => {
    // Prepare
    const stream = new MemoryStream({ isTTY: true });
    const sink = new ConsoleSink({ stream });

    // Act
    sink.progress({ done: 1, total: 2, label: 'Regions' });
    sink.warn('eu-west-3 is not enabled');
    sink.close();
    sink.close();

    // Assess
    expect(stream.text).toBe(
      `${CLEAR}Regions 1/2 (50%)${CLEAR}Warning: eu-west-3 is not enabled\nRegions 1/2 (50%)${CLEAR}`,
    );
  });

  it('truncates the line to the terminal width', () => {
    // Prepare
    const stream = new MemoryStream({ isTTY: true, columns: 12 });
    const sink = new ConsoleSink({ stream });

    // Act
    sink.progress({ done: 1, total: 2, label: 'Discovering EC2' });

    // Assess
    expect(stream.text).toBe(`${CLEAR}Discoverin…`);
  });
});

describe('formatProgress', () => {
  it.each([
    [{ done: 0, total: 4, label: 'x' }, 'x 0/4 (0%)'],
    [{ done: 4, total: 4, label: 'x' }, 'x 4/4 (100%)'],
    [{ done: 5, total: 4, label: 'x' }, 'x 5/4 (100%)'],
    [{ done: 2, total: 0, label: 'x' }, 'x 2/0'],
  ])('%j → %s', (event, text) => {
    expect(formatProgress(event)).toBe(text);
  });
});
