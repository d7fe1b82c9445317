export { AwsError } from './errors.js';
