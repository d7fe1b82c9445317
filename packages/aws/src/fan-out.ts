import { type RunSink, type ScopeFailure, silentSink } from '@inv/schema';

/** Concurrent requests allowed per service; `default` covers services not named. */
export type ServiceLimits = Record<string, number> & { default: number };

/**
 * Per-service concurrency, below AWS's documented or observed throttling thresholds:
 * Organizations allows few TPS per account, Cost Explorer is paid per request.
 */
export const DEFAULT_SERVICE_LIMITS: ServiceLimits = {
  default: 8,
  ec2: 12,
  sts: 6,
  organizations: 2,
  costexplorer: 1,
  cloudwatch: 6,
  cloudtrail: 2,
};

/** One unit of work for one account × region × service. `region` null means account-wide. */
export interface FanOutTask<T> {
  accountId: string;
  region: string | null;
  service: string;
  run: () => Promise<T>;
}

export interface FanOutResult<T> {
  /** Values of the tasks that succeeded, in task order. */
  values: Array<{ task: FanOutTask<T>; value: T }>;
  /** One record per task that failed: nothing fails silently. */
  failures: ScopeFailure[];
}

export interface FanOutOptions {
  limits?: Partial<ServiceLimits>;
  sink?: RunSink;
  /** Names the work in progress events. */
  label: string;
}

class Semaphore {
  #free: number;
  readonly #waiting: Array<() => void> = [];

  constructor(size: number) {
    this.#free = size;
  }

  async use<T>(work: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free -= 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free += 1;
    }
  }
}

/** Turns a failed task into the failure record reported to the user. */
export function toScopeFailure(
  scope: { accountId: string; region: string | null; service: string },
  error: unknown,
): ScopeFailure {
  const cause = error instanceof Error ? error : new Error(String(error));
  return {
    account_id: scope.accountId,
    region: scope.region,
    service: scope.service,
    error_name: cause.name,
    message: cause.message,
  };
}

/**
 * Runs tasks across accounts × regions × services, at most `limits[service]` at a time per
 * service. A failing task never stops the others: it becomes a `ScopeFailure`.
 *
 * @example
 * ```ts
 * const { values, failures } = await fanOut(
 *   regions.map((region) => ({ accountId, region, service: 'ec2', run: () => listInstances(region) })),
 *   { label: 'discover-ec2' },
 * );
 * ```
 */
export async function fanOut<T>(
  tasks: ReadonlyArray<FanOutTask<T>>,
  options: FanOutOptions,
): Promise<FanOutResult<T>> {
  const sink = options.sink ?? silentSink;
  const limits = { ...DEFAULT_SERVICE_LIMITS, ...options.limits } as ServiceLimits;
  const semaphores = new Map<string, Semaphore>();
  const semaphoreFor = (service: string): Semaphore => {
    let semaphore = semaphores.get(service);
    if (!semaphore) {
      semaphore = new Semaphore(Math.max(1, limits[service] ?? limits.default));
      semaphores.set(service, semaphore);
    }
    return semaphore;
  };

  let done = 0;
  const outcomes = await Promise.all(
    tasks.map(async (task) => {
      try {
        const value = await semaphoreFor(task.service).use(task.run);
        return { task, value, ok: true as const };
      } catch (error) {
        const failure = toScopeFailure(task, error);
        sink.warn(
          `${task.service} ${task.accountId}${task.region ? `/${task.region}` : ''}: ${failure.message}`,
        );
        return { failure, ok: false as const };
      } finally {
        done += 1;
        sink.progress({ label: options.label, done, total: tasks.length });
      }
    }),
  );
  return {
    values: outcomes.flatMap((outcome) => (outcome.ok ? [{ task: outcome.task, value: outcome.value }] : [])),
    failures: outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.failure])),
  };
}
