import type { CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { cfnCommand } from './inventory/cfn.js';
import { checkLandingzoneCommand } from './inventory/check-landingzone.js';
import { discoverEc2Command } from './inventory/discover-ec2.js';
import { discoverS3Command } from './inventory/discover-s3.js';
import { drawOrgCommand } from './inventory/draw-org.js';
import { enrichActivityCommand } from './inventory/enrich-activity.js';
import { listOrgAccountsCommand } from './inventory/list-org-accounts.js';
import { scoreDecommissionCommand } from './inventory/score-decommission.js';
import { tagCoverageCommand } from './inventory/tag-coverage.js';
import { validateMcpCommand } from './inventory/validate-mcp.js';
import { workflowMultiAccountCommand } from './inventory/workflow-multi-account.js';

export const inventoryCommand: CommandModule = {
  command: 'inventory',
  describe: 'Discover, enrich, score and validate the multi-account inventory',
  builder: (yargs) =>
    yargs
      .command(workflowMultiAccountCommand)
      .command(listOrgAccountsCommand)
      .command(discoverEc2Command)
      .command(discoverS3Command)
      .command(enrichActivityCommand)
      .command(scoreDecommissionCommand)
      .command(validateMcpCommand)
      .command(drawOrgCommand)
      .command(checkLandingzoneCommand)
      .command(cfnCommand)
      .command(tagCoverageCommand)
      .demandCommand(1, 'Choose an inventory command.'),
  handler: () => {
    // Unreachable: demandCommand rejects `runbooks inventory` without a subcommand.
    throw new UsageError('Choose an inventory command.');
  },
};
