export { writeFileAtomic } from './atomic-write.js';
export type { RecordSchema } from './csv-codec.js';
export { MalformedFileError, type RecordLocation, RecordValidationError, SchemaError } from './errors.js';
export {
  csvLines,
  readCsv,
  readCsvRecords,
  readJson,
  readJsonDocument,
  writeCsv,
  writeJson,
  writeJsonDocument,
} from './record-io.js';
export * from './records/common.js';
export * from './records/compute.js';
export * from './records/finops.js';
export * from './records/organizations.js';
export { type ProgressEvent, type RunSink, silentSink } from './sink.js';
