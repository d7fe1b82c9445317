import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../../errors.js';
import {
  type CrossAccountArgs,
  type OptionsOf,
  type ResultArgs,
  VALIDATION_LEVEL_DESCRIPTION,
  VALIDATION_LEVELS,
  type ValidationLevel,
  withCrossAccountOptions,
  withExportOptions,
  withOutputOptions,
  withVerbosityOptions,
} from '../../options/shared-options.js';
import { notImplemented } from '../not-implemented.js';

/** The HITL gate: agreement below this fails the command. */
export const DEFAULT_MIN_ACCURACY = 99.5;

export interface ValidateMcpArgs extends CrossAccountArgs, ResultArgs {
  validationLevel: ValidationLevel;
  /** Percentage, 0–100. */
  minAccuracy: number;
}

/** The options of this command only (listed first in its help). */
function validateOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('validation-level', {
      type: 'string',
      requiresArg: true,
      choices: VALIDATION_LEVELS,
      default: 'mcp' as ValidationLevel,
      describe: VALIDATION_LEVEL_DESCRIPTION,
    })
    .option('min-accuracy', {
      type: 'number',
      requiresArg: true,
      default: DEFAULT_MIN_ACCURACY,
      describe: 'Fail when the agreement between sources is below this percentage',
      coerce: (value: number) => {
        if (!Number.isFinite(value) || value < 0 || value > 100) {
          throw new UsageError(`--min-accuracy must be a percentage from 0 to 100, got ${String(value)}`);
        }
        return value;
      },
    })
    .group(['validation-level', 'min-accuracy'], 'Options:');
}

export const validateMcpCommand: CommandModule<object, OptionsOf<ValidateMcpArgs>> = {
  command: 'validate-mcp',
  describe:
    'Cross-validate the inventory, Organizations and Cost Explorer results (uses the ops, mgmt and billing ' +
    'profiles); the gate before the HITL decommission review',
  builder: (yargs) =>
    withVerbosityOptions(
      withOutputOptions(
        withExportOptions(withCrossAccountOptions(validateOptions(yargs)), ['json', 'markdown'], ['json']),
        { fileStem: 'mcp-validation-report' },
      ),
    ).example(
      '$0 inventory validate-mcp --ops-profile $AWS_OPERATIONS_PROFILE --mgmt-profile $AWS_MANAGEMENT_PROFILE ' +
        '--billing-profile $AWS_BILLING_PROFILE --validation-level mcp',
      '',
    ),
  handler: notImplemented(
    'inventory validate-mcp',
    'cross-validate discovery, Organizations and Cost Explorer results, write mcp-validation-report.json ' +
      'and fail below the --min-accuracy gate',
  ),
};
