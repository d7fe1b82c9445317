// Packs every publishable package as npm would publish it, installs the tarballs into a scratch
// project outside the workspace, and proves they import, type-check and run there. A published
// package that cannot be imported fails here, not on a user's machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const packageDirs = [
  ...readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name)),
  join(root, 'apps', 'runbooks'),
];
// Importable without pulling in the AWS SDK: other tooling depends on these alone.
const SDK_FREE = ['@inv/schema', '@inv/scoring', '@inv/validate', '@inv/export'];
const EXPECTED_EXPORTS: Record<string, string[]> = {
  '@inv/schema': ['Ec2InstanceSchema', 'OrgAccountSchema', 'readCsv', 'writeCsv', 'RecordValidationError'],
  '@inv/aws': ['openSession', 'fanOut', 'RequestMeter', 'RoleAssumer', 'AwsClientFactory'],
  '@inv/discovery': ['discoverEc2'],
  '@inv/org': ['listOrganization'],
  '@inv/cost': ['CostError'],
  '@inv/activity': ['ActivityError'],
  '@inv/scoring': ['tierForScore'],
  '@inv/validate': ['ValidateError'],
  '@inv/export': ['ExportError'],
};

let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail = ''): void {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? '✓' : '✗'} ${name}${ok || !detail ? '' : `\n    ${detail}`}`);
}

const scratch = mkdtempSync(join(tmpdir(), 'runbooks-pack-'));
const tarballs: string[] = [];
for (const dir of packageDirs) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    private?: boolean;
  };
  if (manifest.private) continue;
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: dir, encoding: 'utf8' }),
  ) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (!packed) throw new Error(`npm pack produced nothing for ${manifest.name}`);
  const files = packed.files.map((file) => file.path);
  check(
    `${manifest.name} packs dist/ and README.md, no sources or tests`,
    files.includes('README.md') &&
      files.some((file) => file.startsWith('dist/') && file.endsWith('.js')) &&
      !files.some((file) => file.startsWith('src/') || file.startsWith('tests/')),
    files.join(', '),
  );
  tarballs.push(join(scratch, packed.filename));
}

writeFileSync(
  join(scratch, 'package.json'),
  JSON.stringify({ name: 'scratch', private: true, type: 'module' }),
);
execFileSync(
  'npm',
  ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs],
  {
    cwd: scratch,
    stdio: 'inherit',
  },
);

for (const [name, exports] of Object.entries(EXPECTED_EXPORTS)) {
  const probe = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(name)}); console.log(JSON.stringify(${JSON.stringify(exports)}.filter((e) => !(e in m))));`,
    ],
    {
      cwd: scratch,
      encoding: 'utf8',
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    },
  );
  check(
    `${name} imports with ${exports.join(', ')}`,
    probe.status === 0 && probe.stdout.trim() === '[]',
    probe.stderr || probe.stdout,
  );
}

function dependencyClosure(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  const manifest = JSON.parse(readFileSync(join(scratch, 'node_modules', name, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const dependency of Object.keys(manifest.dependencies ?? {})) dependencyClosure(dependency, seen);
  return seen;
}
for (const name of SDK_FREE) {
  const sdk = [...dependencyClosure(name)].filter((dependency) => /^@(aws-sdk|smithy)\//.test(dependency));
  check(`${name} depends on no AWS SDK package`, sdk.length === 0, sdk.join(', '));
}

writeFileSync(
  join(scratch, 'consumer.ts'),
  `import { type Ec2Instance, Ec2InstanceSchema } from '@inv/schema';
import { tierForScore } from '@inv/scoring';
const tier: 'MUST' | 'SHOULD' | 'COULD' | 'KEEP' = tierForScore(95);
const parsed: Ec2Instance | undefined = Ec2InstanceSchema.safeParse({}).data;
export { parsed, tier };
`,
);
const typecheck = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
    '--noEmit',
    '--strict',
    '--module',
    'nodenext',
    '--moduleResolution',
    'nodenext',
    '--skipLibCheck',
    'false',
    '--types',
    'node',
    '--typeRoots',
    join(root, 'node_modules', '@types'),
    'consumer.ts',
  ],
  { cwd: scratch, encoding: 'utf8' },
);
check(
  'a TypeScript consumer type-checks against the published declarations',
  typecheck.status === 0,
  typecheck.stdout,
);

const cli = (...args: string[]) =>
  spawnSync(join(scratch, 'node_modules', '.bin', 'runbooks'), args, {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
const help = cli('--help');
check(
  'the installed runbooks bin prints its commands',
  help.status === 0 && /inventory/.test(help.stdout) && /finops/.test(help.stdout),
  help.stderr,
);
const unbuilt = cli('inventory', 'discover-s3');
check(
  'an unbuilt command exits 1 saying it is not implemented',
  unbuilt.status === 1 && /not implemented yet/.test(unbuilt.stderr),
  unbuilt.stderr,
);

const report = process.env.RUNBOOKS_TEST_REPORT;
if (report) writeFileSync(report, JSON.stringify({ numPassedTests: passed, numFailedTests: failed }));
// The scratch project is kept only when something failed, to look into.
if (failed === 0) rmSync(scratch, { recursive: true, force: true });
console.log(
  `\npack and import: ${passed} passed, ${failed} failed${failed > 0 ? ` (scratch project kept: ${scratch})` : ''}`,
);
process.exitCode = failed > 0 ? 1 : 0;
