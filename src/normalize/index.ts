/**
 * @module
 * normalize: raw input → NormalizedDocuments (one text, sections, metadata, repeats, diagnostics).
 */
export { normalizeRaw, normalizeText } from './normalize-raw.js'
export { loadFromText, type PastedMetadata } from './load-from-text.js'
export type { NormalizeOutcome } from './normalize-outcome.js'
export { decodeBytes } from './decode-bytes.js'
export { detectFormat, sniffFormat, INPUT_FORMATS, type InputFormat } from './detect-format.js'
export { buildDocument } from './build-document.js'
export type { DocumentDraft, DraftBlock } from './document-draft.js'
export { htmlToDraft } from './html-to-draft.js'
export { textToDraft } from './text-to-draft.js'
export { markdownToText } from './markdown-to-text.js'
export { detectLanguage } from './detect-language.js'
export { detectKind } from './detect-kind.js'
export { normalizeDate } from './normalize-date.js'
export { findRepeats } from './find-repeats.js'
export { sectionTexts } from './section-texts.js'
