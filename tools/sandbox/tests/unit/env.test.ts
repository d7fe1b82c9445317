import { describe, expect, it } from 'vitest';
import { applySandboxEnv, sandboxEnv, shellExports, withSandboxEnv } from '../../src/env.js';

const env = sandboxEnv({
  endpoint: 'http://127.0.0.1:4566',
  configFile: "/tmp/it's/config",
  credentialsFile: '/tmp/credentials',
});

describe('sandbox environment', () => {
  it('drops credentials, profiles and per-service endpoints that would bypass the sandbox', () => {
    // Act
    const result = withSandboxEnv(env, {
      PATH: '/usr/bin',
      AWS_PROFILE: 'prod',
      AWS_ACCESS_KEY_ID: 'AKIAREAL',
      AWS_ENDPOINT_URL_EC2: 'https://ec2.example.com',
      AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true',
    });

    // Assess
    expect(result).toEqual({ PATH: '/usr/bin', ...env });
  });

  it('applies itself to an environment in place', () => {
    // Prepare
    const target: NodeJS.ProcessEnv = { AWS_SESSION_TOKEN: 'x', HOME: '/root' };

    // Act
    applySandboxEnv(env, target);

    // Assess
    expect(target).toEqual({ HOME: '/root', ...env });
    expect(target.AWS_ENDPOINT_URL).toBe('http://127.0.0.1:4566');
  });

  it('prints shell lines that survive quotes in paths', () => {
    // Act
    const lines = shellExports(env).split('\n');

    // Assess
    expect(lines[0]).toMatch(/^unset AWS_PROFILE .*AWS_ACCESS_KEY_ID/);
    expect(lines).toContain(`export AWS_CONFIG_FILE='/tmp/it'\\''s/config'`);
  });
});
