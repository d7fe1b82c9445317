import type { CommandModule } from 'yargs';
import {
  type CrossAccountArgs,
  type OptionsOf,
  type ResultArgs,
  withCrossAccountOptions,
  withExportOptions,
  withOutputOptions,
  withVerbosityOptions,
} from '../../options/shared-options.js';
import { notImplemented } from '../not-implemented.js';

export interface CfnDriftArgs extends CrossAccountArgs, ResultArgs {}

export const cfnDriftCommand: CommandModule<object, OptionsOf<CfnDriftArgs>> = {
  command: 'drift',
  describe: 'Detect CloudFormation stacks whose resources were modified outside of IaC',
  builder: (yargs) =>
    withVerbosityOptions(
      withOutputOptions(withExportOptions(withCrossAccountOptions(yargs), ['csv', 'json', 'markdown']), {
        fileStem: 'cfn-drift',
      }),
    ).example(
      '$0 inventory cfn drift --profile $AWS_OPERATIONS_PROFILE --regions ap-southeast-2 us-east-1',
      '',
    ),
  handler: notImplemented(
    'inventory cfn drift',
    'run CloudFormation drift detection on every stack in the selected accounts and regions and list the drifted resources',
  ),
};
