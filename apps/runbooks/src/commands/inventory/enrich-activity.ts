import type { Argv, CommandModule } from 'yargs';
import {
  type CrossAccountArgs,
  integerInRange,
  type OptionsOf,
  type ResultArgs,
  withCrossAccountOptions,
  withExportOptions,
  withOutputOptions,
  withVerbosityOptions,
} from '../../options/shared-options.js';
import { notImplemented } from '../not-implemented.js';

export const DEFAULT_LOOKBACK_DAYS = 14;
/** CloudTrail event history keeps 90 days. */
export const MAX_LOOKBACK_DAYS = 90;

export interface EnrichActivityArgs extends CrossAccountArgs, ResultArgs {
  lookbackDays: number;
}

/** The options of this command only (listed first in its help). */
function enrichOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('lookback-days', {
      type: 'number',
      requiresArg: true,
      default: DEFAULT_LOOKBACK_DAYS,
      describe: `Days of activity to examine (1–${MAX_LOOKBACK_DAYS})`,
      coerce: integerInRange('lookback-days', 1, MAX_LOOKBACK_DAYS),
    })
    .group(['lookback-days'], 'Options:');
}

export const enrichActivityCommand: CommandModule<object, OptionsOf<EnrichActivityArgs>> = {
  command: 'enrich-activity',
  describe:
    'Add the E1–E7 activity signals to the EC2 inventory: CloudWatch CPU and network, CloudTrail, ' +
    'SSM last ping, Compute Optimizer, EBS IOPS, cost trend',
  builder: (yargs) =>
    withVerbosityOptions(
      withOutputOptions(
        withExportOptions(withCrossAccountOptions(enrichOptions(yargs)), ['csv', 'json'], ['csv']),
        { fileStem: 'ec2-activity' },
      ),
    ).example('$0 inventory enrich-activity --ops-profile $AWS_OPERATIONS_PROFILE --lookback-days 14', ''),
  handler: notImplemented(
    'inventory enrich-activity',
    'collect the E1–E7 activity signals for every EC2 instance over the lookback window and write ec2-activity.csv',
  ),
};
