import type { Argv, CommandModule } from 'yargs';
import {
  type ExportArgs,
  type OptionsOf,
  type OutputArgs,
  type VerbosityArgs,
  withExportOptions,
  withOutputOptions,
  withVerbosityOptions,
} from '../../options/shared-options.js';
import { notImplemented } from '../not-implemented.js';

export const SCORABLE_RESOURCE_TYPES = ['ec2'] as const;
export type ScorableResourceType = (typeof SCORABLE_RESOURCE_TYPES)[number];

export const DEFAULT_ACTIVITY_INPUT = 'data/outputs/ec2-activity.csv';

/** Works offline on the activity CSV: no AWS options. */
export interface ScoreDecommissionArgs extends ExportArgs, OutputArgs, VerbosityArgs {
  input: string;
  resourceType: ScorableResourceType;
}

/** The options of this command only (listed first in its help). */
function scoreOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('input', {
      type: 'string',
      requiresArg: true,
      default: DEFAULT_ACTIVITY_INPUT,
      describe: 'Activity CSV written by inventory enrich-activity',
    })
    .option('resource-type', {
      type: 'string',
      requiresArg: true,
      choices: SCORABLE_RESOURCE_TYPES,
      default: 'ec2' as ScorableResourceType,
      describe: 'Kind of resource in the input',
    })
    .group(['input', 'resource-type'], 'Options:');
}

export const scoreDecommissionCommand: CommandModule<object, OptionsOf<ScoreDecommissionArgs>> = {
  command: 'score-decommission',
  describe:
    'Score decommission candidates 0–100 from the activity CSV into MUST (90–100), SHOULD (70–89), ' +
    'COULD (50–69) and KEEP (<50) tiers',
  builder: (yargs) =>
    withVerbosityOptions(
      withOutputOptions(withExportOptions(scoreOptions(yargs), ['csv', 'json'], ['csv']), {
        fileStem: 'ec2-scored',
      }),
    ).example(
      '$0 inventory score-decommission --input data/outputs/ec2-activity.csv --resource-type ec2',
      '',
    ),
  handler: notImplemented(
    'inventory score-decommission',
    'score each resource of the activity CSV 0–100, assign the MUST/SHOULD/COULD/KEEP tier and write ec2-scored.csv',
  ),
};
