// `npm run demo`: starts the sandbox (moto + proxy + the default landing zone), then runs the
// built runbooks CLI against it exactly as a user would — by profile, through the real credential
// providers — and leaves the outputs in data/outputs/. `--keep` leaves the sandbox running.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, withSandboxEnv } from '../src/index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'apps', 'runbooks', 'dist', 'bin.js');
const outputDir = join(root, 'data', 'outputs');
const keep = process.argv.includes('--keep');

if (!existsSync(bin)) {
  console.error(
    `The CLI is not built (${bin} is missing): run "npm run build" first, or use "npm run demo".`,
  );
  process.exit(1);
}

console.error('Starting the sandbox (first run creates tools/sandbox/.venv with moto)…');
const sandbox = await startSandbox({ log: (message) => console.error(`  ${message}`) });
console.error(`Sandbox ready at ${sandbox.endpoint} in ${(sandbox.timings.totalMs / 1000).toFixed(1)} s\n`);

const env = withSandboxEnv(sandbox.env);
const steps: Array<{ title: string; args: string[] }> = [
  {
    title: 'Organizations: every account with its OU path (management profile)',
    args: [
      'inventory',
      'list-org-accounts',
      '--profile',
      'sandbox-mgmt',
      '--export',
      'csv',
      '--export',
      'markdown',
    ],
  },
  {
    title: 'Discovery: every EC2 instance of every active account and region (operations profile)',
    args: [
      'inventory',
      'discover-ec2',
      '--ops-profile',
      'sandbox-ops',
      '--mgmt-profile',
      'sandbox-mgmt',
      '--regions',
      'us-east-1',
      'ap-southeast-2',
      '--export',
      'csv',
      '--export',
      'json',
    ],
  },
  {
    title: 'Stopped instances (CloudOps investigation list)',
    args: [
      'inventory',
      'discover-ec2',
      '--ops-profile',
      'sandbox-ops',
      '--mgmt-profile',
      'sandbox-mgmt',
      '--regions',
      'us-east-1',
      'ap-southeast-2',
      '--state',
      'stopped',
    ],
  },
];

let failed = false;
try {
  for (const step of steps) {
    console.error(`\n=== ${step.title}\n$ runbooks ${step.args.join(' ')}`);
    // Asynchronous on purpose: the sandbox's proxy runs in this process and must keep answering.
    const status = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...step.args, '--output-dir', outputDir], {
        cwd: root,
        env,
        stdio: 'inherit',
      });
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (status !== 0) {
      console.error(`runbooks exited ${status}`);
      failed = true;
    }
  }
  console.error(`\nOutputs in ${outputDir}:`);
  for (const file of readdirSync(outputDir).sort()) console.error(`  ${file}`);
} finally {
  if (keep) {
    console.error(`\nThe sandbox keeps running (Ctrl-C to stop). To use it from another shell:\n`);
    for (const [name, value] of Object.entries(sandbox.env)) console.error(`export ${name}=${value}`);
    await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  }
  await sandbox.stop();
}
process.exitCode = failed ? 1 : 0;
