export { CostError } from './errors.js';
