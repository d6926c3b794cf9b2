/**
 * @module
 * Read queries behind the HTTP API: the claims explorer, the entity page, search across
 * documents, claims and entities (PostgreSQL full-text search), and a cheap store version for
 * caching. Free functions over a `Queryable`, like the rest of the store.
 */
import { AppError } from '../errors.js'
import type { Queryable, SqlParam } from './driver.js'
import type { SearchHit } from './queries.js'

/** A claim row as the claims explorer and the entity page show it. */
export interface ClaimRow {
  readonly documentId: string
  readonly documentTitle: string | null
  readonly id: string
  readonly speakerText: string | null
  /** The speaker's entity key, when the speaker is a recognised entity. */
  readonly speakerKey: string | null
  readonly speakerName: string | null
  readonly cue: string | null
  readonly content: string
  readonly kind: string
  readonly stance: string
  readonly hedged: boolean
  readonly sentence: number
  readonly section: string
  readonly targets: readonly { readonly key: string; readonly name: string }[]
}

export interface ClaimFilter {
  /** Entity key, or words of the speaker as written (case-insensitive substring). */
  readonly speaker?: string
  /** Entity key or name of a target (case-insensitive). */
  readonly target?: string
  readonly stance?: string
  readonly document?: string
  readonly section?: string
  readonly hedged?: boolean
  readonly limit?: number
}

export const CLAIMS_LIMIT_MAX = 2000

const CLAIM_COLUMNS = `c.document_id AS "documentId", d.title AS "documentTitle", c.local_id AS id,
  c.speaker_text AS "speakerText", se.key AS "speakerKey", se.name AS "speakerName",
  c.cue_text AS cue, c.content_text AS content, c.kind, c.stance, c.hedged, c.sentence, c.section,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('key', te.key, 'name', te.name) ORDER BY ct.idx), '[]'::jsonb)
     FROM claim_targets ct JOIN entities te
       ON te.document_id = ct.document_id AND te.local_id = ct.entity_id
     WHERE ct.document_id = c.document_id AND ct.claim_id = c.local_id) AS targets`

const CLAIM_ROW_SQL = `SELECT ${CLAIM_COLUMNS}
FROM claims c
JOIN documents d ON d.id = c.document_id
LEFT JOIN entities se ON se.document_id = c.document_id AND se.local_id = c.speaker_entity`

const HAS_WORD = /[\p{L}\p{N}]/u

/**
 * The word-prefix query for the words of parameter `p`: `'adrian':* & 'vos':*`. The words are
 * split and lowercased by `to_tsvector('simple', …)`, as the indexed speaker texts and names are,
 * so the query and the index agree on what a word is.
 */
const speakerWordsSql = (p: string): string =>
  `(SELECT to_tsquery('simple', string_agg('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || ''':*', ' & '))
      FROM unnest(to_tsvector('simple', ${p})))`

/**
 * The speaker test for one claim row (`c`, its speaker entity `se`): the speaker is entity key `p`,
 * or the speaker as written or the entity's name contains `p` (case-insensitive) starting at a
 * word. The word test is the same as the index lookup of `speakerIndexSql`.
 */
const speakerRowSql = (p: string, words: string): string =>
  `(se.key = ${p}
    OR (c.speaker_text ILIKE '%' || ${p} || '%' AND to_tsvector('simple', c.speaker_text) @@ ${words})
    OR (se.name ILIKE '%' || ${p} || '%' AND to_tsvector('simple', se.name) @@ ${words}))`

/**
 * The keys of the claims that pass `speakerRowSql`, by index lookups only (migrations/0003): every
 * word of `p` is looked up as a word prefix in the GIN indexes over `to_tsvector('simple', …)` of
 * `claims.speaker_text` and `entities.name`, the key in `entities_key_idx`, and the rows found are
 * checked with ILIKE for the words in their order.
 */
const speakerIndexSql = (p: string, words: string, union = 'UNION'): string =>
  `SELECT sc.document_id, sc.local_id FROM claims sc
      WHERE sc.speaker_text IS NOT NULL AND to_tsvector('simple', sc.speaker_text) @@ ${words}
        AND sc.speaker_text ILIKE '%' || ${p} || '%'
    ${union}
    SELECT sc.document_id, sc.local_id FROM entities e
      JOIN claims sc ON sc.document_id = e.document_id AND sc.speaker_entity = e.local_id
      WHERE e.key = ${p}
         OR (to_tsvector('simple', e.name) @@ ${words} AND e.name ILIKE '%' || ${p} || '%')`

/** Documents walked in order first, per claim asked for, when the speaker filter is frequent. */
const WALK_DOCUMENTS_PER_CLAIM = 4

