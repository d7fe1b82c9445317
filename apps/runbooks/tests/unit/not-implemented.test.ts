import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

afterEach(() => {
  process.exitCode = undefined;
});

/** Every command except the two with lazy implementations (see lazy-commands.test.ts). */
const NOT_IMPLEMENTED = [
  'inventory workflow-multi-account',
  'inventory score-decommission',
  'inventory enrich-activity',
  'inventory validate-mcp',
  'inventory draw-org',
  'inventory check-landingzone',
  'inventory cfn drift',
  'inventory tag-coverage',
  'inventory discover-s3',
  'finops analyze-ec2',
  'finops dashboard',
];

describe('commands not implemented yet', () => {
  it.each(NOT_IMPLEMENTED)(
    'runbooks %s exits 1 with the not-implemented message only',
    async (commandPath) => {
      // Act
      const run = await runCli(commandPath.split(' '));

      // Assess
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toBe('');
      const escaped = commandPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(run.stderr).toMatch(
        new RegExp(`^Error: runbooks ${escaped} is not implemented yet\\. It will [^\\n]+\\.\\n$`),
      );
    },
  );

  it('prints no stack trace and no --verbose hint without --verbose', async () => {
    // Act
    const run = await runCli(['inventory', 'draw-org']);

    // Assess
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain('--verbose');
  });

  it('prints the stack trace with --verbose', async () => {
    // Act
    const run = await runCli(['inventory', 'draw-org', '--verbose']);

    // Assess
    expect(run.exitCode).toBe(1);
    const [first, ...frames] = run.stderr.trimEnd().split('\n');
    expect(first).toMatch(/^Error: runbooks inventory draw-org is not implemented yet\./);
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) expect(frame).toMatch(/^\s+at /);
  });

  it('still validates the flags before failing as not implemented', async () => {
    // Act
    const run = await runCli(['inventory', 'draw-org', '--format', 'svg']);

    // Assess
    expect(run.exitCode).toBe(1);
    expect(run.stderr).not.toContain('not implemented');
    expect(run.stderr).toContain('Argument: format, Given: "svg"');
  });
});
