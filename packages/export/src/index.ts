export { ExportError } from './errors.js';
export { type MarkdownColumn, markdownTable } from './markdown.js';
