import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { motoAmiFile } from './amis.js';
import { SetupError } from './errors.js';

const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 30_000;

/**
 * Runs moto's server so that it never outlives its sandbox: it exits as soon as stdin reaches EOF, which
 * happens when the node process that spawned it goes away for any reason, SIGKILL included; and SIGINT or
 * SIGTERM (Ctrl-C, `timeout`, reaching the whole process group) end it at once, where moto's own handler
 * would sys.exit into an interpreter shutdown that can hang on its request threads.
 *
 * moto lists its package directory on every request to route it, under a lock that serialises all requests;
 * the listing never changes, so it is cached.
 *
 * Before listening it loads what the first calls of each service would: the heavy modules (EC2 alone takes
 * 1.5 s) and the botocore models. moto caches a model only once loaded, so parallel first calls would each
 * load it again, all fighting over the GIL: that made the first AssumeRole or CreateBucket calls of a
 * parallel seed take 1.5 s each.
 */
const MOTO_MAIN = `
import functools, importlib, os, sys, threading
import moto.backends, moto.server
from moto.backends import list_of_moto_modules
from moto.core.utils import get_pagination_model, get_service_model

def exit_with_parent():
    sys.stdin.buffer.read()
    os._exit(0)

threading.Thread(target=exit_with_parent, daemon=True).start()
moto.server.signal_handler = lambda signum, frame: os._exit(0)
moto.backends.list_of_moto_modules = functools.cache(lambda: tuple(list_of_moto_modules()))
for module in ("ec2", "cloudformation", "s3", "cloudwatch", "cloudtrail", "config"):
    importlib.import_module(f"moto.{module}.urls")
for model in ("sts", "organizations", "iam", "ec2", "s3", "cloudformation", "cloudwatch", "cloudtrail", "config", "ssm", "sns"):
    get_service_model(model)
    try:
        get_pagination_model(model)
    except Exception:
        pass
moto.server.main(sys.argv[1:])
`;

/**
 * moto's wall clock, moved through libfaketime's timestamp file. Every time() call in moto re-reads the
 * file (FAKETIME_NO_CACHE), so a move applies to the very next request.
 */
export class MotoClock {
  constructor(readonly file: string) {}

  /** Moves moto's clock to `daysAgo` days before real time; 0 is real time. */
  async set(daysAgo: number): Promise<void> {
    const spec = daysAgo === 0 ? '+0' : `-${daysAgo}d`;
    // Write then rename, so moto never reads a half-written file.
    const temp = `${this.file}.tmp`;
    await writeFile(temp, `${spec}\n`);
    await rename(temp, this.file);
  }
}

export interface MotoServer {
  endpoint: string;
  pid: number;
  logFile: string;
  clock: MotoClock;
  stop(): Promise<void>;
}

export interface StartMotoOptions {
  /** python of the venv that has moto[server]. */
  python: string;
  libfaketime: string;
  /** Holds moto.log, the faketime file and the AMI file. */
  stateDir: string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, HOST);
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new SetupError('could not find a free port');
  return address.port;
}

async function logTail(logFile: string): Promise<string> {
  const log = await readFile(logFile, 'utf8').catch(() => '');
  return log.split('\n').slice(-20).join('\n');
}

async function waitUntilReady(endpoint: string, child: ChildProcess, logFile: string): Promise<void> {
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (spawnError !== undefined) throw new SetupError('could not start moto', { cause: spawnError });
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new SetupError(`moto exited during startup:\n${await logTail(logFile)}`);
    }
    try {
      const response = await fetch(`${endpoint}/moto-api/`);
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(50);
  }
  throw new SetupError(
    `moto did not answer on ${endpoint} within ${READY_TIMEOUT_MS} ms:\n${await logTail(logFile)}`,
  );
}

/**
 * Closes moto's stdin, which makes it exit at once. Not SIGTERM: moto turns that into sys.exit, and the
 * interpreter then waits for request threads parked on idle keep-alive connections.
 */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.stdin?.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

interface SpawnSettings {
  python: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  clock: MotoClock;
}

async function spawnMoto({ python, env, logFile, clock }: SpawnSettings): Promise<MotoServer> {
  const port = await freePort();
  const endpoint = `http://${HOST}:${port}`;
  const log = await open(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(python, ['-c', MOTO_MAIN, '-H', HOST, '-p', String(port)], {
      env,
      stdio: ['pipe', log.fd, log.fd],
    });
  } finally {
    await log.close();
  }
  try {
    await waitUntilReady(endpoint, child, logFile);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  if (child.pid === undefined) throw new SetupError('moto started without a pid');
  return { endpoint, pid: child.pid, logFile, clock, stop: () => stopChild(child) };
}

/** Starts moto's server on a free loopback port under libfaketime, at real time. */
export async function startMoto(options: StartMotoOptions): Promise<MotoServer> {
  const logFile = join(options.stateDir, 'moto.log');
  const clock = new MotoClock(join(options.stateDir, 'faketime'));
  await clock.set(0);
  const amiFile = join(options.stateDir, 'amis.json');
  await writeFile(amiFile, motoAmiFile());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MOTO_AMIS_PATH: amiFile,
    LD_PRELOAD: options.libfaketime,
    FAKETIME_TIMESTAMP_FILE: clock.file,
    FAKETIME_NO_CACHE: '1',
  };
  // The management account must stay moto's default, 123456789012.
  delete env.MOTO_ACCOUNT_ID;
  // Another process can take the free port before moto binds it; a retry picks a new one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnMoto({ python: options.python, env, logFile, clock });
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
