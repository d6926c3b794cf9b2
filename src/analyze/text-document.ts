import type { DocumentMetadata, NormalizedDocument } from '../model/document.js'

/**
 * A normalized document made of one body section covering `text` (for tests, the REPL and
 * callers that have plain text). Unknown metadata is null, as `normalize` would leave it.
 */
export function textDocument(
  text: string,
  metadata: Partial<DocumentMetadata> = {},
): NormalizedDocument {
  return {
    metadata: {
      source: metadata.source ?? 'text',
      title: metadata.title ?? null,
      author: metadata.author ?? null,
      site: metadata.site ?? null,
      publishedAt: metadata.publishedAt ?? null,
      kind: metadata.kind ?? 'other',
      language: metadata.language ?? 'en',
    },
    text,
    sections: text.length === 0 ? [] : [{ kind: 'body', start: 0, end: text.length }],
    repeats: [],
    diagnostics: [],
  }
}
