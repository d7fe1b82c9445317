// `npm run demo`: builds the packages, starts the sandbox (moto + proxy + the default landing zone),
// then runs the built runbooks CLI against it exactly as a user would — by profile, through the real
// credential providers — and leaves the outputs in data/outputs/. `--keep` leaves the sandbox running.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, withSandboxEnv } from '../src/index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'apps', 'runbooks', 'dist', 'bin.js');
const outputDir = join(root, 'data', 'outputs');
const keep = process.argv.includes('--keep');
// The SDK's notice that its 2027 releases need Node 22 would repeat for every step of the demo;
// the README states the Node requirement once.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Runs a command to completion; its output is shown, or only kept to show on failure. */
function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; quiet?: boolean } = {}) {
  // Asynchronous on purpose: the sandbox's proxy runs in this process and must keep answering.
  return new Promise<{ status: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: options.env ?? process.env,
      stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

const buildStarted = Date.now();
console.error('Building the packages and the CLI…');
const build = await run('npm', ['run', 'build'], { quiet: true });
if (build.status !== 0) {
  console.error(build.output);
  console.error('The build failed: see above.');
  process.exit(1);
}
console.error(`Built in ${((Date.now() - buildStarted) / 1000).toFixed(1)} s`);

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
    const { status } = await run(process.execPath, [bin, ...step.args, '--output-dir', outputDir], { env });
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