/**
 * Claims matching every given filter, by document publication date then position.
 *
 * With a speaker, two plans that give the same rows, chosen by counting the speaker's matches in
 * the word indexes up to `4 × limit`. A rare speaker is answered from the indexes: every matching
 * claim is looked up (`speakerIndexSql`) and sorted. A frequent one (the interior minister quoted
 * in every other document) is found faster by walking the documents in order
 * (`documents_published_at_id_idx`) and stopping at `limit`: the first `4 × limit` documents are
 * walked, and if they hold `limit` matching claims those are the answer (no later document can
 * sort before them); if not, the indexes answer after all. Neither plan scans every claim.
 */
export async function filterClaims(db: Queryable, filter: ClaimFilter = {}): Promise<ClaimRow[]> {
  const limit = clampLimit(filter.limit, 500, CLAIMS_LIMIT_MAX)
  const speaker = filter.speaker ?? ''
  if (speaker === '' || !HAS_WORD.test(speaker)) {
    // No speaker, or punctuation only (nothing for the word indexes to look up): one scan.
    const { where, params, param } = claimConditions(filter)
    if (speaker !== '') {
      const p = param(speaker)
      where.push(
        `(se.key = ${p} OR c.speaker_text ILIKE '%' || ${p} || '%' OR se.name ILIKE '%' || ${p} || '%')`,
      )
    }
    return db.query<ClaimRow>(
      `${CLAIM_ROW_SQL} ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
       ORDER BY d.published_at NULLS LAST, c.document_id, c.idx LIMIT ${param(limit)}`,
      params,
    )
  }

  // How common is the speaker? Count its matches through the word indexes, up to what the walk
  // would read: a rare speaker (or one narrowed to a document) is answered from the indexes alone.
  const walkDocuments = limit * WALK_DOCUMENTS_PER_CLAIM
  const [probe] = await db.query<{ n: number }>(
    `SELECT count(*)::integer AS n FROM (${speakerIndexSql('$1', speakerWordsSql('$1'), 'UNION ALL')}
       LIMIT $2) m`,
    [speaker, walkDocuments + 1],
  )
  const frequent = (probe?.n ?? 0) > walkDocuments && (filter.document ?? '') === ''
  const walked = frequent ? await walkClaims(db, filter, speaker, limit, walkDocuments) : []
  if (walked.length >= limit) return walked

  const { where, params, param } = claimConditions(filter)
  const p = param(speaker)
  where.push(`(c.document_id, c.local_id) IN (${speakerIndexSql(p, speakerWordsSql(p))})`)
  return db.query<ClaimRow>(
    `${CLAIM_ROW_SQL} WHERE ${where.join(' AND ')}
     ORDER BY d.published_at NULLS LAST, c.document_id, c.idx LIMIT ${param(limit)}`,
    params,
  )
}

/**
 * The first `limit` claims of `speaker` (and the other filters) among the first `documents`
 * documents in order: one claims-and-speaker lookup per document, stopping at `limit`.
 */
function walkClaims(
  db: Queryable,
  filter: ClaimFilter,
  speaker: string,
  limit: number,
  documents: number,
): Promise<ClaimRow[]> {
  const { where, params, param } = claimConditions(filter)
  const p = param(speaker)
  where.push(speakerRowSql(p, speakerWordsSql(p)))
  return db.query<ClaimRow>(
    `SELECT ${CLAIM_COLUMNS}
     FROM (SELECT id, title, published_at FROM documents
           ORDER BY published_at NULLS LAST, id LIMIT ${param(documents)}) d
     CROSS JOIN LATERAL (
       -- OFFSET 0 keeps this a per-document lookup (not pulled up into one join over all claims).
       SELECT c.*, se.key, se.name FROM claims c
       LEFT JOIN entities se ON se.document_id = c.document_id AND se.local_id = c.speaker_entity
       WHERE c.document_id = d.id AND ${where.join(' AND ')}
       OFFSET 0) c
     CROSS JOIN LATERAL (SELECT c.key, c.name) se
     ORDER BY d.published_at NULLS LAST, d.id, c.idx LIMIT ${param(limit)}`,
    params,
  )
}

/** The filters other than `speaker` as SQL conditions over `c` (claims), with their parameters. */
function claimConditions(filter: ClaimFilter): {
  where: string[]
  params: SqlParam[]
  param: (value: SqlParam) => string
} {
  const where: string[] = []
  const params: SqlParam[] = []
  const param = (value: SqlParam): string => {
    params.push(value)
    return `$${params.length}`
  }
  if (filter.target !== undefined && filter.target !== '') {
    const p = param(filter.target)
    where.push(`EXISTS (SELECT 1 FROM claim_targets ct JOIN entities te
      ON te.document_id = ct.document_id AND te.local_id = ct.entity_id
      WHERE ct.document_id = c.document_id AND ct.claim_id = c.local_id
        AND (te.key = ${p} OR te.name ILIKE ${p}))`)
  }
  if (filter.stance !== undefined && filter.stance !== '')
    where.push(`c.stance = ${param(filter.stance)}`)
  if (filter.document !== undefined && filter.document !== '')
    where.push(`c.document_id LIKE ${param(filter.document)} || '%'`)
  if (filter.section !== undefined && filter.section !== '')
    where.push(`c.section = ${param(filter.section)}`)
  if (filter.hedged !== undefined) where.push(`c.hedged = ${param(filter.hedged)}`)
  return { where, params, param }
}

