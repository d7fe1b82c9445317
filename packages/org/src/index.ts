export { OrganizationAccessError, OrgError } from './errors.js';
export {
  type ListOrganizationOptions,
  listOrganization,
  type OrganizationInventory,
} from './list-organization.js';
