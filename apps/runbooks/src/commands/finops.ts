import type { CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { analyzeEc2Command } from './finops/analyze-ec2.js';
import { dashboardCommand } from './finops/dashboard.js';

export const finopsCommand: CommandModule = {
  command: 'finops',
  describe: 'Cost analysis and dashboards from Cost Explorer',
  builder: (yargs) =>
    yargs.command(analyzeEc2Command).command(dashboardCommand).demandCommand(1, 'Choose a finops command.'),
  handler: () => {
    // Unreachable: demandCommand rejects `runbooks finops` without a subcommand.
    throw new UsageError('Choose a finops command.');
  },
};
