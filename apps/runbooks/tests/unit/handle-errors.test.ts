import { afterEach, describe, expect, it } from 'vitest';
import { NotImplementedError, UsageError } from '../../src/errors.js';
import {
  ExitCode,
  formatError,
  formatPartialFailures,
  runCommand,
  succeeded,
} from '../../src/handle-errors.js';
import { MemoryStream } from './helpers.js';

afterEach(() => {
  process.exitCode = undefined;
});

function streams(options: { isTTY?: boolean } = {}) {
  return { stdout: new MemoryStream(), stderr: new MemoryStream(options) };
}

describe('runCommand', () => {
  it('returns 0, sets process.exitCode and writes nothing when the command succeeds', async () => {
    // Prepare
    const io = streams();

    // Act
    const code = await runCommand({}, async () => succeeded(), io);

    // Assess
    expect(code).toBe(ExitCode.Success);
    expect(process.exitCode).toBe(0);
    expect(io.stderr.text).toBe('');
    expect(io.stdout.text).toBe('');
  });

  it('returns 2 and lists the partial failures on stderr', async () => {
    // Prepare
    const io = streams();

    // Act
    const code = await runCommand(
      {},
      async () => ({
        partialFailures: [
          { scope: '111111111111/us-east-1', message: 'ThrottlingException: Rate exceeded' },
          { scope: '222222222222', message: 'AccessDenied' },
        ],
      }),
      io,
    );

    // Assess
    expect(code).toBe(ExitCode.PartialFailure);
    expect(process.exitCode).toBe(2);
    expect(io.stderr.text).toBe(
      'Completed, but 2 scopes failed:\n' +
        '  - 111111111111/us-east-1: ThrottlingException: Rate exceeded\n' +
        '  - 222222222222: AccessDenied\n',
    );
  });

  it('lists partial failures even with --quiet', async () => {
    // Prepare
    const io = streams();

    // Act
    const code = await runCommand(
      { quiet: true },
      async () => ({ partialFailures: [{ scope: 'eu-west-1', message: 'timed out' }] }),
      io,
    );

    // Assess
    expect(code).toBe(2);
    expect(io.stderr.text).toBe('Completed, but 1 scope failed:\n  - eu-west-1: timed out\n');
  });

  it('returns 1 and prints the error and its cause chain without stacks', async () => {
    // Prepare
    const io = streams();
    const root = new Error('User is not authorized to perform organizations:ListAccounts');
    root.name = 'AccessDeniedException';
    const error = new Error('Could not list the organization accounts', {
      cause: new Error('ListAccounts failed', { cause: root }),
    });

    // Act
    const code = await runCommand(
      {},
      async () => {
        throw error;
      },
      io,
    );

    // Assess
    expect(code).toBe(ExitCode.Failure);
    expect(process.exitCode).toBe(1);
    expect(io.stderr.text).toBe(
      'Error: Could not list the organization accounts\n' +
        'Caused by: ListAccounts failed\n' +
        'Caused by: AccessDeniedException: User is not authorized to perform organizations:ListAccounts\n' +
        'Run with --verbose to see the stack trace.\n',
    );
  });

  it('prints the stack frames of the error and of each cause with --verbose', async () => {
    // Prepare
    const io = streams();
    const error = new Error('outer', { cause: new TypeError('inner') });

    // Act
    await runCommand(
      { verbose: true },
      async () => {
        throw error;
      },
      io,
    );

    // Assess
    const lines = io.stderr.text.trimEnd().split('\n');
    expect(lines[0]).toBe('Error: outer');
    expect(lines[1]).toMatch(/^\s+at /);
    const causeAt = lines.indexOf('Caused by: TypeError: inner');
    expect(causeAt).toBeGreaterThan(1);
    expect(lines[causeAt + 1]).toMatch(/^\s+at /);
    expect(
      lines.every(
        (line) => line.startsWith('Error: ') || line.startsWith('Caused by: ') || /^\s+at /.test(line),
      ),
    ).toBe(true);
  });

  it('prints no --verbose hint for errors raised by the CLI itself', async () => {
    // Prepare
    const io = streams();

    // Act
    await runCommand(
      {},
      async () => {
        throw new UsageError('--input file not found: data/outputs/ec2-activity.csv');
      },
      io,
    );

    // Assess
    expect(io.stderr.text).toBe('Error: --input file not found: data/outputs/ec2-activity.csv\n');
  });

  it('erases a progress line before printing the error', async () => {
    // Prepare
    const io = streams({ isTTY: true });

    // Act
    await runCommand(
      {},
      async ({ sink }) => {
        sink.progress({ done: 1, total: 4, label: 'Regions' });
        throw new NotImplementedError('inventory draw-org', 'draw');
      },
      io,
    );

    // Assess
    const esc = String.fromCharCode(27);
    expect(io.stderr.text).toBe(
      `\r${esc}[2KRegions 1/4 (25%)\r${esc}[2KError: runbooks inventory draw-org is not implemented yet. It will draw.\n`,
    );
  });
});

describe('formatError', () => {
  it('formats thrown non-errors', () => {
    expect(formatError('plain string', { verbose: false })).toBe('Error: plain string\n');
    expect(formatError({ code: 42 }, { verbose: true })).toBe('Error: {"code":42}\n');
  });

  it('lists the members of an AggregateError', () => {
    // Prepare
    const named = new Error('denied');
    named.name = 'AccessDenied';
    const error = new AggregateError([named, new Error('timeout')], '2 regions failed');

    // Act
    const text = formatError(error, { verbose: false });

    // Assess
    expect(text).toBe(
      'Error: 2 regions failed\n  - AccessDenied: denied\n  - timeout\nRun with --verbose to see the stack trace.\n',
    );
  });

  it('stops at a cycle in the cause chain', () => {
    // Prepare
    const first = new Error('first');
    const second = new Error('second', { cause: first });
    first.cause = second;

    // Act
    const text = formatError(first, { verbose: false });

    // Assess
    expect(text).toBe('Error: first\nCaused by: second\nRun with --verbose to see the stack trace.\n');
  });

  it('prints non-error causes', () => {
    expect(formatError(new UsageError('bad', { cause: 'because' }), { verbose: false })).toBe(
      'Error: bad\nCaused by: because\n',
    );
  });
});

describe('formatPartialFailures', () => {
  it('uses the singular for one scope', () => {
    expect(formatPartialFailures([{ scope: 'a', message: 'm' }])).toBe(
      'Completed, but 1 scope failed:\n  - a: m\n',
    );
  });
});
