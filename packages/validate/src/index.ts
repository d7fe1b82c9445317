export { ValidateError } from './errors.js';
