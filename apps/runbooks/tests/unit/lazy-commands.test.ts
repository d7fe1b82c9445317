import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandContext, CommandOutcome } from '../../src/handle-errors.js';
import { runCli } from './helpers.js';

const discoverEc2 = vi.hoisted(() => ({
  run: vi.fn<(args: unknown, context: CommandContext) => Promise<CommandOutcome>>(),
}));
const listOrgAccounts = vi.hoisted(() => ({
  run: vi.fn<(args: unknown, context: CommandContext) => Promise<CommandOutcome>>(),
}));

vi.mock('../../src/commands/inventory/discover-ec2.impl.js', () => discoverEc2);
vi.mock('../../src/commands/inventory/list-org-accounts.impl.js', () => listOrgAccounts);

beforeEach(() => {
  discoverEc2.run.mockReset();
  listOrgAccounts.run.mockReset();
});

afterEach(() => {
  vi.unstubAllEnvs();
  process.exitCode = undefined;
});

describe('inventory discover-ec2', () => {
  it('hands the parsed and resolved flags to the implementation', async () => {
    // Prepare
    vi.stubEnv('AWS_OPERATIONS_PROFILE', 'ops-env');
    discoverEc2.run.mockResolvedValue({ partialFailures: [] });

    // Act
    const run = await runCli([
      'inventory',
      'discover-ec2',
      '--state',
      'stopped',
      '--regions',
      'us-east-1,eu-west-1',
      'ap-southeast-2',
      '--export',
      'csv',
    ]);

    // Assess
    expect(run).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(discoverEc2.run).toHaveBeenCalledTimes(1);
    expect(discoverEc2.run.mock.calls[0]?.[0]).toMatchObject({
      state: ['stopped'],
      regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
      opsProfile: 'ops-env',
      roleName: 'OrganizationAccountAccessRole',
      maxAttempts: 3,
      export: ['csv'],
      outputDir: 'data/outputs',
    });
  });

  it('gives the implementation a sink and stdout', async () => {
    // Prepare
    discoverEc2.run.mockImplementation(async (_args, context) => {
      context.stdout.write('table\n');
      context.sink.info('found 3 instances');
      context.sink.warn('Resource Explorer index is not aggregated');
      context.sink.debug('hidden without --verbose');
      return { partialFailures: [] };
    });

    // Act
    const run = await runCli(['inventory', 'discover-ec2']);

    // Assess
    expect(run).toEqual({
      exitCode: 0,
      stdout: 'table\n',
      stderr: 'found 3 instances\nWarning: Resource Explorer index is not aggregated\n',
    });
  });

  it('exits 2 and lists the failed scopes on stderr', async () => {
    // Prepare
    discoverEc2.run.mockResolvedValue({
      partialFailures: [
        { scope: '111111111111/eu-west-1', message: 'AccessDeniedException: not authorized' },
        { scope: '222222222222', message: 'could not assume OrganizationAccountAccessRole' },
      ],
    });

    // Act
    const run = await runCli(['inventory', 'discover-ec2', '--quiet']);

    // Assess
    expect(run).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'Completed, but 2 scopes failed:\n' +
        '  - 111111111111/eu-west-1: AccessDeniedException: not authorized\n' +
        '  - 222222222222: could not assume OrganizationAccountAccessRole\n',
    });
  });

  it('exits 1 when the implementation throws', async () => {
    // Prepare
    discoverEc2.run.mockRejectedValue(
      new Error('no credentials', { cause: new Error('profile ops not found') }),
    );

    // Act
    const run = await runCli(['inventory', 'discover-ec2']);

    // Assess
    expect(run).toEqual({
      exitCode: 1,
      stdout: '',
      stderr:
        'Error: no credentials\nCaused by: profile ops not found\nRun with --verbose to see the stack trace.\n',
    });
  });
});

describe('inventory list-org-accounts', () => {
  it('resolves the management profile from --profile over the environment', async () => {
    // Prepare
    vi.stubEnv('AWS_MANAGEMENT_PROFILE', 'mgmt-env');
    listOrgAccounts.run.mockResolvedValue({ partialFailures: [] });

    // Act
    const run = await runCli(['inventory', 'list-org-accounts', '--profile', 'mgmt-flag', '--export', 'csv']);

    // Assess
    expect(run.exitCode).toBe(0);
    expect(listOrgAccounts.run.mock.calls[0]?.[0]).toMatchObject({
      profile: 'mgmt-flag',
      mgmtProfile: 'mgmt-flag',
      export: ['csv'],
    });
  });

  it('uses $AWS_MANAGEMENT_PROFILE when no profile flag is given', async () => {
    // Prepare
    vi.stubEnv('AWS_MANAGEMENT_PROFILE', 'mgmt-env');
    listOrgAccounts.run.mockResolvedValue({ partialFailures: [] });

    // Act
    await runCli(['inventory', 'list-org-accounts']);

    // Assess
    expect(listOrgAccounts.run.mock.calls[0]?.[0]).toMatchObject({ mgmtProfile: 'mgmt-env' });
  });

  it('does not load the implementation for --help', async () => {
    // Act
    const run = await runCli(['inventory', 'list-org-accounts', '--help']);

    // Assess
    expect(run.exitCode).toBeUndefined();
    expect(listOrgAccounts.run).not.toHaveBeenCalled();
  });
});
