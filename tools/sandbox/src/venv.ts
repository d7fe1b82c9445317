import { execFile } from 'node:child_process';
import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SetupError } from './errors.js';

const execFileAsync = promisify(execFile);

const SANDBOX_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Project-local virtualenv; gitignored. */
export const VENV_DIR = join(SANDBOX_ROOT, '.venv');
const REQUIREMENTS = join(SANDBOX_ROOT, 'requirements.txt');

async function run(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, { env, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new SetupError(`${command} ${args.join(' ')} failed${stderr ? `:\n${stderr}` : ''}`, {
      cause: error,
    });
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function pinnedMotoVersion(): Promise<string> {
  const requirements = await readFile(REQUIREMENTS, 'utf8');
  const pin = /^moto(?:\[[^\]]*\])?==(\S+)/m.exec(requirements)?.[1];
  if (pin === undefined) throw new SetupError(`${REQUIREMENTS} does not pin moto with ==`);
  return pin;
}

/** The installed moto version (from its metadata: importing moto takes a second), or undefined. */
async function installedMotoVersion(python: string): Promise<string | undefined> {
  try {
    const out = await run(python, ['-c', 'from importlib.metadata import version; print(version("moto"))']);
    return out.trim();
  } catch {
    return undefined;
  }
}

/**
 * Makes sure tools/sandbox/.venv exists and has the pinned moto, and returns its python.
 * The venv sees system site-packages, so a system-wide moto of the right version satisfies pip offline.
 */
export async function ensureVenv(log: (message: string) => void = () => {}): Promise<string> {
  const python = join(VENV_DIR, 'bin', 'python');
  if (!(await exists(python))) {
    log(`creating ${VENV_DIR}`);
    await run('python3', ['-m', 'venv', '--system-site-packages', VENV_DIR]);
  }
  const wanted = await pinnedMotoVersion();
  if ((await installedMotoVersion(python)) !== wanted) {
    log(`installing moto ${wanted} into ${VENV_DIR}`);
    await run(python, ['-m', 'pip', 'install', '-q', '-r', REQUIREMENTS]);
  }
  return python;
}

async function findLibfaketime(): Promise<string | undefined> {
  // Debian keeps it under the multiarch triplet (/usr/lib/x86_64-linux-gnu), others directly under lib or lib64.
  const triplets = await readdir('/usr/lib').catch(() => []);
  const dirs = [
    ...triplets.map((name) => join('/usr/lib', name)),
    '/usr/lib',
    '/usr/lib64',
    '/usr/local/lib',
  ];
  for (const dir of dirs) {
    const candidate = join(dir, 'faketime', 'libfaketime.so.1');
    if (await exists(candidate)) return candidate;
  }
  return undefined;
}

/** Returns the path of libfaketime.so.1, installing it with apt-get when running as root. */
export async function ensureLibfaketime(log: (message: string) => void = () => {}): Promise<string> {
  const found = await findLibfaketime();
  if (found !== undefined) return found;
  if (process.platform === 'linux' && process.getuid?.() === 0 && (await exists('/usr/bin/apt-get'))) {
    log('installing libfaketime with apt-get');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      await run('apt-get', ['install', '-y', '-q', 'libfaketime'], env);
    } catch {
      // A fresh image has no package lists yet.
      await run('apt-get', ['update', '-q'], env);
      await run('apt-get', ['install', '-y', '-q', 'libfaketime'], env);
    }
    const installed = await findLibfaketime();
    if (installed !== undefined) return installed;
  }
  throw new SetupError(
    'libfaketime is required to back-date moto (instances launched or stopped weeks ago). ' +
      'Install it: `sudo apt-get install libfaketime` (Debian/Ubuntu), `sudo dnf install libfaketime` (Fedora). ' +
      'The sandbox looks for /usr/lib/*/faketime/libfaketime.so.1.',
  );
}
