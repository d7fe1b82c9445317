import { readFileSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';
import { finopsCommand } from './commands/finops.js';
import { inventoryCommand } from './commands/inventory.js';
import { isUsageError, UsageError } from './errors.js';
import { ExitCode, formatError } from './handle-errors.js';

/** The `version` of this package's package.json (one level above both `src/` and `dist/`). */
export function readVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const version = (manifest as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0.0.0';
}

/**
 * The `runbooks` yargs program, not yet parsed. Build a new one for every parse: yargs keeps
 * per-parse state on the instance.
 *
 * Flag errors (unknown flag, bad choice, conflicting flags, missing command) throw a `UsageError`;
 * `main` prints it with a pointer to `--help` (not the whole help, which buries the error) and exits 1.
 * With `exitProcess(false)`, `--help` and `--version` print and return instead of exiting.
 */
export function createCli(): Argv {
  const cli: Argv = yargs()
    .scriptName('runbooks')
    .usage('$0 <command> [options]')
    .command(inventoryCommand)
    .command(finopsCommand)
    .demandCommand(1, 'Choose a command.')
    .recommendCommands()
    .strict()
    .help()
    .alias('help', 'h')
    .version(readVersion())
    .epilogue(
      'Exit codes: 0 success, 1 failure, 2 completed but some accounts/regions failed (listed on stderr).\n' +
        'Profiles default to $AWS_OPERATIONS_PROFILE, $AWS_MANAGEMENT_PROFILE and $AWS_BILLING_PROFILE.',
    )
    .exitProcess(false)
    .fail((message: string | undefined, error: Error | undefined) => {
      // Errors thrown by handlers are not flag errors: rethrow them as they are.
      if (message == null && error !== undefined && !isYargsError(error)) throw error;
      let text = message ?? error?.message ?? 'Invalid arguments';
      // A missing subcommand is best answered by the list of subcommands.
      if (text.startsWith('Choose')) cli.showHelp((help: string) => process.stderr.write(`${help}\n\n`));
      // recommendCommands() reports an unknown command as only "Did you mean x?".
      if (text.startsWith('Did you mean')) text = `Unknown command. ${text}`;
      throw isUsageError(error)
        ? error
        : new UsageError(text, error === undefined ? undefined : { cause: error });
    });
  // terminalWidth() is null when stdout is not a terminal.
  const width: number | null = cli.terminalWidth();
  return cli.wrap(width === null ? 100 : Math.min(120, width));
}

const HELP_HINT = 'Run the command with --help to see its options.\n';

function isYargsError(error: Error): boolean {
  return error.name === 'YError' || isUsageError(error);
}

/**
 * Parse `argv` (without the node and script paths) and run the command. Sets `process.exitCode`;
 * never calls `process.exit`, never rejects.
 */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    await createCli().parseAsync([...argv]);
  } catch (error) {
    const message = isUsageError(error)
      ? `Error: ${error.message}\n${error.message.startsWith('Choose') ? '' : HELP_HINT}`
      : formatError(error, { verbose: argv.includes('--verbose') });
    process.stderr.write(message);
    process.exitCode = ExitCode.Failure;
  }
}