/** Everything the store knows about one entity key across documents. */
export interface EntityPage {
  readonly key: string
  /** The most used name. */
  readonly name: string
  readonly type: string
  /** Every name used for it, with the number of documents using it. */
  readonly names: readonly { readonly name: string; readonly documents: number }[]
  readonly mentions: number
  readonly documents: readonly {
    readonly id: string
    readonly title: string | null
    readonly publishedAt: string | null
    readonly mentions: number
    /** Sentence of the first mention, for a link into the reader. */
    readonly firstSentence: number | null
  }[]
  readonly claimsBy: readonly ClaimRow[]
  readonly claimsAbout: readonly ClaimRow[]
  /** Other entities in the same documents, by number of shared documents. */
  readonly cooccurring: readonly {
    readonly key: string
    readonly name: string
    readonly type: string
    readonly documents: number
  }[]
}

/** The entity page for `key`; throws `NOT_FOUND` when no document has it. */
export async function entityPage(db: Queryable, key: string): Promise<EntityPage> {
  const names = await db.query<{ name: string; type: string; documents: number }>(
    `SELECT name, type, count(DISTINCT document_id)::integer AS documents
     FROM entities WHERE key = $1 GROUP BY name, type ORDER BY documents DESC, length(name) DESC, name`,
    [key],
  )
  const first = names[0]
  if (first === undefined)
    throw new AppError('NOT_FOUND', `no entity with key ${key}`, { subject: key })
  const documents = await db.query<EntityPage['documents'][number]>(
    `SELECT d.id, d.title, d.published_at_text AS "publishedAt",
       count(m.idx)::integer AS mentions,
       (SELECT s.idx FROM sentences s WHERE s.document_id = d.id
          AND s.span_start <= min(m.span_start) AND min(m.span_start) < s.span_end LIMIT 1) AS "firstSentence"
     FROM entities e JOIN documents d ON d.id = e.document_id
     LEFT JOIN mentions m ON m.document_id = e.document_id AND m.entity_id = e.local_id
     WHERE e.key = $1
     GROUP BY d.id ORDER BY d.published_at NULLS LAST, d.id`,
    [key],
  )
  const claimsBy = await db.query<ClaimRow>(
    `${CLAIM_ROW_SQL} WHERE se.key = $1 ORDER BY d.published_at NULLS LAST, c.document_id, c.idx LIMIT 500`,
    [key],
  )
  const claimsAbout = await db.query<ClaimRow>(
    `${CLAIM_ROW_SQL} WHERE EXISTS (SELECT 1 FROM claim_targets ct JOIN entities te
       ON te.document_id = ct.document_id AND te.local_id = ct.entity_id
       WHERE ct.document_id = c.document_id AND ct.claim_id = c.local_id AND te.key = $1)
     ORDER BY d.published_at NULLS LAST, c.document_id, c.idx LIMIT 500`,
    [key],
  )
  const cooccurring = await db.query<EntityPage['cooccurring'][number]>(
    `SELECT o.key, mode() WITHIN GROUP (ORDER BY o.name) AS name,
       mode() WITHIN GROUP (ORDER BY o.type) AS type, count(DISTINCT o.document_id)::integer AS documents
     FROM entities o
     WHERE o.document_id IN (SELECT document_id FROM entities WHERE key = $1) AND o.key <> $1
     GROUP BY o.key ORDER BY documents DESC, o.key LIMIT 30`,
    [key],
  )
  return {
    key,
    name: first.name,
    type: first.type,
    names: names.map(({ name, documents }) => ({ name, documents })),
    mentions: documents.reduce((sum, d) => sum + d.mentions, 0),
    documents,
    claimsBy,
    claimsAbout,
    cooccurring,
  }
}

/** Search results of the three kinds. */
export interface SearchResults {
  readonly documents: readonly SearchHit[]
  readonly claims: readonly (ClaimRow & { readonly rank: number })[]
  readonly entities: readonly {
    readonly key: string
    readonly name: string
    readonly type: string
    readonly documents: number
  }[]
}

/** How many matching documents are ranked at most: bounds the cost of very common words. */
export const SEARCH_RANK_CANDIDATES = 1000

