import type { HandlerExecutionContext, MiddlewareStack } from '@smithy/types';

/** Counters of one AWS operation. */
export interface OperationUsage {
  service: string;
  operation: string;
  /** Commands sent. */
  calls: number;
  /** HTTP requests made: calls plus retries. */
  attempts: number;
  /** Attempts after the first of a call. */
  retries: number;
  throttles: number;
  failures: number;
}

/** What a run asked of AWS, for the report every command prints at its end. */
export interface MeterSnapshot {
  calls: number;
  attempts: number;
  retries: number;
  throttles: number;
  failures: number;
  operations: OperationUsage[];
}

// Error codes AWS services use for throttling, across protocols.
const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'SlowDown',
  'BandwidthLimitExceeded',
  'ProvisionedThroughputExceededException',
  'EC2ThrottledException',
  'PriorRequestNotComplete',
]);

/** True when an SDK error says the caller was throttled. */
export function isThrottlingError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return THROTTLING_CODES.has(error.name) || status === 429;
}

// `EC2Client` → `ec2`, `CostExplorerClient` → `costexplorer`.
const serviceOf = (context: HandlerExecutionContext): string =>
  (context.clientName ?? 'unknown').replace(/Client$/, '').toLowerCase();
const operationOf = (context: HandlerExecutionContext): string =>
  (context.commandName ?? 'unknown').replace(/Command$/, '');

/**
 * Counts every AWS call, HTTP attempt, throttle and failure made through the clients it is
 * attached to. One meter serves a whole run, across accounts and regions.
 *
 * @example
 * ```ts
 * const meter = new RequestMeter();
 * const ec2 = new EC2Client({ region: 'us-east-1' });
 * meter.attach(ec2);
 * await ec2.send(new DescribeInstancesCommand({}));
 * meter.snapshot().calls; // 1
 * ```
 */
export class RequestMeter {
  readonly #usage = new Map<string, OperationUsage>();
  readonly #attempted = new WeakSet<HandlerExecutionContext>();

  #entry(context: HandlerExecutionContext): OperationUsage {
    const service = serviceOf(context);
    const operation = operationOf(context);
    const key = `${service}:${operation}`;
    let usage = this.#usage.get(key);
    if (!usage) {
      usage = { service, operation, calls: 0, attempts: 0, retries: 0, throttles: 0, failures: 0 };
      this.#usage.set(key, usage);
    }
    return usage;
  }

  /** Adds the counting middleware to a client's stack. */
  attach<Input extends object, Output extends object>(client: {
    middlewareStack: MiddlewareStack<Input, Output>;
  }): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const usage = this.#entry(context);
        usage.calls += 1;
        try {
          return await next(args);
        } catch (error) {
          usage.failures += 1;
          throw error;
        }
      },
      { step: 'initialize', name: 'runbooksCallMeter', override: true },
    );
    // Inside the retry loop: sees every HTTP attempt and each throttled answer.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const usage = this.#entry(context);
        usage.attempts += 1;
        if (this.#attempted.has(context)) usage.retries += 1;
        this.#attempted.add(context);
        try {
          return await next(args);
        } catch (error) {
          if (isThrottlingError(error)) usage.throttles += 1;
          throw error;
        }
      },
      { step: 'deserialize', priority: 'high', name: 'runbooksAttemptMeter', override: true },
    );
  }

  /** A copy of the counters so far, operations sorted by service then operation. */
  snapshot(): MeterSnapshot {
    const operations = [...this.#usage.values()]
      .map((usage) => ({ ...usage }))
      .sort((a, b) => a.service.localeCompare(b.service) || a.operation.localeCompare(b.operation));
    const sum = (pick: (usage: OperationUsage) => number) =>
      operations.reduce((total, usage) => total + pick(usage), 0);
    return {
      calls: sum((usage) => usage.calls),
      attempts: sum((usage) => usage.attempts),
      retries: sum((usage) => usage.retries),
      throttles: sum((usage) => usage.throttles),
      failures: sum((usage) => usage.failures),
      operations,
    };
  }
}
