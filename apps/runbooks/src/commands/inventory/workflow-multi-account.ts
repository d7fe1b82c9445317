import type { Argv, CommandModule } from 'yargs';
import {
  type CrossAccountArgs,
  type OptionsOf,
  type ResultArgs,
  withCrossAccountOptions,
  withExportOptions,
  withOutputOptions,
  withVerbosityOptions,
} from '../../options/shared-options.js';
import { notImplemented } from '../not-implemented.js';

export const PERSONAS = ['cloudops', 'executive', 'architect', 'finops'] as const;
export type Persona = (typeof PERSONAS)[number];

export interface WorkflowMultiAccountArgs extends CrossAccountArgs, ResultArgs {
  /** `cloudops` (default) runs the full pipeline with every layer in the report. */
  persona: Persona;
}

/** The options of this command only (listed first in its help). */
function workflowOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('persona', {
      type: 'string',
      requiresArg: true,
      choices: PERSONAS,
      default: 'cloudops' as Persona,
      describe:
        'Report view: cloudops = full pipeline, all layers; executive = counts, cost, decommission signal; ' +
        'architect = instance types, region heatmap; finops = cost, idle cost, tier distribution',
    })
    .group(['persona'], 'Options:');
}

export const workflowMultiAccountCommand: CommandModule<object, OptionsOf<WorkflowMultiAccountArgs>> = {
  command: 'workflow-multi-account',
  describe:
    'Run the 5-layer pipeline across the organization: Discovery → Organizations → Cost Enrichment → ' +
    'Activity → Scoring, with a report for the chosen persona',
  builder: (yargs) =>
    withVerbosityOptions(
      withOutputOptions(
        withExportOptions(withCrossAccountOptions(workflowOptions(yargs)), [
          'csv',
          'json',
          'markdown',
          'html',
        ]),
        { fileStem: 'workflow-multi-account' },
      ),
    ).example(
      '$0 inventory workflow-multi-account --persona executive --ops-profile $AWS_OPERATIONS_PROFILE --export csv',
      '',
    ),
  handler: notImplemented(
    'inventory workflow-multi-account',
    'run the 5-layer pipeline (Discovery → Organizations → Cost Enrichment → Activity → Scoring) ' +
      'across every account and write the persona report',
  ),
};
