import { EC2Client } from '@aws-sdk/client-ec2';
import { type AwsSession, DEFAULT_ROLE_NAMES, enabledRegions, openSession } from '@inv/aws';
import { discoverEc2 } from '@inv/discovery';
import { listAccounts } from '@inv/org';
import { type Ec2Instance, Ec2InstanceSchema, writeCsv, writeJson } from '@inv/schema';
import type { CommandContext, CommandOutcome } from '../../handle-errors.js';
import { renderTableFor } from '../../io/table.js';
import { resolveOutputPath } from '../../options/shared-options.js';
import { organizationsClient, reportRequests, toPartialFailures } from '../../run/aws-run.js';
import type { DiscoverEc2Args } from './discover-ec2.js';

interface ScopeCount {
  accountName: string;
  accountId: string;
  region: string;
  byState: Map<string, number>;
}

function countByScope(instances: readonly Ec2Instance[]): ScopeCount[] {
  const scopes = new Map<string, ScopeCount>();
  for (const instance of instances) {
    const key = `${instance.account_id}/${instance.region}`;
    let scope = scopes.get(key);
    if (!scope) {
      scope = {
        accountName: instance.account_name,
        accountId: instance.account_id,
        region: instance.region,
        byState: new Map(),
      };
      scopes.set(key, scope);
    }
    scope.byState.set(instance.state, (scope.byState.get(instance.state) ?? 0) + 1);
  }
  return [...scopes.values()];
}

/**
 * `runbooks inventory discover-ec2`: the instances of every active account of the organization in
 * every requested region. Accounts come from the management profile when given, else from the
 * operations profile (a delegated administrator); member accounts are entered by assuming
 * `--role-name`, then AWSControlTowerExecution.
 */
export async function run(args: DiscoverEc2Args, context: CommandContext): Promise<CommandOutcome> {
  const roleNames = [...new Set([args.roleName, ...DEFAULT_ROLE_NAMES])];
  const ops = await openSession({ profile: args.opsProfile, roleNames, maxAttempts: args.maxAttempts });
  let management: AwsSession | undefined;
  try {
    management =
      args.mgmtProfile && args.mgmtProfile !== args.opsProfile
        ? await openSession({ profile: args.mgmtProfile, maxAttempts: args.maxAttempts, meter: ops.meter })
        : undefined;
    const orgSession = management ?? ops;
    const accounts = await listAccounts(organizationsClient(orgSession));
    const active = accounts.filter((account) => account.status === 'ACTIVE');
    if (active.length < accounts.length) {
      context.sink.info(`Skipping ${accounts.length - active.length} account(s) that are not ACTIVE`);
    }

    const regions =
      args.regions ??
      (await enabledRegions(
        ops.factory.client(EC2Client, { accountId: ops.identity.accountId, region: ops.region }),
      ));
    context.sink.info(
      `Discovering EC2 in ${active.length} account(s) × ${regions.length} region(s)` +
        (args.state ? `, state ${args.state.join(' or ')}` : ''),
    );

    const { instances, failures } = await discoverEc2({
      accounts: active,
      regions,
      clients: ops.factory,
      enterAccount: (accountId) => ops.assumer.credentialsFor(accountId),
      states: args.state,
      sink: context.sink,
    });

    // A filtered run gets its own file, so it never replaces the full inventory later layers read.
    const fileStem = args.state ? `ec2-inventory-${args.state.join('-')}` : 'ec2-inventory';
    for (const format of args.export) {
      const file = resolveOutputPath(args, format, fileStem);
      if (format === 'csv') await writeCsv(file, Ec2InstanceSchema, instances);
      else await writeJson(file, Ec2InstanceSchema, instances);
      context.sink.info(`Wrote ${instances.length} instance(s) to ${file}`);
    }

    const states = [...new Set(instances.map((instance) => instance.state))].sort();
    context.stdout.write(
      renderTableFor(
        context.stdout,
        [
          { header: 'Account', value: (scope: ScopeCount) => scope.accountName },
          { header: 'Account ID', value: (scope) => scope.accountId },
          { header: 'Region', value: (scope) => scope.region },
          ...states.map((state) => ({
            header: state,
            value: (scope: ScopeCount) => scope.byState.get(state) ?? 0,
          })),
        ],
        countByScope(instances),
      ),
    );
    const unreachable = failures.filter((failure) => failure.region === null).length;
    context.sink.info(
      `${instances.length} instance(s) in ${active.length - unreachable} of ${active.length} account(s)`,
    );
    reportRequests(ops.meter.snapshot(), context.sink);
    return { partialFailures: toPartialFailures(failures) };
  } finally {
    ops.close();
    management?.close();
  }
}
