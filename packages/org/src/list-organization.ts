import {
  type Account,
  DescribeOrganizationCommand,
  type OrganizationsClient,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
  paginateListTagsForResource,
} from '@aws-sdk/client-organizations';
import { fanOut, type ServiceLimits } from '@inv/aws';
import {
  type OrgAccount,
  type OrganizationalUnit,
  type RunSink,
  type ScopeFailure,
  silentSink,
} from '@inv/schema';
import { OrganizationAccessError, OrgError } from './errors.js';

/** The organization's structure: every OU with its path, every account with its OU path and tags. */
export interface OrganizationInventory {
  organizationId: string;
  managementAccountId: string;
  units: OrganizationalUnit[];
  /** Sorted by OU path, then account name. */
  accounts: OrgAccount[];
  /** Accounts whose tags could not be read: listed, not dropped. */
  failures: ScopeFailure[];
}

export interface ListOrganizationOptions {
  /** An Organizations client of the management account or a delegated administrator. */
  organizations: OrganizationsClient;
  sink?: RunSink;
  limits?: Partial<ServiceLimits>;
}

const ACCESS_ERRORS = new Set(['AccessDeniedException', 'AWSOrganizationsNotInUseException']);

function statusOf(account: Account): OrgAccount['status'] {
  const status = account.Status ?? account.State;
  if (!status) throw new OrgError(`Organizations returned account ${account.Id} without a status`);
  return status as OrgAccount['status'];
}

async function describeOrganization(organizations: OrganizationsClient) {
  try {
    return (await organizations.send(new DescribeOrganizationCommand({}))).Organization;
  } catch (error) {
    if (error instanceof Error && ACCESS_ERRORS.has(error.name))
      throw new OrganizationAccessError({ cause: error });
    throw error;
  }
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) items.push(page);
  return items;
}

/**
 * Reads the whole organization by walking it from the root: one ListOrganizationalUnitsForParent
 * and one ListAccountsForParent per OU (cheaper than ListParents per account), then one
 * ListTagsForResource per account.
 *
 * @throws {OrganizationAccessError} when the credentials cannot read the organization
 *
 * @example
 * ```ts
 * const { accounts } = await listOrganization({ organizations: new OrganizationsClient({ region: 'us-east-1' }) });
 * ```
 */
export async function listOrganization(options: ListOrganizationOptions): Promise<OrganizationInventory> {
  const { organizations } = options;
  const sink = options.sink ?? silentSink;
  let organization: { Id?: string; MasterAccountId?: string } | undefined;
  try {
    organization = (await organizations.send(new DescribeOrganizationCommand({}))).Organization;
  } catch (error) {
    if (error instanceof Error && ACCESS_ERRORS.has(error.name))
      throw new OrganizationAccessError({ cause: error });
    throw error;
  }
  const roots = (await collect(paginateListRoots({ client: organizations }, {}))).flatMap(
    (page) => page.Roots ?? [],
  );

  const units: OrganizationalUnit[] = [];
  const placed: Array<{ account: Account; ouPath: string }> = [];
  let frontier = roots.map((root) => ({ id: root.Id ?? '', path: 'Root' }));
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const parent of frontier) {
      const [children, accounts] = await Promise.all([
        collect(paginateListOrganizationalUnitsForParent({ client: organizations }, { ParentId: parent.id })),
        collect(paginateListAccountsForParent({ client: organizations }, { ParentId: parent.id })),
      ]);
      for (const unit of children.flatMap((page) => page.OrganizationalUnits ?? [])) {
        const path = `${parent.path}/${unit.Name}`;
        units.push({ ou_id: unit.Id ?? '', ou_name: unit.Name ?? '', ou_path: path, parent_id: parent.id });
        next.push({ id: unit.Id ?? '', path });
      }
      for (const account of accounts.flatMap((page) => page.Accounts ?? []))
        placed.push({ account, ouPath: parent.path });
    }
    frontier = next;
    sink.debug(`organization: ${units.length} OUs and ${placed.length} accounts so far`);
  }

  const tagged = await fanOut(
    placed.map(({ account }) => ({
      accountId: account.Id ?? '',
      region: null,
      service: 'organizations',
      run: async () => {
        const pages = await collect(
          paginateListTagsForResource({ client: organizations }, { ResourceId: account.Id }),
        );
        return Object.fromEntries(
          pages.flatMap((page) => page.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']),
        );
      },
    })),
    { label: 'account tags', sink, limits: options.limits },
  );
  const tagsByAccount = new Map(tagged.values.map(({ task, value }) => [task.accountId, value]));

  const accounts = placed.map(
    ({ account, ouPath }): OrgAccount => ({
      account_id: account.Id ?? '',
      account_name: account.Name ?? '',
      email: account.Email ?? '',
      status: statusOf(account),
      joined_method: (account.JoinedMethod ?? null) as OrgAccount['joined_method'],
      joined_timestamp: account.JoinedTimestamp?.toISOString() ?? null,
      ou_path: ouPath,
      is_management: account.Id === organization?.MasterAccountId,
      tags: tagsByAccount.get(account.Id ?? '') ?? {},
    }),
  );
  accounts.sort((a, b) => a.ou_path.localeCompare(b.ou_path) || a.account_name.localeCompare(b.account_name));
  units.sort((a, b) => a.ou_path.localeCompare(b.ou_path));
  return {
    organizationId: organization?.Id ?? '',
    managementAccountId: organization?.MasterAccountId ?? '',
    units,
    accounts,
    failures: tagged.failures,
  };
}

/** An account as discovery needs it: no OU path, no tags. */
export interface AccountSummary {
  accountId: string;
  accountName: string;
  status: OrgAccount['status'];
  isManagement: boolean;
}

/**
 * Lists the organization's accounts with one paginated ListAccounts: the cheap call for commands
 * that only need to know which accounts to look into.
 *
 * @throws {OrganizationAccessError} when the credentials cannot read the organization
 *
 * @example
 * ```ts
 * const active = (await listAccounts(organizations)).filter((account) => account.status === 'ACTIVE');
 * ```
 */
export async function listAccounts(organizations: OrganizationsClient): Promise<AccountSummary[]> {
  const organization = await describeOrganization(organizations);
  const pages = await collect(paginateListAccounts({ client: organizations }, {}));
  return pages
    .flatMap((page) => page.Accounts ?? [])
    .map((account) => ({
      accountId: account.Id ?? '',
      accountName: account.Name ?? '',
      status: statusOf(account),
      isManagement: account.Id === organization?.MasterAccountId,
    }))
    .sort((a, b) => a.accountName.localeCompare(b.accountName));
}
