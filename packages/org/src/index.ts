export { OrganizationAccessError, OrgError } from './errors.js';
export {
  type AccountSummary,
  type ListOrganizationOptions,
  listAccounts,
  listOrganization,
  type OrganizationInventory,
} from './list-organization.js';
