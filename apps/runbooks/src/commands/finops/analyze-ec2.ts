import type { CommandModule } from 'yargs';
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
import { notImplemented } from '../not-implemented.js';

/** Cost Explorer is queried with `billingProfile` (us-east-1 endpoint). */
export interface AnalyzeEc2Args extends ProfileArgs, RetryArgs, ResultArgs {}

export const analyzeEc2Command: CommandModule<object, OptionsOf<AnalyzeEc2Args>> = {
  command: 'analyze-ec2',
  describe:
    'Break down EC2 and EC2-Other cost (data transfer, EBS volumes and snapshots) from Cost Explorer, ' +
    '12 months per instance (billing profile)',
  builder: (yargs) =>
    withVerbosityOptions(
      withOutputOptions(
        withExportOptions(withRetryOptions(withProfileOptions(yargs)), ['csv', 'json', 'markdown']),
        {
          fileStem: 'ec2-costs',
        },
      ),
    ).example('$0 finops analyze-ec2 --profile $AWS_BILLING_PROFILE --export csv', ''),
  handler: notImplemented(
    'finops analyze-ec2',
    'query Cost Explorer for 12 months of EC2 and EC2-Other cost per instance (data transfer, EBS volumes, ' +
      'snapshots) and write ec2-costs.csv',
  ),
};
