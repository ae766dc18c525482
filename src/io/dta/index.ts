/**
 * Stata `.dta` reader (releases 113–115 and 117–119, both byte orders, streaming) and writer
 * (release 118).
 */
export { type CategoricalOptions, stringsToCategorical } from "./categorical.js";
export {
  epochMsToStataDate,
  epochMsToStataDateTime,
  kindOfFormat,
  STATA_EPOCH_OFFSET_MS,
  stataDateTimeToEpochMs,
  stataDateTimeToIso,
  stataDateToEpochMs,
  stataDateToIso,
} from "./dates.js";
export { DtaError } from "./errors.js";
export { missingName, missingTag } from "./missing.js";
export { DEFAULT_BATCH_ROWS, type DtaFile, type DtaRowSource, openDta, readDta } from "./reader.js";
export { dtaToFrame } from "./to-frame.js";
export type {
  DtaBatch,
  DtaKind,
  DtaMeta,
  DtaReadOptions,
  DtaStorageType,
  DtaTable,
  DtaValueLabel,
  DtaVariable,
  MissingTags,
} from "./types.js";
export { writableFromDta } from "./writable.js";
export { fitNumericType, inferDtaSchema } from "./write-schema.js";
export type {
  DtaSchema,
  DtaSchemaColumn,
  DtaWriteColumn,
  DtaWriteOptions,
  DtaWriteTable,
} from "./write-types.js";
export { createDtaWriter, type DtaWriter, writeDta } from "./writer.js";
