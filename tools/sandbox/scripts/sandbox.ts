/**
 * npm run sandbox -- start|stop|status [--estate path] [--large accounts,instancesPerAccount]
 *
 * `start` runs the sandbox in a detached process, leaves .sandbox/state.json at the repo root and prints
 * the environment as shell lines on stdout (progress goes to stderr): eval "$(npm run -s sandbox -- start)".
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { countRequests, createAdminClient } from '../src/admin-client.js';
import {
  isAlive,
  launchSandbox,
  readSandboxState,
  type SandboxState,
  stateFileIn,
  stopSandbox,
} from '../src/daemon.js';
import { shellExports } from '../src/env.js';
import type { StartSandboxOptions } from '../src/index.js';

const HOME = fileURLToPath(new URL('../../../.sandbox', import.meta.url));
const USAGE =
  'usage: npm run sandbox -- start|stop|status [--estate path] [--large accounts,instancesPerAccount]';

interface Options {
  estate?: string;
  large?: string;
  home?: string;
  'exit-with-parent'?: boolean;
}

/** The process `start` launches: starts the sandbox, writes state.json, and holds on until told to stop. */
async function serve(options: Options): Promise<void> {
  // Loaded here only: the AWS SDK takes a second to load, which start, stop and status do not need.
  const { generateLargeEstate, startSandbox } = await import('../src/index.js');
  const home = options.home ?? HOME;
  const started = Date.now();
  const log = (message: string) =>
    console.error(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
  let estate: StartSandboxOptions['estate'];
  if (options.large !== undefined) {
    const [accounts, instancesPerAccount] = options.large.split(',').map(Number);
    if (!Number.isInteger(accounts) || !Number.isInteger(instancesPerAccount)) {
      throw new Error(`--large wants accounts,instancesPerAccount such as 40,75, not ${options.large}`);
    }
    estate = generateLargeEstate({
      accounts: accounts as number,
      instancesPerAccount: instancesPerAccount as number,
    });
  } else {
    estate = options.estate;
  }

  const stateDir = join(home, 'run');
  await rm(stateDir, { recursive: true, force: true });
  const sandbox = await startSandbox({ estate, stateDir, log });
  const state: SandboxState = {
    pid: process.pid,
    motoPid: sandbox.motoPid,
    endpoint: sandbox.endpoint,
    motoEndpoint: sandbox.motoEndpoint,
    stateDir: sandbox.stateDir,
    configFile: sandbox.configFile,
    credentialsFile: sandbox.credentialsFile,
    manifestFile: sandbox.manifestFile,
    motoLogFile: sandbox.motoLogFile,
    env: sandbox.env,
    estate: sandbox.estate.name,
    startedAt: new Date(started).toISOString(),
    timings: sandbox.timings,
  };
  let stopping = false;
  const shutDown = async () => {
    if (stopping) return;
    stopping = true;
    await sandbox.stop();
    await rm(stateFileIn(home), { force: true });
    process.exit(0);
  };
  process.on('SIGTERM', shutDown);
  process.on('SIGINT', shutDown);
  if (options['exit-with-parent']) {
    process.stdin.on('end', shutDown);
    process.stdin.resume();
  }
  // The launcher polls for state.json, so it appears whole or not at all.
  const file = stateFileIn(home);
  await writeFile(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
  log(`ready at ${sandbox.endpoint}`);
}

async function start(options: Options): Promise<number> {
  const running = await readSandboxState(HOME);
  if (running !== undefined && isAlive(running.pid)) {
    console.error(`sandbox already running at ${running.endpoint} (pid ${running.pid})`);
    console.log(shellExports(running.env));
    return 0;
  }
  console.error(`starting the sandbox (log: ${join(HOME, 'daemon.log')})`);
  const state = await launchSandbox({
    home: HOME,
    estate: options.estate === undefined ? undefined : resolve(options.estate),
    large: options.large,
    detached: true,
  });
  const seconds = (state.timings.totalMs / 1000).toFixed(1);
  console.error(`sandbox ready at ${state.endpoint} in ${seconds} s; stop it with npm run sandbox -- stop`);
  console.log(shellExports(state.env));
  return 0;
}

async function status(): Promise<number> {
  const state = await readSandboxState(HOME);
  if (state === undefined || !isAlive(state.pid)) {
    console.log('sandbox: not running');
    return 1;
  }
  const admin = createAdminClient(state.endpoint);
  const [{ seeded }, counts] = await Promise.all([admin.manifest(), admin.requestCounts()]);
  const accounts = Object.keys(seeded.accounts).length;
  const instances = Object.keys(seeded.instances).length;
  console.log(
    [
      `sandbox: running (pid ${state.pid}, moto pid ${state.motoPid}) since ${state.startedAt}`,
      `endpoint: ${state.endpoint} (moto ${state.motoEndpoint})`,
      `estate: ${state.estate}: ${accounts} accounts, ${instances} instances`,
      `requests: ${counts.total} (${counts.faults} faulted, ${countRequests(counts, { service: 'ec2' })} to ec2)`,
      `config: ${state.configFile}`,
      `manifest: ${state.manifestFile}`,
    ].join('\n'),
  );
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      estate: { type: 'string' },
      large: { type: 'string' },
      home: { type: 'string' },
      'exit-with-parent': { type: 'boolean' },
    },
  });
  switch (positionals[0]) {
    case 'start':
      return start(values);
    case 'stop':
      console.error((await stopSandbox(HOME)) ? 'sandbox stopped' : 'no sandbox is running');
      return 0;
    case 'status':
      return status();
    case 'serve':
      await serve(values);
      return 0;
    default:
      console.error(USAGE);
      return 2;
  }
}

// `serve` returns once the sandbox is up; moto and the proxy keep its process alive.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
