export { ScoringError } from './errors.js';
