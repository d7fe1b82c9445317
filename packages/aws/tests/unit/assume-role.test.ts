import { STSClient } from '@aws-sdk/client-sts';
import { assumeRoleOk, cannedHandler, staticCredentials, stsError } from '@inv/test-utils';
import { describe, expect, it } from 'vitest';
import { AssumeRoleError, RoleAssumer } from '../../src/index.js';

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const baseCredentials = async () => staticCredentials;

function assumerWith(responses: Parameters<typeof cannedHandler>[0]) {
  const canned = cannedHandler(responses);
  const stsClient = new STSClient({
    region: 'us-east-1',
    credentials: staticCredentials,
    requestHandler: canned.handler,
    maxAttempts: 1,
  });
  return {
    canned,
    assumer: new RoleAssumer({
      baseCredentials,
      homeAccountId: '111122223333',
      region: 'us-east-1',
      stsClient,
    }),
  };
}

describe('RoleAssumer', () => {
  it('uses the home account credentials without assuming a role', async () => {
    const { canned, assumer } = assumerWith([]);

    expect(await (await assumer.credentialsFor('111122223333'))()).toEqual(staticCredentials);
    expect(canned.requests).toHaveLength(0);
  });

  it('falls back to AWSControlTowerExecution when the Organizations role is denied, once per account', async () => {
    // Prepare
    const { canned, assumer } = assumerWith([
      { status: 403, body: stsError('AccessDenied') },
      { status: 200, body: assumeRoleOk('ASIACT', inAnHour()) },
    ]);

    // Act
    const first = await (await assumer.credentialsFor('444455556666'))();
    const second = await (await assumer.credentialsFor('444455556666'))();

    // Assess
    expect(first.accessKeyId).toBe('ASIACT');
    expect(second.accessKeyId).toBe('ASIACT');
    expect(
      canned.requests.map((request) => decodeURIComponent(request.body).match(/role\/(\w+)/)?.[1]),
    ).toEqual(['OrganizationAccountAccessRole', 'AWSControlTowerExecution']);
  });

  it('names the account and every role tried when none can be assumed', async () => {
    const { assumer } = assumerWith([
      { status: 403, body: stsError('AccessDenied') },
      { status: 403, body: stsError('AccessDenied') },
    ]);

    const error = await assumer.credentialsFor('444455556666').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AssumeRoleError);
    expect((error as Error).message).toBe(
      'could not assume OrganizationAccountAccessRole or AWSControlTowerExecution in account 444455556666: AccessDenied: AccessDenied for test',
    );
  });

  it('does not try the next role after an error other than access denied', async () => {
    const { canned, assumer } = assumerWith([{ status: 500, body: stsError('InternalFailure') }]);

    await expect(assumer.credentialsFor('444455556666')).rejects.toBeInstanceOf(AssumeRoleError);
    expect(canned.requests).toHaveLength(1);
  });

  it('renews credentials that are about to expire', async () => {
    const { assumer } = assumerWith([
      { status: 200, body: assumeRoleOk('ASIAOLD', new Date(Date.now() + 60_000).toISOString()) },
      { status: 200, body: assumeRoleOk('ASIANEW', inAnHour()) },
    ]);

    const provider = await assumer.credentialsFor('444455556666');

    expect((await provider()).accessKeyId).toBe('ASIANEW');
  });
});
