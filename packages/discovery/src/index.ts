export {
  type DiscoverEc2Options,
  discoverEc2,
  type Ec2Discovery,
  stateSince,
  type TargetAccount,
} from './ec2.js';
export { DiscoveryError } from './errors.js';
