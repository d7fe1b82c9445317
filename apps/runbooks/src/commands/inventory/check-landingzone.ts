import type { CommandModule } from 'yargs';
import {
  type OptionsOf,
  type ProfileArgs,
  type ResultArgs,
  type RetryArgs,
  type RoleArgs,
  withExportOptions,
  withOutputOptions,
  withProfileOptions,
  withRetryOptions,
  withRoleOptions,
  withVerbosityOptions,
} from '../../options/shared-options.js';
import { notImplemented } from '../not-implemented.js';

export interface CheckLandingzoneArgs extends ProfileArgs, RoleArgs, RetryArgs, ResultArgs {}

export const checkLandingzoneCommand: CommandModule<object, OptionsOf<CheckLandingzoneArgs>> = {
  command: 'check-landingzone',
  describe:
    'Check Control Tower / Landing Zone status of every member account (management profile): accounts not ' +
    'enrolled in centralized logging or security tooling are flagged',
  builder: (yargs) =>
    withVerbosityOptions(
      withOutputOptions(
        withExportOptions(withRetryOptions(withRoleOptions(withProfileOptions(yargs))), [
          'csv',
          'json',
          'markdown',
        ]),
        { fileStem: 'landingzone-health' },
      ),
    ).example('$0 inventory check-landingzone --profile $AWS_MANAGEMENT_PROFILE', ''),
  handler: notImplemented(
    'inventory check-landingzone',
    'check the Control Tower / Landing Zone enrollment of every member account and flag accounts missing ' +
      'centralized logging or security tooling',
  ),
};
