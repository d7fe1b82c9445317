export { ActivityError } from './errors.js';
