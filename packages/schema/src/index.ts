export { SchemaError } from './errors.js';
