// The project's whole test run (`npm test`): build, typecheck, lint, unit tests, integration
// tests against the sandbox (started and stopped by vitest's global setup), then the
// pack-and-import test. Ends with one "N passed, N failed" line summing every test run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const reports = join(root, 'tmp', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

interface Step {
  name: string;
  command: string[];
  report?: string;
}

const vitest = (project: string): Step => ({
  name: `${project} tests`,
  command: [
    'npx',
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(reports, `${project}.json`)}`,
  ],
  report: join(reports, `${project}.json`),
});

const steps: Step[] = [
  { name: 'build', command: ['npm', 'run', 'build'] },
  { name: 'typecheck', command: ['npm', 'run', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', 'lint'] },
  vitest('unit'),
  vitest('integration'),
  { name: 'pack and import', command: ['npm', 'run', 'test:pack'], report: join(reports, 'pack.json') },
];

let passed = 0;
let failed = 0;
const failedSteps: string[] = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const result = spawnSync(step.command[0] ?? 'false', step.command.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, RUNBOOKS_TEST_REPORT: step.report ?? '' },
  });
  console.log(`◀ ${step.name}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (step.report) {
    try {
      const report = JSON.parse(readFileSync(step.report, 'utf8')) as {
        numPassedTests: number;
        numFailedTests: number;
      };
      passed += report.numPassedTests;
      failed += report.numFailedTests;
    } catch {
      // A step that crashed before writing its report still fails below through its exit code.
    }
  }
  if (result.status !== 0) {
    failedSteps.push(step.name);
    if (step.name === 'build') break;
  }
}

if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
if (passed === 0 && failedSteps.length === 0) {
  console.log('No test ran: that is a failure.');
  failedSteps.push('no tests');
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failedSteps.length > 0 || failed > 0 ? 1 : 0;
