import type { DocumentKind, SectionKind } from '../model/document.js'

/** One block of the text to be: a paragraph (or a whole comment) with its role. */
export interface DraftBlock {
  readonly kind: SectionKind
  readonly text: string
  /** The comment's author (comments only). */
  readonly author?: string
}

/**
 * What a format reader extracts, before the text is assembled. Blocks are in final text order:
 * title first, then byline, body (with boilerplate where it was), then comments.
 */
export interface DocumentDraft {
  readonly blocks: readonly DraftBlock[]
  readonly title: string | null
  readonly author: string | null
  readonly site: string | null
  /** As found; normalized to ISO 8601 when the document is built. */
  readonly publishedAt: string | null
  /** A kind the input states (JSON-LD type and the like); guessed from content otherwise. */
  readonly kind: DocumentKind | null
  /** A weak hint that the page is an article (og:type "article"): below a comment thread. */
  readonly articleHint?: boolean
  /** A language the input states (`<html lang>`, feed language), used when detection is unsure. */
  readonly language: string | null
  /** The page's URL, when known: a hint for the kind (social sites, blogs). */
  readonly url: string | null
}

/** An empty draft to spread over. */
export const EMPTY_DRAFT: DocumentDraft = {
  blocks: [],
  title: null,
  author: null,
  site: null,
  publishedAt: null,
  kind: null,
  language: null,
  url: null,
}
