import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { SandboxEnv } from './env.js';
import { SetupError } from './errors.js';
import type { SandboxTimings } from './index.js';

// No AWS SDK here, not even indirectly: the vitest globalSetup imports this module, and there the SDK would
// go through Vite's transform, ten times slower than node's own loader.

const SCRIPT = fileURLToPath(new URL('../scripts/sandbox.ts', import.meta.url));
/** The repo root, where `--import tsx` resolves. */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** What a running sandbox process leaves in its home directory (state.json) for others to find it. */
export interface SandboxState {
  /** The node process that owns moto and the proxy. */
  pid: number;
  motoPid: number;
  endpoint: string;
  motoEndpoint: string;
  stateDir: string;
  configFile: string;
  credentialsFile: string;
  manifestFile: string;
  motoLogFile: string;
  env: SandboxEnv;
  estate: string;
  startedAt: string;
  timings: SandboxTimings;
}

export interface LaunchOptions {
  /** Gets state.json, daemon.log and the sandbox's state dir (run/). */
  home: string;
  /** Estate file; the default estate when absent. */
  estate?: string;
  /** `accounts,instancesPerAccount` of a generated large estate. */
  large?: string;
  /** Detached, the sandbox outlives this process (npm run sandbox); attached, it dies with it. */
  detached: boolean;
  timeoutMs?: number;
}

export function stateFileIn(home: string): string {
  return join(home, 'state.json');
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function readSandboxState(home: string): Promise<SandboxState | undefined> {
  try {
    return JSON.parse(await readFile(stateFileIn(home), 'utf8')) as SandboxState;
  } catch {
    return undefined;
  }
}

function logTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '';
  }
}

/**
 * Runs `scripts/sandbox.ts serve` in its own node process and waits until it has written state.json.
 * An attached sandbox watches its stdin and shuts down when this process goes away.
 */
export async function launchSandbox(options: LaunchOptions): Promise<SandboxState> {
  await mkdir(options.home, { recursive: true });
  await rm(stateFileIn(options.home), { force: true });
  const args = ['--import', 'tsx', SCRIPT, 'serve', '--home', options.home];
  if (options.estate !== undefined) args.push('--estate', options.estate);
  if (options.large !== undefined) args.push('--large', options.large);
  if (!options.detached) args.push('--exit-with-parent');
  const logFile = join(options.home, 'daemon.log');
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    detached: options.detached,
    stdio: [options.detached ? 'ignore' : 'pipe', log, log],
  });
  if (options.detached) child.unref();

  const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
  while (Date.now() < deadline) {
    const state = await readSandboxState(options.home);
    if (state !== undefined) return state;
    if (child.exitCode !== null || child.signalCode !== null) break;
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new SetupError(`the sandbox did not start (log: ${logFile}):\n${logTail(logFile)}`);
}

/** Stops the sandbox whose state is in `home`; false when none was running. */
export async function stopSandbox(home: string): Promise<boolean> {
  const state = await readSandboxState(home);
  if (state === undefined) return false;
  if (isAlive(state.pid)) process.kill(state.pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && isAlive(state.pid); waited += 100) await sleep(100);
  for (const pid of [state.pid, state.motoPid]) {
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  await rm(stateFileIn(home), { force: true });
  return true;
}
