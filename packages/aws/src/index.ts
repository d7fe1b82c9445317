export { DEFAULT_ROLE_NAMES, RoleAssumer, type RoleAssumerOptions } from './assume-role.js';
export {
  type AwsClientClass,
  AwsClientFactory,
  type AwsScope,
  type ClientFactoryOptions,
  type ClientOptions,
  type ClientSource,
} from './client-factory.js';
export { AssumeRoleError, AwsAccessError, CredentialsError } from './errors.js';
export {
  DEFAULT_SERVICE_LIMITS,
  type FanOutOptions,
  type FanOutResult,
  type FanOutTask,
  fanOut,
  type ServiceLimits,
  toScopeFailure,
} from './fan-out.js';
export { isThrottlingError, type MeterSnapshot, type OperationUsage, RequestMeter } from './metering.js';
export { enabledRegions } from './regions.js';
export { type AwsSession, openSession, type SessionOptions } from './session.js';
