import { type InstanceState, InstanceStateSchema } from '@inv/schema';
import type { Argv, CommandModule } from 'yargs';
import { runCommand } from '../../handle-errors.js';
import {
  type CrossAccountArgs,
  type OptionsOf,
  parseList,
  type ResultArgs,
  withCrossAccountOptions,
  withExportOptions,
  withOutputOptions,
  withVerbosityOptions,
} from '../../options/shared-options.js';

export const EC2_STATES = InstanceStateSchema.options;
export type Ec2State = InstanceState;

/** Discovery goes through `opsProfile` (Resource Explorer aggregator index); member accounts via `roleName`. */
export interface DiscoverEc2Args extends CrossAccountArgs, ResultArgs {
  /** Only instances in these states; `undefined` means every state. */
  state?: Ec2State[] | undefined;
}

/** The options of this command only (listed first in its help). */
function discoverEc2Options<T>(yargs: Argv<T>) {
  return yargs
    .option('state', {
      type: 'string',
      array: true,
      requiresArg: true,
      choices: EC2_STATES,
      defaultDescription: 'all states',
      describe: 'Only instances in these states, space- or comma-separated',
      // yargs runs coerce before its choices check, which then rejects unknown states.
      coerce: (value: unknown) => parseList(value) as Ec2State[],
    })
    .group(['state'], 'Options:');
}

export const discoverEc2Command: CommandModule<object, OptionsOf<DiscoverEc2Args>> = {
  command: 'discover-ec2',
  describe: 'Discover EC2 instances in every account and region (operations profile)',
  builder: (yargs) =>
    withVerbosityOptions(
      withOutputOptions(
        withExportOptions(withCrossAccountOptions(discoverEc2Options(yargs)), ['csv', 'json'], ['csv']),
        { fileStem: 'ec2-inventory' },
      ),
    ).example(
      '$0 inventory discover-ec2 --ops-profile $AWS_OPERATIONS_PROFILE --state stopped --export csv',
      '',
    ),
  handler: async (args) => {
    await runCommand(args, async (context) => {
      const { run } = await import('./discover-ec2.impl.js');
      return run(args, context);
    });
  },
};
