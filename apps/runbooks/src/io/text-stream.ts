/**
 * The part of a Node writable stream the CLI writes text to. `process.stdout` and
 * `process.stderr` satisfy it; tests pass a string collector.
 */
export interface TextStream {
  write(chunk: string): unknown;
  /** True when the stream is a terminal (`process.stderr.isTTY`). */
  readonly isTTY?: boolean;
  /** Terminal width in characters, when known. */
  readonly columns?: number;
}

/**
 * Whether ANSI colour may be written to `stream`: only to a terminal, and never when
 * `NO_COLOR` is set to a non-empty value (https://no-color.org).
 */
export function colorEnabled(stream: TextStream, env: NodeJS.ProcessEnv = process.env): boolean {
  const noColor = env.NO_COLOR;
  return stream.isTTY === true && (noColor === undefined || noColor === '');
}
