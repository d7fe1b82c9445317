import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Type-only: augmenting 'vitest' needs it in the program, and a globalSetup must not load its runtime.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { launchSandbox, stopSandbox } from './daemon.js';
import type { SandboxInfo } from './index.js';
import type { SeededEstate } from './manifest.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared sandbox of the integration project; `inject('sandbox')` in a test. */
    sandbox: SandboxInfo;
  }
}

/**
 * vitest globalSetup: one sandbox with the default estate for the whole integration project. Tests get its
 * endpoint, profiles, env and seeded manifest with `inject('sandbox')`.
 *
 * The sandbox runs in a child node process: loaded here, the AWS SDK would go through Vite's transform
 * (14 s instead of 1.4 s). The child exits with this process, however it ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const home = await mkdtemp(join(tmpdir(), 'runbooks-sandbox-'));
  const state = await launchSandbox({ home, detached: false });
  const seeded = JSON.parse(await readFile(state.manifestFile, 'utf8')) as SeededEstate;
  const seconds = (state.timings.totalMs / 1000).toFixed(1);
  console.info(`sandbox: ${state.endpoint} ready in ${seconds} s (moto log: ${state.motoLogFile})`);
  const { endpoint, stateDir, configFile, credentialsFile, env } = state;
  project.provide('sandbox', { endpoint, stateDir, configFile, credentialsFile, env, seeded });
  return async () => {
    await stopSandbox(home);
    await rm(home, { recursive: true, force: true });
  };
}
