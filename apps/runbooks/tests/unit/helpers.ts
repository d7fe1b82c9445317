import { vi } from 'vitest';
import { createCli, main } from '../../src/cli.js';
import type { TextStream } from '../../src/io/text-stream.js';

export interface CliRun {
  exitCode: number | string | null | undefined;
  stdout: string;
  stderr: string;
}

/**
 * Collects everything written to stdout/stderr, through the streams (our code) and through
 * `console` (yargs help and version), while `fn` runs.
 */
export async function capture(fn: () => Promise<unknown>): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    }),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    }),
    vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
      stdout += `${parts.join(' ')}\n`;
    }),
    vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
      stderr += `${parts.join(' ')}\n`;
    }),
  ];
  try {
    await fn();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return { stdout, stderr };
}

/** Run `runbooks <args>` in-process, as bin.ts does. */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  process.exitCode = undefined;
  const { stdout, stderr } = await capture(() => main(args));
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  return { exitCode, stdout, stderr };
}

/** The parsed (camelCase) arguments of `runbooks <args>`, whatever its handler did. */
export async function parseCli(args: readonly string[]): Promise<Record<string, unknown>> {
  let argv: Record<string, unknown> = {};
  await capture(async () => {
    argv = await createCli().parseAsync([...args]);
  });
  process.exitCode = undefined;
  return argv;
}

/** The help text of `runbooks <commandPath>`. */
export async function helpOf(commandPath: readonly string[]): Promise<string> {
  const run = await runCli([...commandPath, '--help']);
  if (run.exitCode !== undefined) throw new Error(`--help failed: ${run.stderr}`);
  return run.stdout;
}

/** A `TextStream` that keeps what is written. */
export class MemoryStream implements TextStream {
  text = '';
  readonly isTTY: boolean;
  readonly columns: number | undefined;

  constructor(options: { isTTY?: boolean; columns?: number } = {}) {
    this.isTTY = options.isTTY ?? false;
    this.columns = options.columns;
  }

  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}
