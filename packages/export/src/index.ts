export { ExportError } from './errors.js';
