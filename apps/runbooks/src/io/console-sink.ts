import type { ProgressEvent, RunSink } from '@inv/schema';
import type { TextStream } from './text-stream.js';

export interface ConsoleSinkOptions {
  /** Where every message goes; default `process.stderr` (stdout stays reserved for command results). */
  stream?: TextStream;
  /** Show `debug` messages. */
  verbose?: boolean;
  /** Silence `info` messages and progress; warnings still show. */
  quiet?: boolean;
}

const ESC = String.fromCharCode(27);
/** Carriage return, then erase the whole line. */
const CLEAR_LINE = `\r${ESC}[2K`;

/**
 * The CLI's `RunSink`. All messages go to stderr so that stdout can be piped:
 * - `info` unless `quiet`; `warn` always (prefixed `Warning: `); `debug` only when `verbose`
 *   (prefixed `debug: `);
 * - `progress` is drawn as a single refreshed line, only when the stream is a TTY and not `quiet`;
 *   nothing at all is written otherwise. The line is erased when `done >= total` or on `close()`.
 */
export class ConsoleSink implements RunSink {
  readonly #stream: TextStream;
  readonly #verbose: boolean;
  readonly #quiet: boolean;
  /** The progress line currently on screen, if any. */
  #progressLine: string | undefined;

  constructor(options: ConsoleSinkOptions = {}) {
    this.#stream = options.stream ?? process.stderr;
    this.#verbose = options.verbose === true;
    this.#quiet = options.quiet === true;
  }

  info(message: string): void {
    if (!this.#quiet) this.#writeLine(message);
  }

  warn(message: string): void {
    this.#writeLine(`Warning: ${message}`);
  }

  debug(message: string): void {
    if (this.#verbose) this.#writeLine(`debug: ${message}`);
  }

  progress(event: ProgressEvent): void {
    if (this.#quiet || this.#stream.isTTY !== true) return;
    if (event.total > 0 && event.done >= event.total) {
      this.close();
      return;
    }
    const line = this.#fit(formatProgress(event));
    if (line === this.#progressLine) return;
    this.#progressLine = line;
    this.#stream.write(`${CLEAR_LINE}${line}`);
  }

  /** Erase the progress line, if one is on screen. Call before printing the final result or error. */
  close(): void {
    if (this.#progressLine === undefined) return;
    this.#progressLine = undefined;
    this.#stream.write(CLEAR_LINE);
  }

  #writeLine(text: string): void {
    const progress = this.#progressLine;
    this.#stream.write(progress === undefined ? `${text}\n` : `${CLEAR_LINE}${text}\n${progress}`);
  }

  /** Keep the line shorter than the terminal so that `\r` can redraw it. */
  #fit(line: string): string {
    const columns = this.#stream.columns;
    if (columns === undefined || columns < 2 || line.length < columns) return line;
    return `${line.slice(0, columns - 2)}…`;
  }
}

/** `Discovering EC2 3/12 (25%)`; the percentage is left out when the total is unknown (0). */
export function formatProgress(event: ProgressEvent): string {
  const counts = `${event.done}/${event.total}`;
  if (event.total <= 0) return `${event.label} ${counts}`;
  const percent = Math.floor((Math.min(event.done, event.total) / event.total) * 100);
  return `${event.label} ${counts} (${percent}%)`;
}
