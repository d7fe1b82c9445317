import type { CommandModule } from 'yargs';
import { runCommand } from '../../handle-errors.js';
import {
  type OptionsOf,
  type ProfileArgs,
  type ResultArgs,
  type RetryArgs,
  withExportOptions,
  withOutputOptions,
  withProfileOptions,
  withRetryOptions,
  withVerbosityOptions,
} from '../../options/shared-options.js';

/** The Organizations API is called with `mgmtProfile` (already resolved from the flags and env). */
export interface ListOrgAccountsArgs extends ProfileArgs, RetryArgs, ResultArgs {}

export const listOrgAccountsCommand: CommandModule<object, OptionsOf<ListOrgAccountsArgs>> = {
  command: 'list-org-accounts',
  describe:
    'List the accounts of the AWS Organization (management profile), to check discovery covers them all',
  builder: (yargs) =>
    withVerbosityOptions(
      withOutputOptions(
        withExportOptions(withRetryOptions(withProfileOptions(yargs)), ['csv', 'json', 'markdown'], ['csv']),
        {
          fileStem: 'org-accounts',
        },
      ),
    ).example('$0 inventory list-org-accounts --profile $AWS_MANAGEMENT_PROFILE --export csv', ''),
  handler: async (args) => {
    await runCommand(args, async (context) => {
      const { run } = await import('./list-org-accounts.impl.js');
      return run(args, context);
    });
  },
};
