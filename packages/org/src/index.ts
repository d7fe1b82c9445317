export { OrgError } from './errors.js';
