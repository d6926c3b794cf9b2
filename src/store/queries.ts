/**
 * @module
 * Read-side queries over stored documents: listings, counts, full-text search.
 */
import { AppError } from '../errors.js'
import type { DocumentKind } from '../model/document.js'
import type { Queryable } from './driver.js'

/** A stored document without its text and annotations. */
export interface DocumentRow {
  readonly id: string
  /** The source it was first stored from. */
  readonly source: string
  /** Every source it was seen at, in the order first seen. */
  readonly sources: readonly string[]
  readonly title: string | null
  readonly author: string | null
  readonly site: string | null
  readonly publishedAt: string | null
  readonly kind: DocumentKind
  readonly language: string
  readonly pipeline: string
  /** ISO 8601. */
  readonly analyzedAt: string
  readonly wordCount: number
}

const DOCUMENT_ROW_SQL = `SELECT d.id, d.source,
  (SELECT coalesce(jsonb_agg(s.source ORDER BY s.first_seen_at, s.source), '[]'::jsonb)
     FROM document_sources s WHERE s.document_id = d.id) AS sources,
  d.title, d.author, d.site, d.published_at_text AS "publishedAt", d.kind, d.language, d.pipeline,
  to_jsonb(d.analyzed_at) #>> '{}' AS "analyzedAt", d.word_count AS "wordCount"
FROM documents d`

/** Every stored document, newest publication first (undated last), then by id. */
export async function listDocuments(db: Queryable): Promise<DocumentRow[]> {
  return db.query<DocumentRow>(`${DOCUMENT_ROW_SQL} ORDER BY d.published_at DESC NULLS LAST, d.id`)
}

/** Rows per stored layer. */
export interface StoreCounts {
  readonly documents: number
  readonly sources: number
  readonly sections: number
  readonly sentences: number
  readonly entities: number
  readonly mentions: number
  readonly claims: number
  readonly claimTargets: number
  readonly events: number
  readonly figures: number
  readonly quantities: number
  readonly dates: number
  readonly repeats: number
  readonly diagnostics: number
  readonly stories: number
}

const COUNTED: Record<keyof StoreCounts, string> = {
  documents: 'documents',
  sources: 'document_sources',
  sections: 'sections',
  sentences: 'sentences',
  entities: 'entities',
  mentions: 'mentions',
  claims: 'claims',
  claimTargets: 'claim_targets',
  events: 'events',
  figures: 'figures',
  quantities: 'quantities',
  dates: 'dates',
  repeats: 'repeats',
  diagnostics: 'diagnostics',
  stories: 'stories',
}

const COUNTS_SQL = `SELECT ${Object.entries(COUNTED)
  .map(([name, table]) => `(SELECT count(*)::integer FROM ${table}) AS "${name}"`)
  .join(', ')}`

/** How many rows each layer holds. */
export async function counts(db: Queryable): Promise<StoreCounts> {
  const [row] = await db.query<StoreCounts>(COUNTS_SQL)
  if (row === undefined) throw new AppError('INTERNAL', 'counting rows returned nothing')
  return row
}

/** A search result. */
export interface SearchHit {
  readonly id: string
  readonly title: string | null
  readonly source: string
  readonly publishedAt: string | null
  /** ts_rank over title (weight A) and text (weight B); higher is better. */
  readonly rank: number
  /** Matching fragments with the terms in `**`. */
  readonly snippet: string
}

export const SEARCH_LIMIT_MAX = 1000

/**
 * Documents matching a web-search style query (`"exact phrase"`, `or`, `-not`), best first.
 * An empty or stop-word-only query matches nothing.
 */
export async function searchDocuments(db: Queryable, q: string, limit = 20): Promise<SearchHit[]> {
  const capped = Number.isFinite(limit)
    ? Math.max(1, Math.min(SEARCH_LIMIT_MAX, Math.trunc(limit)))
    : 20
  return db.query<SearchHit>(
    `SELECT d.id, d.title, d.source, d.published_at_text AS "publishedAt",
       ts_rank(d.search, q)::float8 AS rank,
       ts_headline('english', d.text, q, 'StartSel=**, StopSel=**, MaxFragments=2, MaxWords=25, MinWords=8') AS snippet
     FROM documents d, websearch_to_tsquery('english', $1) AS q
     WHERE d.search @@ q
     ORDER BY rank DESC, d.id
     LIMIT $2`,
    [q, capped],
  )
}
