/**
 * @module
 * The normalized document: one text, sections over it, metadata. Produced by `normalize`,
 * consumed by `analyze` and `store`. Offsets are UTF-16 code units into `text`, half-open.
 */

/** A half-open span `[start, end)` in UTF-16 code units into a document's `text`. */
export interface Span {
  readonly start: number
  readonly end: number
}

/** A span together with the text it covers (`text === doc.text.slice(start, end)`). */
export interface TextSpan extends Span {
  readonly text: string
}

export const DOCUMENT_KINDS = ['article', 'blog', 'social', 'other'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export const SECTION_KINDS = ['title', 'byline', 'body', 'comment', 'boilerplate'] as const
export type SectionKind = (typeof SECTION_KINDS)[number]

/** A contiguous region of the text with one role. Sections do not overlap and are in text order. */
export interface Section extends Span {
  readonly kind: SectionKind
  /** The comment's author, where the page shows one (comments only). */
  readonly author?: string
}

/** A paragraph that repeats an earlier paragraph of the same document (counted once downstream). */
export interface Repeat extends Span {
  /** The first occurrence. */
  readonly of: Span
}

/** A problem found in the input that did not stop processing (like vfile messages). */
export interface Diagnostic {
  readonly code: string
  readonly message: string
  readonly span?: Span
}

/** Document metadata, as far as the input tells. Unknown values are null, never guessed. */
export interface DocumentMetadata {
  /** Where it came from: a path, a URL, `stdin`, or `<container>#<n>` for feed items / JSONL lines. */
  readonly source: string
  readonly title: string | null
  readonly author: string | null
  readonly site: string | null
  /** ISO 8601 (date or date-time). */
  readonly publishedAt: string | null
  readonly kind: DocumentKind
  /** ISO 639-1 code where detected ("en"), or "und". */
  readonly language: string
}

/** The output of `normalize`: everything `analyze` needs, nothing more. */
export interface NormalizedDocument {
  readonly metadata: DocumentMetadata
  readonly text: string
  readonly sections: readonly Section[]
  readonly repeats: readonly Repeat[]
  readonly diagnostics: readonly Diagnostic[]
}
