/**
 * @module
 * load: input specs → NormalizedDocuments (read + normalize), and pasted text → a document.
 */
export { loadDocuments, type LoadOutcome, type LoadOptions } from './load-documents.js'
export {
  loadFromText,
  normalizeRaw,
  type PastedMetadata,
  type NormalizeOutcome,
} from '../normalize/index.js'
export type { RawInput, ReadOptions } from '../read/index.js'
export { DEFAULT_READ_OPTIONS } from '../read/index.js'
