import type { Argv, CommandModule } from 'yargs';
import {
  integerInRange,
  type OptionsOf,
  type ProfileArgs,
  type ResultArgs,
  type RetryArgs,
  VALIDATION_LEVEL_DESCRIPTION,
  VALIDATION_LEVELS,
  type ValidationLevel,
  withExportOptions,
  withOutputOptions,
  withProfileOptions,
  withRetryOptions,
  withVerbosityOptions,
} from '../../options/shared-options.js';
import { notImplemented } from '../not-implemented.js';

export const DASHBOARD_MODES = ['executive', 'architect', 'sre'] as const;
export type DashboardMode = (typeof DASHBOARD_MODES)[number];

export const TIMEFRAMES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type Timeframe = (typeof TIMEFRAMES)[number];

export const COST_METRICS = ['unblended', 'amortized', 'blended', 'net-unblended', 'net-amortized'] as const;
export type CostMetric = (typeof COST_METRICS)[number];

/** The Cost Explorer metric each `--cost-metric` queries. */
export const COST_EXPLORER_METRICS: Readonly<Record<CostMetric, string>> = {
  unblended: 'UnblendedCost',
  amortized: 'AmortizedCost',
  blended: 'BlendedCost',
  'net-unblended': 'NetUnblendedCost',
  'net-amortized': 'NetAmortizedCost',
};

export const SORT_KEYS = ['cost', 'change'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const DEFAULT_TOP_N = 10;

export interface DashboardArgs extends ProfileArgs, RetryArgs, ResultArgs {
  mode: DashboardMode;
  timeframe: Timeframe;
  costMetric: CostMetric;
  topN: number;
  sortBy: SortKey;
  /** `undefined`: no cross-validation. */
  validationLevel?: ValidationLevel | undefined;
}

/** The options of this command only (listed first in its help). */
function dashboardOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('mode', {
      type: 'string',
      requiresArg: true,
      choices: DASHBOARD_MODES,
      default: 'architect' as DashboardMode,
      describe:
        'executive: summary with daily averages and activity signals; architect: service breakdown and cost tree; ' +
        'sre: anomaly detection',
    })
    .option('timeframe', {
      type: 'string',
      requiresArg: true,
      choices: TIMEFRAMES,
      default: 'monthly' as Timeframe,
      describe: 'Period compared with the previous one',
    })
    .option('cost-metric', {
      type: 'string',
      requiresArg: true,
      choices: COST_METRICS,
      default: 'unblended' as CostMetric,
      describe: 'Cost Explorer metric: unblended for engineering, amortized for finance',
    })
    .option('top-n', {
      type: 'number',
      requiresArg: true,
      default: DEFAULT_TOP_N,
      describe: 'Number of services listed (1–100)',
      coerce: integerInRange('top-n', 1, 100),
    })
    .option('sort-by', {
      type: 'string',
      requiresArg: true,
      choices: SORT_KEYS,
      default: 'cost' as SortKey,
      describe: 'cost: highest spend first; change: highest growth over the previous period first',
    })
    .option('validation-level', {
      type: 'string',
      requiresArg: true,
      choices: VALIDATION_LEVELS,
      defaultDescription: 'none',
      describe: VALIDATION_LEVEL_DESCRIPTION,
    })
    .group(['mode', 'timeframe', 'cost-metric', 'top-n', 'sort-by', 'validation-level'], 'Options:');
}

export const dashboardCommand: CommandModule<object, OptionsOf<DashboardArgs>> = {
  command: 'dashboard',
  describe: 'Cost dashboard by service and account for a timeframe, from Cost Explorer (billing profile)',
  builder: (yargs) =>
    withVerbosityOptions(
      withOutputOptions(
        withExportOptions(withRetryOptions(withProfileOptions(dashboardOptions(yargs))), [
          'csv',
          'json',
          'markdown',
          'html',
          'pdf',
        ]),
        { fileStem: 'finops-dashboard' },
      ),
    ).example(
      '$0 finops dashboard --mode executive --profile $AWS_BILLING_PROFILE --timeframe monthly --cost-metric amortized ' +
        '--top-n 10 --validation-level mcp --export pdf --export markdown --output-file executive-monthly.html',
      '',
    ),
  handler: notImplemented(
    'finops dashboard',
    'build the cost dashboard for the timeframe from Cost Explorer (top services by cost or change, ' +
      'optionally cross-validated) and write the requested exports',
  ),
};
