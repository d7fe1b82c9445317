import { afterEach, describe, expect, it, vi } from 'vitest';
import yargs, { type Argv } from 'yargs';
import {
  type ExportFormat,
  parseList,
  resolveOutputPath,
  resolveProfiles,
  withExportOptions,
  withOutputOptions,
  withProfileOptions,
  withRegionsOption,
  withRetryOptions,
  withRoleOptions,
  withVerbosityOptions,
} from '../../src/options/shared-options.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Parse `args` with one builder, as a command would, failing with the yargs message. */
async function parseWith<T>(
  build: (argv: Argv) => Argv<T>,
  args: string[],
): Promise<Record<string, unknown>> {
  const cli = build(yargs().strict().exitProcess(false)).fail((message, error) => {
    throw error ?? new Error(message);
  });
  return (await cli.parseAsync(args)) as Record<string, unknown>;
}

describe('parseList', () => {
  it.each([
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
    [['a,b'], ['a', 'b']],
    [
      ['a, b', 'c'],
      ['a', 'b', 'c'],
    ],
    [
      ['a', 'a,b', 'b'],
      ['a', 'b'],
    ],
    [['', ',', ' '], []],
    ['a,b', ['a', 'b']],
    [undefined, []],
  ])('%j → %j', (input, expected) => {
    expect(parseList(input)).toEqual(expected);
  });
});

describe('withRegionsOption', () => {
  it.each([
    [
      ['--regions', 'us-east-1', 'eu-west-1'],
      ['us-east-1', 'eu-west-1'],
    ],
    [
      ['--regions', 'us-east-1,eu-west-1'],
      ['us-east-1', 'eu-west-1'],
    ],
    [
      ['--regions', 'us-east-1', '--regions', 'us-gov-west-1,us-east-1'],
      ['us-east-1', 'us-gov-west-1'],
    ],
  ])('%j → %j', async (args, regions) => {
    expect((await parseWith(withRegionsOption, args)).regions).toEqual(regions);
  });

  it('leaves regions undefined when the flag is absent (all enabled regions)', async () => {
    expect((await parseWith(withRegionsOption, [])).regions).toBeUndefined();
  });

  it('rejects values that are not region codes', async () => {
    await expect(parseWith(withRegionsOption, ['--regions', 'us-east-1,useast1,EU-WEST-1'])).rejects.toThrow(
      '--regions: not a region code: useast1, EU-WEST-1 (expected e.g. us-east-1)',
    );
  });

  it('rejects an empty list', async () => {
    await expect(parseWith(withRegionsOption, ['--regions', ','])).rejects.toThrow(
      '--regions needs at least one region',
    );
  });
});

describe('withExportOptions', () => {
  const csvJson = (argv: Argv) => withExportOptions(argv, ['csv', 'json']);

  it('defaults to no export', async () => {
    expect((await parseWith(csvJson, [])).export).toEqual([]);
  });

  it('uses the command default formats', async () => {
    const withDefault = (argv: Argv) => withExportOptions(argv, ['csv', 'json'], ['csv']);
    expect((await parseWith(withDefault, [])).export).toEqual(['csv']);
  });

  it('is repeatable', async () => {
    expect((await parseWith(csvJson, ['--export', 'json', '--export', 'csv'])).export).toEqual([
      'json',
      'csv',
    ]);
  });

  it.each<ExportFormat>(['pdf', 'html', 'markdown'])(
    'rejects %s when the command does not support it',
    async (format) => {
      await expect(parseWith(csvJson, ['--export', format])).rejects.toThrow(
        `Invalid values:\n  Argument: export, Given: "${format}", Choices: "csv", "json"`,
      );
    },
  );

  it('rejects a format no command supports', async () => {
    const all = (argv: Argv) => withExportOptions(argv, ['csv', 'json', 'markdown', 'html', 'pdf']);
    await expect(parseWith(all, ['--export', 'xlsx'])).rejects.toThrow('Given: "xlsx"');
  });
});

