/** How far a long-running library call has got. */
export interface ProgressEvent {
  /** What is being worked through, e.g. `discover-ec2`. */
  label: string;
  done: number;
  total: number;
}

/**
 * Where libraries send what they have to say. Libraries never print: the CLI passes a sink
 * that renders to the terminal, tests pass one that records, other tooling passes its own.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const sink: RunSink = { ...silentSink, warn: (message) => lines.push(message) };
 * ```
 */
export interface RunSink {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  progress(event: ProgressEvent): void;
}

/** A sink that drops everything. */
export const silentSink: RunSink = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  progress: () => undefined,
};
