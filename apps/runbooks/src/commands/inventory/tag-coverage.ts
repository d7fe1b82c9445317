import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../../errors.js';
import {
  type CrossAccountArgs,
  type OptionsOf,
  parseList,
  type ResultArgs,
  withCrossAccountOptions,
  withExportOptions,
  withOutputOptions,
  withVerbosityOptions,
} from '../../options/shared-options.js';
import { notImplemented } from '../not-implemented.js';

export const DEFAULT_REQUIRED_TAGS: readonly string[] = ['Environment', 'Owner', 'CostCenter'];

export interface TagCoverageArgs extends CrossAccountArgs, ResultArgs {
  /** Tag keys, case-sensitive, without duplicates. */
  requiredTags: string[];
}

/** Comma- (or space-) separated tag keys; at least one. */
export function parseRequiredTags(value: unknown): string[] {
  const tags = parseList(value);
  if (tags.length === 0) throw new UsageError('--required-tags needs at least one tag key');
  return tags;
}

/** The options of this command only (listed first in its help). */
function tagCoverageOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('required-tags', {
      type: 'string',
      array: true,
      requiresArg: true,
      default: [...DEFAULT_REQUIRED_TAGS],
      defaultDescription: DEFAULT_REQUIRED_TAGS.join(','),
      describe: 'Tag keys every resource must carry, comma-separated',
      coerce: parseRequiredTags,
    })
    .group(['required-tags'], 'Options:');
}

export const tagCoverageCommand: CommandModule<object, OptionsOf<TagCoverageArgs>> = {
  command: 'tag-coverage',
  describe:
    'Measure how many resources carry the required tags; untagged resources cannot be attributed in chargeback',
  builder: (yargs) =>
    withVerbosityOptions(
      withOutputOptions(
        withExportOptions(withCrossAccountOptions(tagCoverageOptions(yargs)), ['csv', 'json', 'markdown']),
        { fileStem: 'tag-coverage' },
      ),
    ).example(
      '$0 inventory tag-coverage --profile $AWS_MANAGEMENT_PROFILE --required-tags Environment,Owner,CostCenter',
      '',
    ),
  handler: notImplemented(
    'inventory tag-coverage',
    'measure, per account and resource type, the share of resources carrying every required tag and list those missing tags',
  ),
};
