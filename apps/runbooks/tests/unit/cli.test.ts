import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { helpOf, parseCli, runCli } from './helpers.js';

afterEach(() => {
  vi.unstubAllEnvs();
  process.exitCode = undefined;
});

const PROFILE_FLAGS = ['--profile', '--ops-profile', '--mgmt-profile', '--billing-profile', '--max-attempts'];
const CROSS_ACCOUNT_FLAGS = ['--role-name'];
const REGION_FLAGS = ['--regions'];
const EXPORT_FLAGS = ['--export', '--output-dir', '--output-file'];
const LOGGING_FLAGS = ['--verbose', '--quiet'];

/** Every leaf command, the flags its help must list, and the formats `--export` accepts. */
const LEAF_COMMANDS: ReadonlyArray<{ path: string[]; flags: string[]; exports?: string[] }> = [
  {
    path: ['inventory', 'workflow-multi-account'],
    flags: [
      '--persona',
      ...PROFILE_FLAGS,
      ...CROSS_ACCOUNT_FLAGS,
      ...REGION_FLAGS,
      ...EXPORT_FLAGS,
      ...LOGGING_FLAGS,
    ],
    exports: ['csv', 'json', 'markdown', 'html'],
  },
  {
    path: ['inventory', 'score-decommission'],
    flags: ['--input', '--resource-type', ...EXPORT_FLAGS, ...LOGGING_FLAGS],
    exports: ['csv', 'json'],
  },
  {
    path: ['inventory', 'enrich-activity'],
    flags: [
      '--lookback-days',
      ...PROFILE_FLAGS,
      ...CROSS_ACCOUNT_FLAGS,
      ...REGION_FLAGS,
      ...EXPORT_FLAGS,
      ...LOGGING_FLAGS,
    ],
    exports: ['csv', 'json'],
  },
  {
    path: ['inventory', 'validate-mcp'],
    flags: [
      '--validation-level',
      '--min-accuracy',
      ...PROFILE_FLAGS,
      ...CROSS_ACCOUNT_FLAGS,
      ...REGION_FLAGS,
      ...EXPORT_FLAGS,
      ...LOGGING_FLAGS,
    ],
    exports: ['json', 'markdown'],
  },
  {
    path: ['inventory', 'draw-org'],
    flags: ['--format', ...PROFILE_FLAGS, '--output-dir', '--output-file', ...LOGGING_FLAGS],
  },
  {
    path: ['inventory', 'check-landingzone'],
    flags: [...PROFILE_FLAGS, ...CROSS_ACCOUNT_FLAGS, ...EXPORT_FLAGS, ...LOGGING_FLAGS],
    exports: ['csv', 'json', 'markdown'],
  },
  {
    path: ['inventory', 'cfn', 'drift'],
    flags: [...PROFILE_FLAGS, ...CROSS_ACCOUNT_FLAGS, ...REGION_FLAGS, ...EXPORT_FLAGS, ...LOGGING_FLAGS],
    exports: ['csv', 'json', 'markdown'],
  },
  {
    path: ['inventory', 'tag-coverage'],
    flags: [
      '--required-tags',
      ...PROFILE_FLAGS,
      ...CROSS_ACCOUNT_FLAGS,
      ...REGION_FLAGS,
      ...EXPORT_FLAGS,
      ...LOGGING_FLAGS,
    ],
    exports: ['csv', 'json', 'markdown'],
  },
  {
    path: ['inventory', 'list-org-accounts'],
    flags: [...PROFILE_FLAGS, ...EXPORT_FLAGS, ...LOGGING_FLAGS],
    exports: ['csv', 'json', 'markdown'],
  },
  {
    path: ['inventory', 'discover-ec2'],
    flags: [
      '--state',
      ...PROFILE_FLAGS,
      ...CROSS_ACCOUNT_FLAGS,
      ...REGION_FLAGS,
      ...EXPORT_FLAGS,
      ...LOGGING_FLAGS,
    ],
    exports: ['csv', 'json'],
  },
  {
    path: ['inventory', 'discover-s3'],
    flags: [...PROFILE_FLAGS, ...CROSS_ACCOUNT_FLAGS, ...REGION_FLAGS, ...EXPORT_FLAGS, ...LOGGING_FLAGS],
    exports: ['csv', 'json'],
  },
  {
    path: ['finops', 'analyze-ec2'],
    flags: [...PROFILE_FLAGS, ...EXPORT_FLAGS, ...LOGGING_FLAGS],
    exports: ['csv', 'json', 'markdown'],
  },
  {
    path: ['finops', 'dashboard'],
    flags: [
      '--mode',
      '--timeframe',
      '--cost-metric',
      '--top-n',
      '--sort-by',
      '--validation-level',
      ...PROFILE_FLAGS,
      ...EXPORT_FLAGS,
      ...LOGGING_FLAGS,
    ],
    exports: ['csv', 'json', 'markdown', 'html', 'pdf'],
  },
];

