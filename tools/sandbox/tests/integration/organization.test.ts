import {
  type Account,
  ListAccountsCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
  paginateListAccounts,
} from '@aws-sdk/client-organizations';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Estate, loadEstate } from '../../src/estate.js';
import { MANAGEMENT_PROFILE } from '../../src/profiles.js';
import { DEFAULT_ESTATE_FILE, useSandbox } from './helpers.js';

const sandbox = useSandbox();
let estate: Estate;
let org: OrganizationsClient;
let accounts: Account[];

beforeAll(async () => {
  estate = await loadEstate(DEFAULT_ESTATE_FILE);
  org = new OrganizationsClient({ profile: MANAGEMENT_PROFILE });
  accounts = [];
  for await (const page of paginateListAccounts({ client: org }, {})) accounts.push(...(page.Accounts ?? []));
});

/** OU path to id, walked from the root through the API. */
async function ouTree(): Promise<Map<string, string>> {
  const rootId = (await org.send(new ListRootsCommand({}))).Roots?.[0]?.Id ?? '';
  const tree = new Map<string, string>();
  const walk = async (parentId: string, prefix: string): Promise<void> => {
    const out = await org.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parentId }));
    for (const ou of out.OrganizationalUnits ?? []) {
      const path = prefix === '' ? (ou.Name ?? '') : `${prefix}/${ou.Name}`;
      tree.set(path, ou.Id ?? '');
      await walk(ou.Id ?? '', path);
    }
  };
  await walk(rootId, '');
  return tree;
}

describe('seeded organization', () => {
  it('has exactly the management account and every member of the estate', () => {
    // Assess
    expect(accounts).toHaveLength(1 + estate.accounts.length);
    expect(accounts.map((account) => account.Id).sort()).toEqual(
      Object.values(sandbox.seeded.accounts)
        .map((account) => account.id)
        .sort(),
    );
    expect(accounts.find((account) => account.Id === '123456789012')).toBeDefined();
  });

  it('has the OU tree of the estate, nested OUs included', async () => {
    // Act
    const tree = await ouTree();

    // Assess
    expect([...tree.keys()].sort()).toEqual(['Workloads', ...estate.organization.ous].sort());
    expect(Object.fromEntries(tree)).toEqual(sandbox.seeded.ous);
  });

  it('places each member in its OU, or directly under Root', async () => {
    // Prepare
    const tree = await ouTree();
    const rootId = sandbox.seeded.rootId;

    // Act / Assess
    for (const member of estate.accounts) {
      const id = sandbox.seeded.accounts[member.key]?.id;
      const parents = await org.send(new ListParentsCommand({ ChildId: id }));
      const expected = member.ou === undefined ? rootId : tree.get(member.ou);
      expect(
        parents.Parents?.map((parent) => parent.Id),
        member.key,
      ).toEqual([expected]);
    }
  });

  it('gives members their names, emails, status and tags', async () => {
    for (const member of estate.accounts) {
      // Act
      const id = sandbox.seeded.accounts[member.key]?.id;
      const account = accounts.find((candidate) => candidate.Id === id);
      const tags = await org.send(new ListTagsForResourceCommand({ ResourceId: id }));

      // Assess
      expect(account, member.key).toMatchObject({
        Name: member.name,
        Email: member.email,
        Status: member.status,
      });
      expect(Object.fromEntries((tags.Tags ?? []).map((tag) => [tag.Key, tag.Value])), member.key).toEqual(
        member.tags,
      );
    }
  });

  it('has at least one suspended account, closed through CloseAccount', async () => {
    // Act
    const out = await org.send(new ListAccountsCommand({}));

    // Assess
    expect(out.Accounts?.filter((account) => account.Status === 'SUSPENDED').length).toBeGreaterThan(0);
  });
});
