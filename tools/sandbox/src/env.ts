import { HOME_REGION } from './constants.js';

/** Environment variables to set so AWS SDKs and CLIs use the sandbox; plain strings, so it serialises. */
export type SandboxEnv = Record<string, string>;

/** Variables that would steer clients to other credentials, profiles or endpoints; they are removed. */
export const CLEARED_ENV_VARS = [
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_ROLE_ARN',
  'AWS_ROLE_SESSION_NAME',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
] as const;

/** Service-specific endpoints (AWS_ENDPOINT_URL_EC2...) would win over AWS_ENDPOINT_URL. */
function isCleared(name: string): boolean {
  return (CLEARED_ENV_VARS as readonly string[]).includes(name) || name.startsWith('AWS_ENDPOINT_URL_');
}

export function sandboxEnv(paths: {
  endpoint: string;
  configFile: string;
  credentialsFile: string;
}): SandboxEnv {
  return {
    AWS_CONFIG_FILE: paths.configFile,
    AWS_SHARED_CREDENTIALS_FILE: paths.credentialsFile,
    // Clients built with explicit credentials (assumed roles) read no profile, so the endpoint comes from here.
    AWS_ENDPOINT_URL: paths.endpoint,
    AWS_REGION: HOME_REGION,
    AWS_DEFAULT_REGION: HOME_REGION,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** A copy of `base` (default: process.env) with the conflicting variables removed and the sandbox's set. */
export function withSandboxEnv(env: SandboxEnv, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    if (!isCleared(name)) result[name] = value;
  }
  return { ...result, ...env };
}

/** Points this process at the sandbox, for tests that create SDK clients in-process. */
export function applySandboxEnv(env: SandboxEnv, target: NodeJS.ProcessEnv = process.env): void {
  for (const name of Object.keys(target)) {
    if (isCleared(name)) delete target[name];
  }
  Object.assign(target, env);
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `unset` and `export` lines for a POSIX shell: `eval "$(npm run -s sandbox -- start)"`. */
export function shellExports(env: SandboxEnv): string {
  const exports = Object.entries(env).map(([name, value]) => `export ${name}=${shellQuote(value)}`);
  return [`unset ${CLEARED_ENV_VARS.join(' ')}`, ...exports].join('\n');
}
