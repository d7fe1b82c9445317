export { DiscoveryError } from './errors.js';
