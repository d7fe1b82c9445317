import type { RunSink } from '@inv/schema';
import { isRunbooksError } from './errors.js';
import { ConsoleSink } from './io/console-sink.js';
import type { TextStream } from './io/text-stream.js';
import type { VerbosityArgs } from './options/shared-options.js';

/** Process exit codes of every `runbooks` command. */
export const ExitCode = {
  /** Everything requested was done. */
  Success: 0,
  /** The command failed (error, bad flags, not implemented). */
  Failure: 1,
  /** The command completed, but some accounts/regions failed; their results are missing. */
  PartialFailure: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** One account/region (or other scope) the command could not cover. */
export interface PartialFailure {
  /** What failed, e.g. `123456789012/eu-west-1` or `123456789012`. */
  scope: string;
  message: string;
}

/** What a command implementation returns when it completes. */
export interface CommandOutcome {
  /** Empty when every scope succeeded; otherwise the command exits 2 and lists them on stderr. */
  partialFailures: readonly PartialFailure[];
}

/** Handed to a command implementation by `runCommand`. */
export interface CommandContext {
  /** Logger/progress for the libraries; writes to stderr, honours --verbose/--quiet. */
  sink: RunSink;
  /** Where command results (tables, diagrams) go; `process.stdout` by default. */
  stdout: TextStream;
}

export type CommandFn = (context: CommandContext) => Promise<CommandOutcome>;

export interface RunCommandIO {
  stdout?: TextStream;
  stderr?: TextStream;
}

/** The outcome of a command with nothing to report. */
export function succeeded(): CommandOutcome {
  return { partialFailures: [] };
}

/**
 * Run a command implementation and turn its result into an exit code, set on `process.exitCode`
 * (never `process.exit`, so that pending output is flushed) and returned:
 * - resolves with no partial failures → 0;
 * - resolves with partial failures → 2, after listing them on stderr;
 * - throws → 1, after printing `Error: <message>` and each `Caused by: …` on stderr; the stack
 *   traces only with `--verbose`.
 * Never throws.
 */
export async function runCommand(
  args: VerbosityArgs,
  fn: CommandFn,
  io: RunCommandIO = {},
): Promise<ExitCode> {
  const stderr = io.stderr ?? process.stderr;
  const stdout = io.stdout ?? process.stdout;
  const sink = new ConsoleSink({ stream: stderr, verbose: args.verbose, quiet: args.quiet });
  let code: ExitCode;
  try {
    const outcome = await fn({ sink, stdout });
    sink.close();
    const failures = outcome.partialFailures;
    if (failures.length > 0) stderr.write(formatPartialFailures(failures));
    code = failures.length > 0 ? ExitCode.PartialFailure : ExitCode.Success;
  } catch (error) {
    sink.close();
    stderr.write(formatError(error, { verbose: args.verbose === true }));
    code = ExitCode.Failure;
  }
  process.exitCode = code;
  return code;
}

/**
 * ```text
 * Completed, but 2 scopes failed:
 *   - 111111111111/eu-west-1: AccessDeniedException: not authorized
 *   - 222222222222: could not assume OrganizationAccountAccessRole
 * ```
 */
export function formatPartialFailures(failures: readonly PartialFailure[]): string {
  const noun = failures.length === 1 ? 'scope' : 'scopes';
  const lines = failures.map((failure) => `  - ${failure.scope}: ${failure.message}`);
  return `Completed, but ${failures.length} ${noun} failed:\n${lines.join('\n')}\n`;
}

const MAX_CAUSES = 10;

/**
 * `Error: <message>`, then `Caused by: [<name>: ]<message>` for each error in the `cause` chain
 * (and each member of an `AggregateError`). With `verbose`, each error's stack frames follow
 * it; without, unexpected errors (not raised by the CLI itself) get a hint to pass --verbose.
 */
export function formatError(error: unknown, options: { verbose: boolean }): string {
  const lines = [`Error: ${messageOf(error)}`];
  if (options.verbose) lines.push(...stackFrames(error));
  lines.push(...aggregateLines(error));

  const seen = new Set<unknown>([error]);
  let cause = causeOf(error);
  for (let depth = 0; cause !== undefined && !seen.has(cause) && depth < MAX_CAUSES; depth += 1) {
    seen.add(cause);
    lines.push(`Caused by: ${describe(cause)}`);
    if (options.verbose) lines.push(...stackFrames(cause));
    lines.push(...aggregateLines(cause));
    cause = causeOf(cause);
  }

  if (!options.verbose && error instanceof Error && !isRunbooksError(error)) {
    lines.push('Run with --verbose to see the stack trace.');
  }
  return `${lines.join('\n')}\n`;
}

function messageOf(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `name: message` for named errors (e.g. AWS SDK exceptions), the bare message otherwise. */
function describe(value: unknown): string {
  if (value instanceof Error && value.name !== '' && value.name !== 'Error') {
    return `${value.name}: ${value.message}`;
  }
  return messageOf(value);
}

function causeOf(value: unknown): unknown {
  return value instanceof Error ? value.cause : undefined;
}

function aggregateLines(value: unknown): string[] {
  if (!(value instanceof AggregateError)) return [];
  return value.errors.map((member: unknown) => `  - ${describe(member)}`);
}

/** The `    at …` lines of a V8 stack. */
function stackFrames(value: unknown): string[] {
  if (!(value instanceof Error) || value.stack === undefined) return [];
  return value.stack.split('\n').filter((line) => /^\s+at\s/.test(line));
}
