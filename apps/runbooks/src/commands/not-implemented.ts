import { NotImplementedError } from '../errors.js';
import { runCommand } from '../handle-errors.js';
import type { VerbosityArgs } from '../options/shared-options.js';

/**
 * Handler of a command that is declared but not implemented: it fails through `runCommand`
 * with a `NotImplementedError` (exit 1) and writes nothing else.
 */
export function notImplemented(commandPath: string, willDo: string): (args: VerbosityArgs) => Promise<void> {
  return async (args) => {
    await runCommand(args, async () => {
      throw new NotImplementedError(commandPath, willDo);
    });
  };
}
