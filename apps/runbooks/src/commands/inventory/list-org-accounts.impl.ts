import { openSession } from '@inv/aws';
import { markdownTable } from '@inv/export';
import { listOrganization } from '@inv/org';
import { OrgAccountSchema, writeCsv, writeFileAtomic, writeJson } from '@inv/schema';
import type { CommandContext, CommandOutcome } from '../../handle-errors.js';
import { renderTableFor } from '../../io/table.js';
import { resolveOutputPath } from '../../options/shared-options.js';
import { organizationsClient, reportRequests, toPartialFailures } from '../../run/aws-run.js';
import type { ListOrgAccountsArgs } from './list-org-accounts.js';

/** `runbooks inventory list-org-accounts`: every account of the organization with its OU path and tags. */
export async function run(args: ListOrgAccountsArgs, context: CommandContext): Promise<CommandOutcome> {
  const session = await openSession({ profile: args.mgmtProfile, maxAttempts: args.maxAttempts });
  try {
    const inventory = await listOrganization({
      organizations: organizationsClient(session),
      sink: context.sink,
    });
    const { accounts } = inventory;

    for (const format of args.export) {
      const file = resolveOutputPath(args, format, 'org-accounts');
      if (format === 'csv') await writeCsv(file, OrgAccountSchema, accounts);
      else if (format === 'json') await writeJson(file, OrgAccountSchema, accounts);
      else {
        // A shared document: no account or organization IDs, no e-mail addresses.
        await writeFileAtomic(
          file,
          `# AWS Organization accounts\n\n${accounts.length} accounts in ${inventory.units.length} organizational units.\n\n${markdownTable(
            [
              { header: 'Account', value: (account) => account.account_name },
              { header: 'OU path', value: (account) => account.ou_path },
              { header: 'Status', value: (account) => account.status },
              { header: 'Joined', value: (account) => account.joined_timestamp?.slice(0, 10) },
              { header: 'Method', value: (account) => account.joined_method },
            ],
            accounts,
          )}`,
        );
      }
      context.sink.info(`Wrote ${file}`);
    }

    context.stdout.write(
      renderTableFor(
        context.stdout,
        [
          { header: 'Account ID', value: (account) => account.account_id },
          { header: 'Name', value: (account) => account.account_name },
          { header: 'OU path', value: (account) => account.ou_path },
          { header: 'Status', value: (account) => account.status },
          { header: 'Tags', value: (account) => Object.keys(account.tags).length },
        ],
        accounts,
      ),
    );
    const directlyUnderRoot = accounts.filter(
      (account) => account.ou_path === 'Root' && !account.is_management,
    );
    context.sink.info(
      `${accounts.length} accounts (${accounts.filter((account) => account.status === 'ACTIVE').length} active), ` +
        `${inventory.units.length} OUs; ${directlyUnderRoot.length} member account(s) directly under Root`,
    );
    reportRequests(session.meter.snapshot(), context.sink);
    return { partialFailures: toPartialFailures(inventory.failures) };
  } finally {
    session.close();
  }
}
