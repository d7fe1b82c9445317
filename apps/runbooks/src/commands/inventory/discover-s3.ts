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

export interface DiscoverS3Args extends CrossAccountArgs, ResultArgs {}

export const discoverS3Command: CommandModule<object, OptionsOf<DiscoverS3Args>> = {
  command: 'discover-s3',
  describe:
    'Discover S3 buckets with their storage-class distribution and lifecycle policies (operations profile), ' +
    'to find lifecycle candidates',
  builder: (yargs) =>
    withVerbosityOptions(
      withOutputOptions(withExportOptions(withCrossAccountOptions(yargs), ['csv', 'json']), {
        fileStem: 's3-inventory',
      }),
    ).example('$0 inventory discover-s3 --ops-profile $AWS_OPERATIONS_PROFILE --export csv', ''),
  handler: notImplemented(
    'inventory discover-s3',
    'list the S3 buckets of every account with their storage-class distribution and lifecycle policies',
  ),
};