describe('withProfileOptions', () => {
  it('fills each role profile from its environment variable', async () => {
    // Prepare
    vi.stubEnv('AWS_OPERATIONS_PROFILE', 'ops');
    vi.stubEnv('AWS_MANAGEMENT_PROFILE', 'mgmt');
    vi.stubEnv('AWS_BILLING_PROFILE', 'billing');

    // Act
    const argv = await parseWith(withProfileOptions, []);

    // Assess
    expect(argv).toMatchObject({
      opsProfile: 'ops',
      'ops-profile': 'ops',
      mgmtProfile: 'mgmt',
      'mgmt-profile': 'mgmt',
      billingProfile: 'billing',
      'billing-profile': 'billing',
    });
    expect(argv.profile).toBeUndefined();
  });

  it('rejects a profile flag without a value', async () => {
    await expect(parseWith(withProfileOptions, ['--ops-profile'])).rejects.toThrow(
      'Not enough arguments following: ops-profile',
    );
  });
});

describe('resolveProfiles', () => {
  const env = {
    AWS_OPERATIONS_PROFILE: 'ops-env',
    AWS_MANAGEMENT_PROFILE: 'mgmt-env',
    AWS_BILLING_PROFILE: '',
  };

  it('orders role flag, --profile, environment, default chain', () => {
    expect(resolveProfiles({}, env)).toEqual({
      opsProfile: 'ops-env',
      mgmtProfile: 'mgmt-env',
      billingProfile: undefined,
    });
    expect(resolveProfiles({ profile: 'p' }, env)).toEqual({
      opsProfile: 'p',
      mgmtProfile: 'p',
      billingProfile: 'p',
    });
    expect(resolveProfiles({ profile: 'p', mgmtProfile: 'm' }, env)).toEqual({
      opsProfile: 'p',
      mgmtProfile: 'm',
      billingProfile: 'p',
    });
    expect(resolveProfiles({}, {})).toEqual({
      opsProfile: undefined,
      mgmtProfile: undefined,
      billingProfile: undefined,
    });
  });
});

describe('withRoleOptions', () => {
  it('defaults to OrganizationAccountAccessRole', async () => {
    expect((await parseWith(withRoleOptions, [])).roleName).toBe('OrganizationAccountAccessRole');
  });

  it('accepts another role and rejects a role ARN', async () => {
    expect((await parseWith(withRoleOptions, ['--role-name', 'InventoryReader'])).roleName).toBe(
      'InventoryReader',
    );
    await expect(parseWith(withRoleOptions, ['--role-name', 'arn:aws:iam::1:role/x'])).rejects.toThrow(
      '--role-name: not an IAM role name: arn:aws:iam::1:role/x',
    );
  });
});

describe('withRetryOptions', () => {
  it('defaults to 3 attempts', async () => {
    expect((await parseWith(withRetryOptions, [])).maxAttempts).toBe(3);
  });

  it.each(['0', '21', '1.5', 'many'])('rejects --max-attempts %s', async (value) => {
    await expect(parseWith(withRetryOptions, ['--max-attempts', value])).rejects.toThrow(
      '--max-attempts must be an integer from 1 to 20',
    );
  });
});

describe('withOutputOptions', () => {
  it('defaults --output-dir to data/outputs and leaves --output-file unset', async () => {
    const argv = await parseWith(withOutputOptions, []);
    expect(argv.outputDir).toBe('data/outputs');
    expect(argv.outputFile).toBeUndefined();
  });
});

describe('resolveOutputPath', () => {
  it.each([
    [{ outputDir: 'data/outputs' }, 'csv', 'data/outputs/ec2-scored.csv'],
    [{ outputDir: 'out', outputFile: 'executive-monthly.html' }, 'pdf', 'out/executive-monthly.pdf'],
    [{ outputDir: 'out', outputFile: 'executive-monthly.html' }, 'markdown', 'out/executive-monthly.md'],
    [{ outputDir: 'out', outputFile: 'reports/board' }, 'html', 'reports/board.html'],
    [{ outputDir: 'out', outputFile: '/tmp/board.md' }, 'json', '/tmp/board.json'],
  ] as const)('%j as %s → %s', (args, format, expected) => {
    expect(resolveOutputPath(args, format, 'ec2-scored')).toBe(expected);
  });
});

describe('withVerbosityOptions', () => {
  it('leaves both flags unset by default', async () => {
    const argv = await parseWith(withVerbosityOptions, []);
    expect([argv.verbose, argv.quiet]).toEqual([undefined, undefined]);
  });

  it('rejects --verbose with --quiet', async () => {
    await expect(parseWith(withVerbosityOptions, ['--verbose', '--quiet'])).rejects.toThrow(
      'Arguments verbose and quiet are mutually exclusive',
    );
  });
});
