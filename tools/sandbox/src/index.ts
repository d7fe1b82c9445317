import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdminClient, type SandboxAdmin } from './admin-client.js';
import { type SandboxEnv, sandboxEnv } from './env.js';
import { type Estate, type EstateInput, loadEstate, parseEstate } from './estate.js';
import type { SeededEstate } from './manifest.js';
import { startMoto } from './moto.js';
import { writeProfiles } from './profiles.js';
import { type LatencyInput, type SandboxProxy, startProxy } from './proxy.js';
import { seedEstate } from './seed.js';
import type { SyntheticOperation } from './synthetic.js';
import { ensureLibfaketime, ensureVenv } from './venv.js';

export { countRequests, createAdminClient, type SandboxAdmin } from './admin-client.js';
export { type AwsError, errorForFault, renderAwsError } from './aws-errors.js';
export { type AwsProtocol, type AwsRequest, parseAwsRequest } from './aws-request.js';
export * from './constants.js';
export {
  isAlive,
  type LaunchOptions,
  launchSandbox,
  readSandboxState,
  type SandboxState,
  stopSandbox,
} from './daemon.js';
export {
  applySandboxEnv,
  CLEARED_ENV_VARS,
  type SandboxEnv,
  sandboxEnv,
  shellExports,
  withSandboxEnv,
} from './env.js';
export { EstateError, SandboxError, SeedError, SetupError } from './errors.js';
export * from './estate.js';
export { type ActiveFault, type FaultKind, type FaultRule, FaultRuleSchema } from './faults.js';
export { generateLargeEstate, type LargeEstateOptions } from './large-estate.js';
export type * from './manifest.js';
export { accountProfile, BILLING_PROFILE, MANAGEMENT_PROFILE } from './profiles.js';
export type { Latency, LatencyInput, RequestCount, RequestCounts } from './proxy.js';
export {
  jsonResponse,
  type SyntheticContext,
  type SyntheticHandler,
  type SyntheticOperation,
  type SyntheticResponse,
} from './synthetic.js';

/** The estate seeded when none is given: 1 management and 7 member accounts, 38 instances. */
export const DEFAULT_ESTATE_FILE = fileURLToPath(new URL('../estates/default.json', import.meta.url));

export interface StartSandboxOptions {
  /** An estate, or the path of an estate JSON file; estates/default.json when absent. */
  estate?: Estate | EstateInput | string;
  /**
   * Gets moto's log, the AWS config and credentials files and the manifest. When absent, a temp dir that
   * stop() removes (a failed start leaves it, for moto.log).
   */
  stateDir?: string;
  latency?: LatencyInput;
  /** Operations the proxy answers in moto's place. */
  synthetic?: readonly SyntheticOperation[];
  /** Progress messages. */
  log?: (message: string) => void;
}

/** What a test in another process needs to use the sandbox; plain JSON. */
export interface SandboxInfo {
  /** The proxy: every client talks to this. */
  endpoint: string;
  stateDir: string;
  configFile: string;
  credentialsFile: string;
  /** Variables to set (see CLEARED_ENV_VARS for those to remove; `withSandboxEnv` does both). */
  env: SandboxEnv;
  seeded: SeededEstate;
}

export interface SandboxTimings {
  /** venv and libfaketime checks. */
  setupMs: number;
  motoMs: number;
  seedMs: number;
  totalMs: number;
}

export interface SandboxHandle extends SandboxInfo {
  /** moto itself, bypassing faults, latency and counting. */
  motoEndpoint: string;
  motoPid: number;
  motoLogFile: string;
  /** The seeded manifest as a JSON file. */
  manifestFile: string;
  estate: Estate;
  admin: SandboxAdmin;
  timings: SandboxTimings;
  stop(): Promise<void>;
}

async function resolveEstate(estate: StartSandboxOptions['estate']): Promise<Estate> {
  if (estate === undefined) return loadEstate(DEFAULT_ESTATE_FILE);
  return typeof estate === 'string' ? loadEstate(estate) : parseEstate(estate);
}

/**
 * Starts moto (under libfaketime) and the proxy in front of it, seeds the estate, and writes the
 * profiles. Stop it with `stop()`; moto also exits on its own when this process does.
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<SandboxHandle> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const estate = await resolveEstate(options.estate);
  const ownsStateDir = options.stateDir === undefined;
  const stateDir = options.stateDir ?? (await mkdtemp(join(tmpdir(), 'runbooks-sandbox-')));
  await mkdir(stateDir, { recursive: true });

  const [python, libfaketime] = await Promise.all([ensureVenv(log), ensureLibfaketime(log)]);
  const setupDone = Date.now();
  log('starting moto');
  const moto = await startMoto({ python, libfaketime, stateDir });
  const motoDone = Date.now();
  let proxy: SandboxProxy | undefined;
  const shutDown = async () => {
    await proxy?.close();
    await moto.stop();
  };

  try {
    proxy = await startProxy({
      upstream: moto.endpoint,
      latency: options.latency,
      synthetic: options.synthetic,
    });
    proxy.setContext({ estate });
    // Straight to moto: seeding is neither delayed, faulted nor counted.
    const seeded = await seedEstate({ endpoint: moto.endpoint, estate, clock: moto.clock, log });
    proxy.setContext({ estate, seeded });
    const seedDone = Date.now();

    const manifestFile = join(stateDir, 'seeded.json');
    await writeFile(manifestFile, `${JSON.stringify(seeded, null, 2)}\n`);
    const { configFile, credentialsFile } = await writeProfiles(stateDir, proxy.endpoint, seeded);
    const endpoint = proxy.endpoint;
    let stopped: Promise<void> | undefined;
    return {
      endpoint,
      stateDir,
      configFile,
      credentialsFile,
      env: sandboxEnv({ endpoint, configFile, credentialsFile }),
      seeded,
      motoEndpoint: moto.endpoint,
      motoPid: moto.pid,
      motoLogFile: moto.logFile,
      manifestFile,
      estate,
      admin: createAdminClient(endpoint),
      timings: {
        setupMs: setupDone - started,
        motoMs: motoDone - setupDone,
        seedMs: seedDone - motoDone,
        totalMs: Date.now() - started,
      },
      stop: () => {
        stopped ??= shutDown().then(() =>
          ownsStateDir ? rm(stateDir, { recursive: true, force: true }) : undefined,
        );
        return stopped;
      },
    };
  } catch (error) {
    await shutDown();
    throw error;
  }
}
