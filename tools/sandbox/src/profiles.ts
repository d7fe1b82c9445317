import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACCESS_ROLE_NAME, HOME_REGION, MANAGEMENT_CREDENTIALS } from './constants.js';
import type { SeededEstate } from './manifest.js';

/** Static management keys in the credentials file. */
export const MANAGEMENT_PROFILE = 'sandbox-mgmt';
/** Management keys again, but handed out by a credential_process helper. */
export const BILLING_PROFILE = 'sandbox-billing';

/** The role-chain profile of a member account: sandbox-ops, sandbox-log-archive... */
export function accountProfile(accountKey: string): string {
  return `sandbox-${accountKey}`;
}

const CREDENTIAL_PROCESS = fileURLToPath(new URL('../bin/credential-process.mjs', import.meta.url));

export interface ProfileFiles {
  configFile: string;
  credentialsFile: string;
  /** Every profile written, management and billing first. */
  profiles: string[];
}

function section(header: string, settings: Record<string, string>): string {
  const lines = Object.entries(settings).map(([name, value]) => `${name} = ${value}`);
  return `[${header}]\n${lines.join('\n')}\n`;
}

/**
 * Writes an AWS config and credentials file with the sandbox's named profiles, so clients resolve
 * credentials through the real providers: static keys, role chaining and credential_process.
 */
export async function writeProfiles(
  stateDir: string,
  endpoint: string,
  seeded: SeededEstate,
): Promise<ProfileFiles> {
  const configFile = join(stateDir, 'config');
  const credentialsFile = join(stateDir, 'credentials');
  const common = { region: HOME_REGION, endpoint_url: endpoint };
  const profiles: Record<string, Record<string, string>> = {
    [MANAGEMENT_PROFILE]: common,
    [BILLING_PROFILE]: {
      // sh runs this line, so the paths are quoted.
      credential_process: [process.execPath, CREDENTIAL_PROCESS, credentialsFile]
        .map((part) => JSON.stringify(part))
        .concat(MANAGEMENT_PROFILE)
        .join(' '),
      ...common,
    },
  };
  for (const account of Object.values(seeded.accounts)) {
    if (account.management) continue;
    profiles[accountProfile(account.key)] = {
      role_arn: `arn:aws:iam::${account.id}:role/${ACCESS_ROLE_NAME}`,
      source_profile: MANAGEMENT_PROFILE,
      role_session_name: accountProfile(account.key),
      ...common,
    };
  }
  const config = Object.entries(profiles).map(([name, settings]) => section(`profile ${name}`, settings));
  const credentials = section(MANAGEMENT_PROFILE, {
    aws_access_key_id: MANAGEMENT_CREDENTIALS.accessKeyId,
    aws_secret_access_key: MANAGEMENT_CREDENTIALS.secretAccessKey,
  });
  await writeFile(configFile, config.join('\n'));
  await writeFile(credentialsFile, credentials, { mode: 0o600 });
  return { configFile, credentialsFile, profiles: Object.keys(profiles) };
}
