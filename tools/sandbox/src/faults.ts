import { z } from 'zod';
import type { AwsRequest } from './aws-request.js';

/**
 * A fault the proxy injects instead of forwarding a matching request. Every given field must match;
 * names are as the proxy parses them (service = SigV4 signing name such as ec2, sts, monitoring).
 *
 * @example
 * FaultRuleSchema.parse({ service: 'ec2', operation: 'DescribeInstances', kind: 'throttle', times: 2 });
 */
export const FaultRuleSchema = z.object({
  service: z.string().min(1).optional(),
  operation: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  /** Account of the calling credentials. */
  account: z
    .string()
    .regex(/^\d{12}$/, 'expected a 12-digit account id')
    .optional(),
  /** Substring of the request target or body, e.g. an account id inside an AssumeRole RoleArn. */
  bodyIncludes: z.string().min(1).optional(),
  kind: z.enum(['throttle', 'server-error', 'drop', 'access-denied']),
  /** Chance that a matching request is hit; a request the dice spare goes on to the next rule. */
  probability: z.number().min(0).max(1).default(1),
  /** How many hits before the rule expires; unlimited when absent. */
  times: z.number().int().min(1).optional(),
});

export const FaultRulesSchema = z.array(FaultRuleSchema);

export type FaultRule = z.input<typeof FaultRuleSchema>;
export type FaultKind = FaultRule['kind'];

/** A rule as the proxy holds it; `remaining` counts down the hits left when `times` was given. */
export type ActiveFault = z.output<typeof FaultRuleSchema> & { remaining?: number };

function decodeForm(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function matches(rule: ActiveFault, request: AwsRequest): boolean {
  if (rule.service !== undefined && rule.service !== request.service) return false;
  if (rule.operation !== undefined && rule.operation !== request.operation) return false;
  if (rule.region !== undefined && rule.region !== request.region) return false;
  if (rule.account !== undefined && rule.account !== request.account) return false;
  if (rule.bodyIncludes !== undefined) {
    const text = `${request.url}\n${request.body.toString('utf8')}`;
    if (!text.includes(rule.bodyIncludes) && !decodeForm(text).includes(rule.bodyIncludes)) return false;
  }
  return true;
}

/** The fault rules in force, first match wins. */
export class FaultBook {
  #rules: ActiveFault[] = [];

  /** Replaces all rules; throws a ZodError on invalid input. */
  set(rules: unknown): void {
    this.#rules = FaultRulesSchema.parse(rules).map((rule) =>
      rule.times === undefined ? rule : { ...rule, remaining: rule.times },
    );
  }

  clear(): void {
    this.#rules = [];
  }

  list(): ActiveFault[] {
    return this.#rules.map((rule) => ({ ...rule }));
  }

  /** The fault to inject for this request, if any; spends one use of the rule that fires. */
  take(request: AwsRequest, random: () => number = Math.random): FaultKind | undefined {
    for (const rule of this.#rules) {
      if (!matches(rule, request)) continue;
      if (rule.probability < 1 && random() >= rule.probability) continue;
      if (rule.remaining !== undefined) {
        rule.remaining -= 1;
        if (rule.remaining === 0) this.#rules = this.#rules.filter((other) => other !== rule);
      }
      return rule.kind;
    }
    return undefined;
  }
}
