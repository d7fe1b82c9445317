/** moto's default account; it becomes the organization's management account. */
export const MANAGEMENT_ACCOUNT_ID = '123456789012';

/** Key of the management account in a seeded manifest. */
export const MANAGEMENT_ACCOUNT_KEY = 'management';

/** Static keys of the management account: moto maps any access key it did not issue to its default account. */
export const MANAGEMENT_CREDENTIALS = {
  accessKeyId: 'AKIASANDBOXMGMT00001',
  secretAccessKey: 'sandbox-management-secret-access-key',
} as const;

/** The role CreateAccount leaves in every member account, trusted by the management account. */
export const ACCESS_ROLE_NAME = 'OrganizationAccountAccessRole';

/** Region of the profiles, and of global services such as Organizations. */
export const HOME_REGION = 'us-east-1';
