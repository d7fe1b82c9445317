/**
 * Options defined once and composed into commands, e.g.
 * `withVerbosityOptions(withExportOptions(withProfileOptions(yargs), ['csv', 'json']))`.
 * Each builder adds its options (in a help group) and returns the yargs instance typed with
 * its args interface; handlers read the camelCase keys.
 */
import { join, parse as parsePath } from 'node:path';
import type { Argv } from 'yargs';
import { UsageError } from '../errors.js';

/** `opsProfile` → `ops-profile`. */
type KebabCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${KebabCase<Tail>}`
  : S;

/**
 * The option keys yargs infers for an args interface (`{ roleName: string }` →
 * `{ 'role-name': string }`). Builders return `Argv<T & OptionsOf<XxxArgs>>`, so the compiler checks
 * each interface against the options actually declared; command handlers receive
 * `ArgumentsCamelCase<OptionsOf<XxxArgs>>`, which carries the camelCase keys of `XxxArgs` again.
 */
export type OptionsOf<Args> = {
  [Key in keyof Args as Key extends string ? KebabCase<Key> : Key]: Args[Key];
};

const AWS_GROUP = 'AWS options:';
const OUTPUT_GROUP = 'Output options:';
const LOGGING_GROUP = 'Logging options:';

// ---------------------------------------------------------------------------------------------
// Value parsing

/**
 * Flatten yargs values into a list: accepts space-separated (`a b`), comma-separated (`a,b`) and
 * repeated (`--x a --x b`) forms; trims, drops empties, removes duplicates, keeps order.
 */
export function parseList(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const items = raw.flatMap((item) => String(item).split(',')).map((item) => item.trim());
  return [...new Set(items.filter((item) => item !== ''))];
}

/**
 * `coerce` for list options whose values yargs then validates with `choices`: yargs runs
 * `coerce` before its `choices` check, so the cast never lets an unknown value through.
 */
function listOfChoices<T extends string>(): (value: unknown) => T[] {
  return (value) => parseList(value) as T[];
}

/** `coerce` for an integer option within [min, max]. */
export function integerInRange(flag: string, min: number, max: number): (value: unknown) => number {
  return (value) => {
    const number = typeof value === 'number' ? value : Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      throw new UsageError(`--${flag} must be an integer from ${min} to ${max}, got ${String(value)}`);
    }
    return number;
  };
}

// ---------------------------------------------------------------------------------------------
// Profiles

/** Environment variables that supply the role profiles when no flag is given. */
export const PROFILE_ENV = {
  opsProfile: 'AWS_OPERATIONS_PROFILE',
  mgmtProfile: 'AWS_MANAGEMENT_PROFILE',
  billingProfile: 'AWS_BILLING_PROFILE',
} as const;

export interface ProfileArgs {
  /** `--profile`: used for every role that has no role-specific flag. */
  profile?: string | undefined;
  /** Operations account (Resource Explorer aggregator index). Resolved, see `resolveProfiles`. */
  opsProfile?: string | undefined;
  /** Organizations management account. Resolved, see `resolveProfiles`. */
  mgmtProfile?: string | undefined;
  /** Cost Explorer billing account. Resolved, see `resolveProfiles`. */
  billingProfile?: string | undefined;
}

export interface ResolvedProfiles {
  opsProfile: string | undefined;
  mgmtProfile: string | undefined;
  billingProfile: string | undefined;
}

/**
 * Profile of each role, first match wins: its own flag (`--ops-profile`…), then `--profile`,
 * then its environment variable (`AWS_OPERATIONS_PROFILE`…; empty counts as unset), then
 * `undefined`, meaning the AWS SDK default credential chain.
 */
export function resolveProfiles(args: ProfileArgs, env: NodeJS.ProcessEnv = process.env): ResolvedProfiles {
  const resolve = (role: keyof typeof PROFILE_ENV): string | undefined =>
    args[role] ?? args.profile ?? (env[PROFILE_ENV[role]] || undefined);
  return {
    opsProfile: resolve('opsProfile'),
    mgmtProfile: resolve('mgmtProfile'),
    billingProfile: resolve('billingProfile'),
  };
}

/**
 * `--profile`, `--ops-profile`, `--mgmt-profile`, `--billing-profile`. A middleware resolves the
 * role profiles when the command runs (see `resolveProfiles`), so handlers read
 * `args.opsProfile`, `args.mgmtProfile`, `args.billingProfile` directly.
 */
export function withProfileOptions<T>(yargs: Argv<T>): Argv<T & OptionsOf<ProfileArgs>> {
  const roleOption = (describe: string, env: string) =>
    ({
      type: 'string',
      requiresArg: true,
      describe: `${describe}. Falls back to --profile, then $${env}, then the default credential chain`,
      defaultDescription: `$${env}`,
    }) as const;
  return yargs
    .option('profile', {
      type: 'string',
      requiresArg: true,
      describe: 'AWS profile for every role without its own profile flag',
      defaultDescription: 'default credential chain',
    })
    .option(
      'ops-profile',
      roleOption(
        'Profile of the operations account (Resource Explorer aggregator index)',
        PROFILE_ENV.opsProfile,
      ),
    )
    .option(
      'mgmt-profile',
      roleOption('Profile of the Organizations management account', PROFILE_ENV.mgmtProfile),
    )
    .option(
      'billing-profile',
      roleOption('Profile of the Cost Explorer billing account', PROFILE_ENV.billingProfile),
    )
    .group(['profile', 'ops-profile', 'mgmt-profile', 'billing-profile'], AWS_GROUP)
    .middleware((argv) => {
      const resolved = resolveProfiles(argv);
      Object.assign(argv, {
        opsProfile: resolved.opsProfile,
        'ops-profile': resolved.opsProfile,
        mgmtProfile: resolved.mgmtProfile,
        'mgmt-profile': resolved.mgmtProfile,
        billingProfile: resolved.billingProfile,
        'billing-profile': resolved.billingProfile,
      });
    });
}

// ---------------------------------------------------------------------------------------------
// Regions

export interface RegionsArgs {
  /** Regions to cover; `undefined` means every region enabled in the account. */
  regions?: string[] | undefined;
}

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** `parseList`, then check each value looks like a region code (`us-east-1`, `us-gov-west-1`). */
export function parseRegions(value: unknown): string[] {
  const regions = parseList(value);
  if (regions.length === 0) throw new UsageError('--regions needs at least one region');
  const invalid = regions.filter((region) => !REGION_PATTERN.test(region));
  if (invalid.length > 0) {
    throw new UsageError(`--regions: not a region code: ${invalid.join(', ')} (expected e.g. us-east-1)`);
  }
  return regions;
}

/** `--regions us-east-1 eu-west-1` or `--regions us-east-1,eu-west-1`. */
export function withRegionsOption<T>(yargs: Argv<T>): Argv<T & OptionsOf<RegionsArgs>> {
  return yargs
    .option('regions', {
      type: 'string',
      array: true,
      describe: 'Regions to cover, space- or comma-separated',
      defaultDescription: 'all enabled regions',
      coerce: parseRegions,
    })
    .group(['regions'], AWS_GROUP);
}

// ---------------------------------------------------------------------------------------------
// Cross-account role and retries

export const DEFAULT_ROLE_NAME = 'OrganizationAccountAccessRole';
/** The role the libraries try when `--role-name` cannot be assumed in an account. */
export const FALLBACK_ROLE_NAME = 'AWSControlTowerExecution';

export interface RoleArgs {
  roleName: string;
}

const ROLE_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;

/** `--role-name`, for commands that assume a role in each member account. */
export function withRoleOptions<T>(yargs: Argv<T>): Argv<T & OptionsOf<RoleArgs>> {
  return yargs
    .option('role-name', {
      type: 'string',
      requiresArg: true,
      default: DEFAULT_ROLE_NAME,
      describe: `IAM role assumed in each member account; ${FALLBACK_ROLE_NAME} is tried when it cannot be assumed`,
      coerce: (value: string) => {
        if (!ROLE_NAME_PATTERN.test(value))
          throw new UsageError(`--role-name: not an IAM role name: ${value}`);
        return value;
      },
    })
    .group(['role-name'], AWS_GROUP);
}

export const DEFAULT_MAX_ATTEMPTS = 3;

export interface RetryArgs {
  maxAttempts: number;
}

/** `--max-attempts` for the AWS SDK retry strategy. */
export function withRetryOptions<T>(yargs: Argv<T>): Argv<T & OptionsOf<RetryArgs>> {
  return yargs
    .option('max-attempts', {
      type: 'number',
      requiresArg: true,
      default: DEFAULT_MAX_ATTEMPTS,
      describe: 'Attempts per AWS API call, the first included (throttling and transient errors are retried)',
      coerce: integerInRange('max-attempts', 1, 20),
    })
    .group(['max-attempts'], AWS_GROUP);
}

// ---------------------------------------------------------------------------------------------
// Exports and output files

export const EXPORT_FORMATS = ['csv', 'json', 'markdown', 'html', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File extension written for each export format. */
export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  csv: '.csv',
  json: '.json',
  markdown: '.md',
  html: '.html',
  pdf: '.pdf',
};

export interface ExportArgs {
  /** Formats to write, in the order given, without duplicates. */
  export: ExportFormat[];
}

/**
 * `--export <format>`, repeatable (`--export pdf --export markdown`, or `--export pdf,markdown`),
 * limited by yargs `choices` to the formats the command supports.
 */
export function withExportOptions<T>(
  yargs: Argv<T>,
  allowed: readonly ExportFormat[],
  defaults: readonly ExportFormat[] = [],
): Argv<T & OptionsOf<ExportArgs>> {
  return yargs
    .option('export', {
      type: 'string',
      array: true,
      requiresArg: true,
      choices: allowed,
      default: [...defaults],
      defaultDescription: defaults.length > 0 ? defaults.join(', ') : 'none (summary on stdout only)',
      describe: 'Write results in this format; repeat the flag for several formats',
      coerce: listOfChoices<ExportFormat>(),
    })
    .group(['export'], OUTPUT_GROUP);
}

export const DEFAULT_OUTPUT_DIR = 'data/outputs';

export interface OutputArgs {
  outputDir: string;
  outputFile?: string | undefined;
}

export interface OutputOptionsConfig {
  /** Base name of the files the command writes by default, e.g. `ec2-scored` (shown in help). */
  fileStem?: string;
}

/** `--output-dir` (default `data/outputs`) and `--output-file`. */
export function withOutputOptions<T>(
  yargs: Argv<T>,
  config: OutputOptionsConfig = {},
): Argv<T & OptionsOf<OutputArgs>> {
  return yargs
    .option('output-dir', {
      type: 'string',
      requiresArg: true,
      default: DEFAULT_OUTPUT_DIR,
      describe: 'Directory the exported files are written to',
    })
    .option('output-file', {
      type: 'string',
      requiresArg: true,
      describe:
        'File name of the export, inside --output-dir unless it has a directory part; ' +
        'its extension is replaced by each exported format',
      defaultDescription: config.fileStem === undefined ? undefined : `${config.fileStem}.<format>`,
    })
    .group(['output-dir', 'output-file'], OUTPUT_GROUP);
}

/**
 * Where to write the `format` export: `--output-file` (its extension replaced by the format's;
 * inside `--output-dir` when it is a bare file name, as given otherwise), else
 * `<output-dir>/<fileStem><extension>`.
 *
 * @example
 * resolveOutputPath({ outputDir: 'data/outputs', outputFile: 'executive-monthly.html' }, 'pdf', 'finops-dashboard');
 * // 'data/outputs/executive-monthly.pdf'
 */
export function resolveOutputPath(args: OutputArgs, format: ExportFormat, fileStem: string): string {
  const extension = EXPORT_EXTENSIONS[format];
  if (args.outputFile === undefined) return join(args.outputDir, `${fileStem}${extension}`);
  const { dir, name } = parsePath(args.outputFile);
  return join(dir === '' ? args.outputDir : dir, `${name}${extension}`);
}

// ---------------------------------------------------------------------------------------------
// Verbosity

export interface VerbosityArgs {
  verbose?: boolean | undefined;
  quiet?: boolean | undefined;
}

/** `--verbose` (debug messages, stack traces) and `--quiet` (warnings and errors only), exclusive. */
export function withVerbosityOptions<T>(yargs: Argv<T>): Argv<T & OptionsOf<VerbosityArgs>> {
  return yargs
    .option('verbose', {
      type: 'boolean',
      describe: 'Show debug messages, and stack traces on errors',
    })
    .option('quiet', {
      type: 'boolean',
      describe: 'Show only warnings and errors (no progress or info messages)',
    })
    .conflicts('verbose', 'quiet')
    .group(['verbose', 'quiet'], LOGGING_GROUP);
}

// ---------------------------------------------------------------------------------------------
// Validation level (validate-mcp, finops dashboard)

export const VALIDATION_LEVELS = ['basic', 'mcp'] as const;
export type ValidationLevel = (typeof VALIDATION_LEVELS)[number];
export const VALIDATION_LEVEL_DESCRIPTION =
  'basic: consistency checks of the results; mcp: cross-validate against independent sources (4-way)';

// ---------------------------------------------------------------------------------------------
// Compositions

/** The options of a command that reaches into member accounts: profiles, regions, role, retries. */
export interface CrossAccountArgs extends ProfileArgs, RegionsArgs, RoleArgs, RetryArgs {}

/** `withProfileOptions`, `withRegionsOption`, `withRoleOptions` and `withRetryOptions` together. */
export function withCrossAccountOptions<T>(yargs: Argv<T>): Argv<T & OptionsOf<CrossAccountArgs>> {
  return withRetryOptions(withRoleOptions(withRegionsOption(withProfileOptions(yargs))));
}

/** The options of a command that writes results: formats, destination, verbosity. */
export interface ResultArgs extends ExportArgs, OutputArgs, VerbosityArgs {}
