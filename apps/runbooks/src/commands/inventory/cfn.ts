import type { CommandModule } from 'yargs';
import { UsageError } from '../../errors.js';
import { cfnDriftCommand } from './cfn-drift.js';

export const cfnCommand: CommandModule = {
  command: 'cfn',
  describe: 'CloudFormation inventory',
  builder: (yargs) => yargs.command(cfnDriftCommand).demandCommand(1, 'Choose a cfn command.'),
  handler: () => {
    // Unreachable: demandCommand rejects `runbooks inventory cfn` without a subcommand.
    throw new UsageError('Choose a cfn command.');
  },
};