const COMMANDS = LEAF_COMMANDS.map((command) => ({ ...command, name: command.path.join(' ') }));

/** The `--flag` names listed in the option sections of a help text (examples left out). */
function flagsIn(help: string): string[] {
  const options = help.split('\nExamples:\n')[0] ?? '';
  return [...options.matchAll(/^ {2}(?:-\w, | {4})(--[a-z][a-z-]*)/gm)].map((match) => match[1] ?? '');
}

describe('command tree', () => {
  it.each([
    [
      ['inventory'],
      [
        'workflow-multi-account',
        'list-org-accounts',
        'discover-ec2',
        'discover-s3',
        'enrich-activity',
        'score-decommission',
        'validate-mcp',
        'draw-org',
        'check-landingzone',
        'cfn',
        'tag-coverage',
      ],
    ],
    [['inventory', 'cfn'], ['drift']],
    [['finops'], ['analyze-ec2', 'dashboard']],
    [[], ['inventory', 'finops']],
  ])('runbooks %j lists exactly its subcommands', async (path, subcommands) => {
    // Act
    const help = await helpOf(path);

    // Assess
    const prefix = ['runbooks', ...path].join(' ');
    const listed = [...help.matchAll(new RegExp(`^  ${prefix} ([a-z0-9-]+)`, 'gm'))].map((match) => match[1]);
    expect(listed.sort()).toEqual([...subcommands].sort());
  });

  it.each(COMMANDS)('runbooks $name declares exactly its flags', async ({ path, flags }) => {
    // Act
    const help = await helpOf(path);

    // Assess
    expect(flagsIn(help).sort()).toEqual([...flags, '--help', '--version'].sort());
  });

  it.each(COMMANDS.filter((command) => command.exports !== undefined))(
    'runbooks $name offers exactly its export formats',
    async ({ path, exports }) => {
      // Act
      const help = await helpOf(path);

      // Assess
      const line = help.slice(help.indexOf('--export'), help.indexOf('--output-dir'));
      const choices = /\[choices: ([^\]]+)\]/.exec(line.replace(/\s+/g, ' '))?.[1];
      expect(choices).toBe((exports ?? []).map((format) => `"${format}"`).join(', '));
    },
  );
});

describe('runbooks', () => {
  it('prints the package.json version with --version', async () => {
    // Prepare
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

    // Act
    const run = await runCli(['--version']);

    // Assess
    expect(run).toEqual({ exitCode: undefined, stdout: `${manifest.version}\n`, stderr: '' });
  });

  it('fails with exit 1 and the top-level help when no command is given', async () => {
    // Act
    const run = await runCli([]);

    // Assess
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('runbooks <command> [options]');
    expect(run.stderr.endsWith('\nError: Choose a command.\n')).toBe(true);
  });

  it.each([
    [['inventory'], 'Error: Choose an inventory command.\n'],
    [['inventory', 'cfn'], 'Error: Choose a cfn command.\n'],
    [['finops'], 'Error: Choose a finops command.\n'],
  ])('fails with exit 1 and lists the subcommands when %j has no subcommand', async (path, message) => {
    // Act
    const run = await runCli(path);

    // Assess
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('Commands:');
    expect(run.stderr.endsWith(`\n${message}`)).toBe(true);
  });

  it('rejects unknown flags (strict) with exit 1', async () => {
    // Act
    const run = await runCli(['inventory', 'draw-org', '--colour']);

    // Assess
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      'Error: Unknown argument: colour\nRun the command with --help to see its options.\n',
    );
  });

  it('rejects an unknown command with exit 1', async () => {
    // Act
    const run = await runCli(['inventory', 'discover-rds']);

    // Assess
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      'Error: Unknown command. Did you mean discover-ec2?\nRun the command with --help to see its options.\n',
    );
  });

  it('prints help on stdout and exits 0 with --help', async () => {
    // Act
    const run = await runCli(['finops', 'dashboard', '--help']);

    // Assess
    expect(run.exitCode).toBeUndefined();
    expect(run.stderr).toBe('');
    expect(run.stdout.startsWith('runbooks finops dashboard\n')).toBe(true);
  });

  it('shows the profile environment variables in help', async () => {
    // Act
    const help = (await helpOf(['inventory', 'validate-mcp'])).replace(/\s+/g, ' ');

    // Assess
    expect(help).toContain('[default: $AWS_OPERATIONS_PROFILE]');
    expect(help).toContain('[default: $AWS_MANAGEMENT_PROFILE]');
    expect(help).toContain('[default: $AWS_BILLING_PROFILE]');
  });
});

