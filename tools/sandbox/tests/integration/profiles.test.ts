import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { countRequests, createAdminClient } from '../../src/admin-client.js';
import { MANAGEMENT_ACCOUNT_ID, MANAGEMENT_CREDENTIALS } from '../../src/constants.js';
import { applySandboxEnv } from '../../src/env.js';
import { BILLING_PROFILE, MANAGEMENT_PROFILE } from '../../src/profiles.js';
import { profileOf, useSandbox } from './helpers.js';

const sandbox = useSandbox();
const admin = createAdminClient(sandbox.endpoint);

afterEach(() => {
  applySandboxEnv(sandbox.env);
});

async function callerAccount(client: STSClient): Promise<string | undefined> {
  return (await client.send(new GetCallerIdentityCommand({}))).Account;
}

describe('sandbox profiles', () => {
  it('resolves sandbox-ops through a role chain to the ops account', async () => {
    // Act
    const account = await callerAccount(new STSClient({ profile: profileOf('ops') }));

    // Assess
    expect(account).toBe(sandbox.seeded.accounts.ops?.id);
  });

  it('resolves sandbox-mgmt from static keys to the management account', async () => {
    expect(await callerAccount(new STSClient({ profile: MANAGEMENT_PROFILE }))).toBe(MANAGEMENT_ACCOUNT_ID);
  });

  it('resolves sandbox-billing through credential_process', async () => {
    // Prepare
    const config = await readFile(sandbox.configFile, 'utf8');

    // Act
    const account = await callerAccount(new STSClient({ profile: BILLING_PROFILE }));

    // Assess
    expect(config).toMatch(/\[profile sandbox-billing\]\ncredential_process = .*credential-process\.mjs/);
    expect(account).toBe(MANAGEMENT_ACCOUNT_ID);
  });

  it('reaches the sandbox through AWS_ENDPOINT_URL alone, for clients built with explicit credentials', async () => {
    // Prepare
    const client = new STSClient({ credentials: { ...MANAGEMENT_CREDENTIALS } });

    // Act
    const account = await callerAccount(client);

    // Assess
    expect(account).toBe(MANAGEMENT_ACCOUNT_ID);
  });

  it('sends the role chain’s own AssumeRole to AWS_ENDPOINT_URL when the profile names no endpoint', async () => {
    // Prepare
    const configFile = join(sandbox.stateDir, 'config-without-endpoints');
    const config = await readFile(sandbox.configFile, 'utf8');
    await writeFile(configFile, config.replace(/^endpoint_url = .*\n/gm, ''));
    process.env.AWS_CONFIG_FILE = configFile;
    const before = countRequests(await admin.requestCounts(), { service: 'sts', operation: 'AssumeRole' });

    // Act
    const account = await callerAccount(new STSClient({ profile: profileOf('prod-app') }));

    // Assess
    expect(account).toBe(sandbox.seeded.accounts['prod-app']?.id);
    expect(countRequests(await admin.requestCounts(), { service: 'sts', operation: 'AssumeRole' })).toBe(
      before + 1,
    );
  });

  // Only there: SDK v3 reads endpoint_url from the AWS_PROFILE profile, never from a client's `profile`
  // option nor inside a role chain, which is why the sandbox env exports AWS_ENDPOINT_URL.
  it('honours the endpoint_url of the profile AWS_PROFILE selects', async () => {
    // Prepare
    delete process.env.AWS_ENDPOINT_URL;
    process.env.AWS_PROFILE = MANAGEMENT_PROFILE;

    // Act
    const account = await callerAccount(new STSClient({}));

    // Assess
    expect(account).toBe(MANAGEMENT_ACCOUNT_ID);
  });
});
