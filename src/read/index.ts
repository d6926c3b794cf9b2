/**
 * @module
 * read: input specs (files, directories, globs, `-`, http(s) URLs) → raw bytes with a media type.
 */
export type { RawInput } from './raw-input.js'
export type { InputRef } from './input-ref.js'
export { inputRefName } from './input-ref.js'
export { DEFAULT_READ_OPTIONS, resolveReadOptions, type ReadOptions } from './read-options.js'
export { expandInputSpec } from './expand-input-spec.js'
export { readInput } from './read-input.js'
export { fetchUrlInput, MAX_REDIRECTS } from './fetch-url-input.js'
export { assertPublicHost } from './assert-public-host.js'
export { publicOnlyLookup } from './public-only-lookup.js'
export { addressRange } from './address-range.js'
export { mediaTypeForPath } from './media-type-for-path.js'
export { isDocumentPath } from './is-document-path.js'
