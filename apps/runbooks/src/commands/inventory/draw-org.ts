import type { Argv, CommandModule } from 'yargs';
import {
  type OptionsOf,
  type OutputArgs,
  type ProfileArgs,
  type RetryArgs,
  type VerbosityArgs,
  withOutputOptions,
  withProfileOptions,
  withRetryOptions,
  withVerbosityOptions,
} from '../../options/shared-options.js';
import { notImplemented } from '../not-implemented.js';

export const ORG_DIAGRAM_FORMATS = ['mermaid', 'ascii'] as const;
export type OrgDiagramFormat = (typeof ORG_DIAGRAM_FORMATS)[number];

export interface DrawOrgArgs extends ProfileArgs, RetryArgs, OutputArgs, VerbosityArgs {
  format: OrgDiagramFormat;
}

/** The options of this command only (listed first in its help). */
function drawOrgOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('format', {
      type: 'string',
      requiresArg: true,
      choices: ORG_DIAGRAM_FORMATS,
      default: 'ascii' as OrgDiagramFormat,
      describe: 'Diagram format',
    })
    .group(['format'], 'Options:');
}

export const drawOrgCommand: CommandModule<object, OptionsOf<DrawOrgArgs>> = {
  command: 'draw-org',
  describe:
    'Draw the AWS Organizations hierarchy (root, OUs, accounts) as a Mermaid or ASCII tree (management profile); ' +
    'printed on stdout unless --output-file is given',
  builder: (yargs) =>
    withVerbosityOptions(
      withOutputOptions(withRetryOptions(withProfileOptions(drawOrgOptions(yargs)))),
    ).example('$0 inventory draw-org --profile $AWS_MANAGEMENT_PROFILE --format mermaid', ''),
  handler: notImplemented(
    'inventory draw-org',
    'draw the AWS Organizations hierarchy (OUs and accounts, orphan accounts flagged) as a Mermaid or ASCII tree',
  ),
};