describe('command flags', () => {
  it('parses the documented finops dashboard example', async () => {
    // Act
    const argv = await parseCli([
      'finops',
      'dashboard',
      '--mode',
      'executive',
      '--profile',
      'billing',
      '--timeframe',
      'monthly',
      '--cost-metric',
      'amortized',
      '--top-n',
      '20',
      '--sort-by',
      'change',
      '--validation-level',
      'mcp',
      '--export',
      'pdf',
      '--export',
      'markdown',
      '--output-file',
      'executive-monthly.html',
    ]);

    // Assess
    expect(argv).toMatchObject({
      mode: 'executive',
      profile: 'billing',
      billingProfile: 'billing',
      timeframe: 'monthly',
      costMetric: 'amortized',
      topN: 20,
      sortBy: 'change',
      validationLevel: 'mcp',
      export: ['pdf', 'markdown'],
      outputFile: 'executive-monthly.html',
      outputDir: 'data/outputs',
    });
  });

  it('applies the finops dashboard defaults', async () => {
    // Act
    const argv = await parseCli(['finops', 'dashboard']);

    // Assess
    expect(argv).toMatchObject({
      mode: 'architect',
      timeframe: 'monthly',
      costMetric: 'unblended',
      topN: 10,
      sortBy: 'cost',
      export: [],
      maxAttempts: 3,
    });
    expect(argv.validationLevel).toBeUndefined();
  });

  it('applies the inventory command defaults from the guide', async () => {
    // Act
    const score = await parseCli(['inventory', 'score-decommission']);
    const enrich = await parseCli(['inventory', 'enrich-activity']);
    const tags = await parseCli(['inventory', 'tag-coverage']);
    const workflow = await parseCli(['inventory', 'workflow-multi-account']);
    const validate = await parseCli(['inventory', 'validate-mcp']);
    const draw = await parseCli(['inventory', 'draw-org']);

    // Assess
    expect(score).toMatchObject({
      input: 'data/outputs/ec2-activity.csv',
      resourceType: 'ec2',
      export: ['csv'],
    });
    expect(enrich).toMatchObject({
      lookbackDays: 14,
      export: ['csv'],
      roleName: 'OrganizationAccountAccessRole',
    });
    expect(tags.requiredTags).toEqual(['Environment', 'Owner', 'CostCenter']);
    expect(workflow.persona).toBe('cloudops');
    expect(validate).toMatchObject({ validationLevel: 'mcp', minAccuracy: 99.5, export: ['json'] });
    expect(draw.format).toBe('ascii');
  });

  it('splits --required-tags on commas', async () => {
    // Act
    const argv = await parseCli(['inventory', 'tag-coverage', '--required-tags', 'Environment,Owner, Team']);

    // Assess
    expect(argv.requiredTags).toEqual(['Environment', 'Owner', 'Team']);
  });

  it('accepts cfn drift --regions separated by spaces, as in the guide', async () => {
    // Act
    const argv = await parseCli(['inventory', 'cfn', 'drift', '--regions', 'ap-southeast-2', 'us-east-1']);

    // Assess
    expect(argv.regions).toEqual(['ap-southeast-2', 'us-east-1']);
  });

  it.each([
    [['inventory', 'workflow-multi-account', '--persona', 'cfo'], 'persona', '"cfo"'],
    [['inventory', 'draw-org', '--format', 'svg'], 'format', '"svg"'],
    [['inventory', 'score-decommission', '--resource-type', 'rds'], 'resource-type', '"rds"'],
    [['inventory', 'discover-ec2', '--state', 'sleeping'], 'state', '"sleeping"'],
    [['inventory', 'validate-mcp', '--validation-level', 'strict'], 'validation-level', '"strict"'],
    [['finops', 'dashboard', '--timeframe', 'hourly'], 'timeframe', '"hourly"'],
    [['finops', 'dashboard', '--cost-metric', 'usage'], 'cost-metric', '"usage"'],
    [['finops', 'dashboard', '--sort-by', 'name'], 'sort-by', '"name"'],
    [['finops', 'dashboard', '--mode', 'cfo'], 'mode', '"cfo"'],
  ])('rejects %j with exit 1 (choices)', async (args, argument, given) => {
    // Act
    const run = await runCli(args);

    // Assess
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(
      `Error: Invalid values:\n  Argument: ${argument}, Given: ${given}, Choices: `,
    );
  });

  it.each([
    [
      ['inventory', 'enrich-activity', '--lookback-days', '0'],
      'Error: --lookback-days must be an integer from 1 to 90, got 0\nRun the command with --help to see its options.\n',
    ],
    [
      ['inventory', 'enrich-activity', '--lookback-days', '91'],
      'Error: --lookback-days must be an integer from 1 to 90, got 91\nRun the command with --help to see its options.\n',
    ],
    [
      ['finops', 'dashboard', '--top-n', '2.5'],
      'Error: --top-n must be an integer from 1 to 100, got 2.5\nRun the command with --help to see its options.\n',
    ],
    [
      ['inventory', 'validate-mcp', '--min-accuracy', '101'],
      'Error: --min-accuracy must be a percentage from 0 to 100, got 101\nRun the command with --help to see its options.\n',
    ],
    [
      ['inventory', 'tag-coverage', '--required-tags', ','],
      'Error: --required-tags needs at least one tag key\nRun the command with --help to see its options.\n',
    ],
    [
      ['inventory', 'draw-org', '--profile'],
      'Error: Not enough arguments following: profile\nRun the command with --help to see its options.\n',
    ],
  ])('rejects %j with exit 1', async (args, message) => {
    // Act
    const run = await runCli(args);

    // Assess
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(message);
  });
});

