/**
 * @module
 * Storing one analysis: added, updated (re-analyzed by a newer pipeline) or unchanged, always in
 * one transaction, so a failure or a killed process leaves the previous state.
 */
import { AppError } from '../errors.js'
import type { Analysis } from '../model/analysis.js'
import type { Driver, Queryable, SqlParam } from './driver.js'
import { ANNOTATION_TABLES, ANNOTATION_TABLE_NAMES, annotationRows } from './tables.js'

export const SAVE_OUTCOMES = ['added', 'updated', 'unchanged'] as const
export type SaveOutcome = (typeof SAVE_OUTCOMES)[number]

/** Namespace of the per-document advisory locks (the other int4 is `hashtext(id)`). */
const DOCUMENT_LOCK_SPACE = 1668047208

const DOCUMENT_COLUMNS = [
  'id',
  'source',
  'title',
  'author',
  'site',
  'published_at_text',
  'published_at',
  'kind',
  'language',
  'text',
  'schema',
  'pipeline',
  'word_count',
] as const

/** One statement that upserts the document, records its source and inserts every annotation. */
const SAVE_SQL = (() => {
  const n = DOCUMENT_COLUMNS.length
  const updates = DOCUMENT_COLUMNS.filter((c) => c !== 'id')
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ')
  const inserts = ANNOTATION_TABLE_NAMES.map((table, i) => {
    const columns = Object.entries(ANNOTATION_TABLES[table])
    const names = columns.map(([name]) => name).join(', ')
    const record = columns.map(([name, type]) => `${name} ${type}`).join(', ')
    return `ins_${table} AS (INSERT INTO ${table} (document_id, ${names}) SELECT $1, ${names} FROM jsonb_to_recordset($${n + 1 + i}::jsonb) AS r(${record}))`
  })
  return `WITH doc AS (
  INSERT INTO documents (${DOCUMENT_COLUMNS.join(', ')})
  VALUES (${DOCUMENT_COLUMNS.map((c, i) => (c === 'published_at' ? `$${i + 1}::timestamptz` : `$${i + 1}`)).join(', ')})
  ON CONFLICT (id) DO UPDATE SET ${updates}, analyzed_at = now()
),
src AS (INSERT INTO document_sources (document_id, source) VALUES ($1, $2) ON CONFLICT DO NOTHING),
${inserts.join(',\n')}
SELECT 1`
})()

/** Deletes every annotation of a document, keeping the document, its sources and stories. */
const DELETE_ANNOTATIONS_SQL = `WITH ${[...ANNOTATION_TABLE_NAMES]
  .reverse()
  .map((table) => `del_${table} AS (DELETE FROM ${table} WHERE document_id = $1)`)
  .join(',\n')}
SELECT 1`

const ADD_SOURCE_SQL =
  'INSERT INTO document_sources (document_id, source) VALUES ($1, $2) ON CONFLICT DO NOTHING'

// A lone surrogate cannot be encoded as UTF-8: Postgres would store U+FFFD and offsets would lie.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** `DB_DATA_INVALID` for text PostgreSQL cannot hold exactly (NUL, lone surrogates). */
function assertStorable(analysis: Analysis): void {
  const fault = analysis.text.includes('\u0000')
    ? 'its text contains NUL characters'
    : LONE_SURROGATE.test(analysis.text)
      ? 'its text contains unpaired UTF-16 surrogates'
      : analysis.document.id === ''
        ? 'it has no document id'
        : undefined
  if (fault !== undefined) {
    throw new AppError('DB_DATA_INVALID', `cannot store the analysis: ${fault}`, {
      subject: analysis.document.source,
    })
  }
}

/**
 * `publishedAt` as an instant for sorting: dates are read as midnight UTC and date-times without
 * a zone as UTC, so the value does not depend on the machine's time zone. Null when it does not
 * parse; the original string is kept beside it either way.
 */
export function publishedInstant(publishedAt: string | null): string | null {
  if (publishedAt === null) return null
  const value = publishedAt.trim()
  const zoned = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `${value}T00:00:00Z`
    : /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)
      ? `${value.replace(' ', 'T')}Z`
      : value
  const ms = Date.parse(zoned)
  return Number.isNaN(ms) ? null : new Date(ms).toISOString()
}

/** Words in the text, for listings. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0
}

function saveParams(analysis: Analysis): SqlParam[] {
  const d = analysis.document
  const rows = annotationRows(analysis)
  const documentParams: Record<(typeof DOCUMENT_COLUMNS)[number], SqlParam> = {
    id: d.id,
    source: d.source,
    title: d.title,
    author: d.author,
    site: d.site,
    published_at_text: d.publishedAt,
    published_at: publishedInstant(d.publishedAt),
    kind: d.kind,
    language: d.language,
    text: analysis.text,
    schema: analysis.schema,
    pipeline: analysis.pipeline,
    word_count: wordCount(analysis.text),
  }
  return [
    ...DOCUMENT_COLUMNS.map((c) => documentParams[c]),
    ...ANNOTATION_TABLE_NAMES.map((table) => JSON.stringify(rows[table])),
  ]
}

async function lockDocument(tx: Queryable, id: string): Promise<string | null> {
  // Two writers of one document (a server shared by several ingesters) take turns.
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [DOCUMENT_LOCK_SPACE, id])
  const [row] = await tx.query<{ pipeline: string }>(
    'SELECT pipeline FROM documents WHERE id = $1 FOR UPDATE',
    [id],
  )
  return row?.pipeline ?? null
}

/**
 * Stores an analysis in one transaction. Same id and pipeline already stored: only the source is
 * recorded (`unchanged`). Stored by another pipeline: its annotations are replaced (`updated`).
 */
export async function saveAnalysis(db: Driver, analysis: Analysis): Promise<SaveOutcome> {
  assertStorable(analysis)
  const params = saveParams(analysis)
  return db.transaction(async (tx) => {
    const stored = await lockDocument(tx, analysis.document.id)
    if (stored === analysis.pipeline) {
      await tx.query(ADD_SOURCE_SQL, [analysis.document.id, analysis.document.source])
      return 'unchanged'
    }
    if (stored !== null) await tx.query(DELETE_ANNOTATIONS_SQL, [analysis.document.id])
    await tx.query(SAVE_SQL, params)
    return stored === null ? 'added' : 'updated'
  })
}

/** The pipeline a stored document was analyzed with, or null when it is not stored. */
export async function documentStatus(
  db: Queryable,
  id: string,
): Promise<{ readonly pipeline: string } | null> {
  const [row] = await db.query<{ pipeline: string }>(
    'SELECT pipeline FROM documents WHERE id = $1',
    [id],
  )
  return row === undefined ? null : { pipeline: row.pipeline }
}

/**
 * Records one more source of a stored document (ingest does this when it skips re-analysis).
 * `NOT_FOUND` when the document is not stored.
 */
export async function addSource(db: Queryable, id: string, source: string): Promise<void> {
  const [row] = await db.query<{ stored: boolean }>(
    `WITH doc AS (SELECT id FROM documents WHERE id = $1),
     ins AS (INSERT INTO document_sources (document_id, source) SELECT id, $2 FROM doc ON CONFLICT DO NOTHING)
     SELECT EXISTS (SELECT 1 FROM doc) AS stored`,
    [id, source],
  )
  if (row?.stored !== true)
    throw new AppError('NOT_FOUND', `no stored document ${id}`, { subject: source })
}