/**
 * Documents matching a web-search style query, best first among the first
 * `SEARCH_RANK_CANDIDATES` matches (ranking every match of a word found in all 10,000 documents
 * costs more than the search itself), with a `**`-marked snippet.
 */
export async function searchDocumentsRanked(
  db: Queryable,
  q: string,
  limit = 20,
): Promise<SearchHit[]> {
  return db.query<SearchHit>(
    `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS q),
     m AS (SELECT d.id, d.search FROM documents d, q WHERE d.search @@ q.q LIMIT ${SEARCH_RANK_CANDIDATES}),
     top AS (SELECT m.id, ts_rank(m.search, q.q)::float8 AS rank FROM m, q ORDER BY rank DESC, m.id LIMIT $2)
     SELECT d.id, d.title, d.source, d.published_at_text AS "publishedAt", top.rank,
       ts_headline('english', d.text, q.q, 'StartSel=**, StopSel=**, MaxFragments=2, MaxWords=25, MinWords=8') AS snippet
     FROM top JOIN documents d ON d.id = top.id, q
     ORDER BY top.rank DESC, d.id`,
    [q, clampLimit(limit, 20, 200)],
  )
}

/**
 * Documents and claims by full-text search (`websearch_to_tsquery('english', q)`), entities by
 * full-text search on their names (`entities: false` leaves them to the caller, e.g. the API's
 * in-memory name index). Empty for a blank query.
 */
export async function searchAll(
  db: Queryable,
  q: string,
  limit = 20,
  options: { readonly entities?: boolean } = {},
): Promise<SearchResults> {
  if (q.trim() === '') return { documents: [], claims: [], entities: [] }
  const capped = clampLimit(limit, 20, 200)
  const documents = await searchDocumentsRanked(db, q, capped)
  // Rank the matching claims first, then build full rows (targets) for the best few only.
  const claims = await db.query<ClaimRow & { rank: number }>(
    `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS q),
     m AS (SELECT c.document_id, c.local_id, c.content_search FROM claims c, q
           WHERE c.content_search @@ q.q LIMIT ${SEARCH_RANK_CANDIDATES}),
     top AS (SELECT m.document_id, m.local_id, ts_rank(m.content_search, q.q)::float8 AS rank
             FROM m, q ORDER BY rank DESC, m.document_id, m.local_id LIMIT $2)
     ${CLAIM_ROW_SQL.replace(
       'FROM claims c',
       ', top.rank FROM top JOIN claims c ON c.document_id = top.document_id AND c.local_id = top.local_id',
     )}
     ORDER BY top.rank DESC, c.document_id, c.local_id`,
    [q, capped],
  )
  const entities =
    options.entities === false
      ? []
      : await db.query<SearchResults['entities'][number]>(
          `SELECT key, mode() WITHIN GROUP (ORDER BY name) AS name, mode() WITHIN GROUP (ORDER BY type) AS type,
             count(DISTINCT document_id)::integer AS documents
           FROM entities
           WHERE to_tsvector('simple', name) @@ websearch_to_tsquery('simple', $1)
           GROUP BY key ORDER BY documents DESC, key LIMIT $2`,
          [q, capped],
        )
  return { documents, claims, entities }
}

/** Every (key, name, type) with the number of documents using that name: the API's name index. */
export async function entityNames(
  db: Queryable,
): Promise<{ key: string; name: string; type: string; documents: number }[]> {
  return db.query(
    `SELECT key, name, type, count(DISTINCT document_id)::integer AS documents
     FROM entities GROUP BY key, name, type`,
  )
}

/** The sources of one document, in the order first seen. */
export async function documentSources(db: Queryable, id: string): Promise<string[]> {
  const rows = await db.query<{ source: string }>(
    'SELECT source FROM document_sources WHERE document_id = $1 ORDER BY first_seen_at, source',
    [id],
  )
  return rows.map((row) => row.source)
}

/**
 * A value that changes whenever documents are added, re-analyzed or get a new source, or a story
 * changes: lets the API cache what it computes from stored analyses (story briefs).
 */
export async function storeVersion(db: Queryable): Promise<string> {
  const [row] = await db.query<{ version: string }>(
    `SELECT (SELECT count(*) FROM documents)::text || ':' ||
       coalesce((SELECT max(analyzed_at) FROM documents)::text, '') || ':' ||
       (SELECT count(*) FROM document_sources)::text || ':' ||
       coalesce((SELECT max(updated_at) FROM stories)::text, '') AS version`,
  )
  return row?.version ?? ''
}

function clampLimit(limit: number | undefined, fallback: number, max: number): number {
  return limit !== undefined && Number.isFinite(limit)
    ? Math.max(1, Math.min(max, Math.trunc(limit)))
    : fallback
}