describe('--export', () => {
  it.each([
    [['finops', 'analyze-ec2'], 'pdf', '"csv", "json", "markdown"'],
    [['inventory', 'list-org-accounts'], 'html', '"csv", "json", "markdown"'],
    [['inventory', 'discover-ec2'], 'markdown', '"csv", "json"'],
    [['inventory', 'validate-mcp'], 'csv', '"json", "markdown"'],
  ])('%j rejects --export %s with exit 1', async (path, format, choices) => {
    // Act
    const run = await runCli([...path, '--export', format]);

    // Assess
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(
      run.stderr.endsWith(
        `Error: Invalid values:\n  Argument: export, Given: "${format}", Choices: ${choices}\nRun the command with --help to see its options.\n`,
      ),
    ).toBe(true);
  });

  it('rejects an unsupported format hidden in a comma list', async () => {
    // Act
    const run = await runCli(['finops', 'analyze-ec2', '--export', 'csv,pdf']);

    // Assess
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('Argument: export, Given: "pdf"');
  });

  it('accepts repeated and comma-separated formats, deduplicated, in order', async () => {
    // Act
    const argv = await parseCli([
      'finops',
      'dashboard',
      '--export',
      'pdf',
      '--export',
      'markdown,html',
      '--export',
      'pdf',
    ]);

    // Assess
    expect(argv.export).toEqual(['pdf', 'markdown', 'html']);
  });
});

describe('profile defaults', () => {
  it('reads the role profiles from the environment when no flag is given', async () => {
    // Prepare
    vi.stubEnv('AWS_OPERATIONS_PROFILE', 'ops-env');
    vi.stubEnv('AWS_MANAGEMENT_PROFILE', 'mgmt-env');
    vi.stubEnv('AWS_BILLING_PROFILE', 'billing-env');

    // Act
    const argv = await parseCli(['inventory', 'validate-mcp']);

    // Assess
    expect(argv).toMatchObject({
      opsProfile: 'ops-env',
      mgmtProfile: 'mgmt-env',
      billingProfile: 'billing-env',
    });
    expect(argv['ops-profile']).toBe('ops-env');
    expect(argv.profile).toBeUndefined();
  });

  it('prefers the role flag, then --profile, over the environment', async () => {
    // Prepare
    vi.stubEnv('AWS_OPERATIONS_PROFILE', 'ops-env');
    vi.stubEnv('AWS_MANAGEMENT_PROFILE', 'mgmt-env');
    vi.stubEnv('AWS_BILLING_PROFILE', 'billing-env');

    // Act
    const argv = await parseCli([
      'inventory',
      'validate-mcp',
      '--ops-profile',
      'ops-flag',
      '--profile',
      'shared',
    ]);

    // Assess
    expect(argv).toMatchObject({ opsProfile: 'ops-flag', mgmtProfile: 'shared', billingProfile: 'shared' });
  });

  it('leaves the profiles undefined (default credential chain) when neither flags nor environment set them', async () => {
    // Prepare
    vi.stubEnv('AWS_OPERATIONS_PROFILE', undefined);
    vi.stubEnv('AWS_MANAGEMENT_PROFILE', '');
    vi.stubEnv('AWS_BILLING_PROFILE', undefined);

    // Act
    const argv = await parseCli(['finops', 'analyze-ec2']);

    // Assess
    expect(argv.opsProfile).toBeUndefined();
    expect(argv.mgmtProfile).toBeUndefined();
    expect(argv.billingProfile).toBeUndefined();
  });

  it('resolves the environment when the command runs, not when the module is loaded', async () => {
    // Prepare
    vi.stubEnv('AWS_BILLING_PROFILE', 'first');
    const first = await parseCli(['finops', 'analyze-ec2']);
    vi.stubEnv('AWS_BILLING_PROFILE', 'second');

    // Act
    const second = await parseCli(['finops', 'analyze-ec2']);

    // Assess
    expect([first.billingProfile, second.billingProfile]).toEqual(['first', 'second']);
  });
});
