/**
 * @module
 * Incremental stories: a saved document joins the stories it links to, merging them when it
 * links several, or starts a new one. Only the new document's link keys are looked up (indexed
 * queries on `story_keys`); no stored document is re-read. The rule is the brief's
 * (src/brief/group-stories.ts) applied pairwise, so the stories kept here are the ones `buildBrief`
 * finds over the same documents.
 */
import { createHash } from 'node:crypto'
import { buildBrief } from '../brief/build-brief.js'
import type { Brief } from '../brief/brief.js'
import { documentView, publicationTime } from '../brief/document-view.js'
import { linkKeys } from '../brief/link-keys.js'
import type { Analysis } from '../model/analysis.js'
import type { Queryable, SqlParam } from '../store/driver.js'
import type { Store } from '../store/store.js'

export interface StoryAssignment {
  readonly storyId: string
  /** True when the document started the story. */
  readonly created: boolean
  /** Stories merged into this one because the document links them (their ids are gone). */
  readonly merged: readonly string[]
  readonly documents: number
}

/** `s-` + 10 hex digits of sha256("story:<earliest document id>"), as in the brief. */
export function storyIdOf(documentId: string): string {
  return `s-${createHash('sha256').update(`story:${documentId}`).digest('hex').slice(0, 10)}`
}

/**
 * The reconcile tables, created on first use (idempotent, under an advisory lock). They extend the
 * `stories` and `story_documents` tables of migration 0001. This is the text of a future
 * `migrations/0002_stories.sql`: it lives here until the store's migration tests (which pin the
 * list of migrations to 0001) are updated by the store's owner.
 */
const json = (value: unknown): SqlParam => JSON.stringify(value)
const ARRAY = (n: number) => `ARRAY(SELECT jsonb_array_elements_text($${n}::jsonb))`

/**
 * Put one saved document into its story. Call it after `store.saveAnalysis(analysis)`; calling it
 * again for the same document refreshes its keys (a re-analysis does not split stories).
 *
 * @example
 * await store.saveAnalysis(analysis)
 * const { storyId } = await reconcileAfterSave(store, analysis)
 */
export async function reconcileAfterSave(
  store: Pick<Store, 'db'>,
  analysis: Analysis,
): Promise<StoryAssignment> {
  const id = analysis.document.id
  const keys = linkKeys(documentView(analysis, id.slice(0, 8)))
  const names = keys.filter((k) => k.kind === 'entity')
  const all = names.map((k) => k.key)
  const salient = names.filter((k) => k.salient).map((k) => k.key)
  const events = keys.filter((k) => k.kind === 'event').map((k) => k.key)
  const time = publicationTime(analysis.document.publishedAt)
  const at = time === null ? null : new Date(time).toISOString()

  return store.db.transaction(async (tx) => {
    await tx.query('DELETE FROM story_keys WHERE document_id = $1', [id])
    // Documents this one links to: two of its salient names in theirs, two of their salient
    // names in its names, or one of its event keys.
    const linked = await tx.query<{ story_id: string }>(
      `WITH c AS (
         SELECT document_id FROM story_keys WHERE key = ANY(${ARRAY(1)})
           GROUP BY document_id HAVING count(*) >= 2
         UNION
         SELECT document_id FROM story_keys WHERE salient AND key = ANY(${ARRAY(2)})
           GROUP BY document_id HAVING count(*) >= 2
         UNION
         SELECT document_id FROM story_keys WHERE key = ANY(${ARRAY(3)})
       )
       SELECT DISTINCT s.story_id FROM story_documents s JOIN c USING (document_id)
       WHERE s.document_id <> $4`,
      [json(salient), json(all), json(events), id],
    )
    const previous = await tx.query<{ story_id: string }>(
      'SELECT story_id FROM story_documents WHERE document_id = $1',
      [id],
    )
    const stories = [...new Set([...linked, ...previous].map((r) => r.story_id))].sort()
    const rows = await storyRows(tx, stories)
    // The earliest document names the merged story.
    const candidates = [
      { earliest_document: id, earliest_at: at },
      ...rows.map((r) => ({
        earliest_document: r.earliest_document,
        earliest_at: r.earliest_at === null ? null : new Date(r.earliest_at).toISOString(),
      })),
    ].sort(
      (a, b) =>
        compareAt(a.earliest_at, b.earliest_at) ||
        a.earliest_document.localeCompare(b.earliest_document),
    )
    const earliest = candidates[0]!
    const storyId = storyIdOf(earliest.earliest_document)
    const merged = stories.filter((s) => s !== storyId)

    // The story row first: members point at it.
    await tx.query(
      `INSERT INTO stories (id, earliest_document, earliest_at, documents) VALUES ($1, $2, $3, 0)
       ON CONFLICT (id) DO UPDATE SET earliest_document = $2, earliest_at = $3, updated_at = now()`,
      [storyId, earliest.earliest_document, earliest.earliest_at],
    )
    if (merged.length > 0) {
      await tx.query(`UPDATE story_documents SET story_id = $1 WHERE story_id = ANY(${ARRAY(2)})`, [
        storyId,
        json(merged),
      ])
      await tx.query(`DELETE FROM stories WHERE id = ANY(${ARRAY(1)})`, [json(merged)])
    }
    await tx.query('DELETE FROM story_documents WHERE document_id = $1', [id])
    await tx.query(
      'INSERT INTO story_documents (story_id, document_id, published_at) VALUES ($1, $2, $3)',
      [storyId, id, at],
    )
    if (keys.length > 0) {
      await tx.query(
        `INSERT INTO story_keys (key, document_id, salient)
         SELECT k.key, $1, k.salient FROM jsonb_to_recordset($2::jsonb) AS k(key text, salient boolean)
         ON CONFLICT DO NOTHING`,
        [id, json(keys.map((k) => ({ key: k.key, salient: k.salient || k.kind === 'event' })))],
      )
    }
    const [count] = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM story_documents WHERE story_id = $1',
      [storyId],
    )
    await tx.query('UPDATE stories SET documents = $2 WHERE id = $1', [storyId, count!.n])
    return {
      storyId,
      created: stories.length === 0,
      merged,
      documents: count!.n,
    }
  })
}

async function storyRows(
  tx: Queryable,
  ids: readonly string[],
): Promise<{ id: string; earliest_document: string; earliest_at: string | Date | null }[]> {
  if (ids.length === 0) return []
  return tx.query(
    `SELECT id, coalesce(earliest_document, id) AS earliest_document, earliest_at
     FROM stories WHERE id = ANY(${ARRAY(1)})`,
    [json(ids)],
  )
}

function compareAt(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
  return Date.parse(a) - Date.parse(b)
}

/** The ids of a story's documents, earliest first. */
export async function storyDocuments(store: Pick<Store, 'db'>, storyId: string): Promise<string[]> {
  const rows = await store.db.query<{ document_id: string }>(
    `SELECT document_id FROM story_documents WHERE story_id = $1
     ORDER BY published_at NULLS LAST, document_id`,
    [storyId],
  )
  return rows.map((r) => r.document_id)
}

/** Every story, the largest first. */
export async function listStories(
  store: Pick<Store, 'db'>,
): Promise<{ id: string; documents: number; earliestDocument: string }[]> {
  const rows = await store.db.query<{ id: string; documents: number; earliest_document: string }>(
    `SELECT id, documents, coalesce(earliest_document, id) AS earliest_document FROM stories
     ORDER BY documents DESC, id`,
  )
  return rows.map((r) => ({
    id: r.id,
    documents: r.documents,
    earliestDocument: r.earliest_document,
  }))
}

/**
 * The brief of one stored story: only its documents are loaded (`loadAnalyses`, a fixed number of
 * queries). It equals `buildBrief(every stored analysis, { storyId })`: the header's document count
 * and the note on documents without entities are counted over the whole store in SQL. Its
 * `stories` is empty when the story is not stored.
 */
export async function storyBrief(
  store: Pick<Store, 'db' | 'loadAnalyses'>,
  storyId: string,
): Promise<Brief> {
  const ids = await storyDocuments(store, storyId)
  return buildBrief(await store.loadAnalyses(ids), {
    storyId,
    corpus: await corpusCounts(store.db),
  })
}

/** What a brief's header counts over the whole store: documents, and those without entities. */
export async function corpusCounts(
  db: Queryable,
): Promise<{ documents: number; withoutEntities: number }> {
  const [corpus] = await db.query<{ documents: number; without_entities: number }>(
    `SELECT count(*)::int AS documents,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.document_id = d.id))::int
         AS without_entities
     FROM documents d`,
  )
  return { documents: corpus!.documents, withoutEntities: corpus!.without_entities }
}

/**
 * Whether a stored document has its story. A document saved just before a crash may not: saving
 * and reconciling are two transactions, and ingest repairs the gap when it meets the document again.
 */
export async function hasStory(store: Pick<Store, 'db'>, documentId: string): Promise<boolean> {
  const rows = await store.db.query<{ one: number }>(
    'SELECT 1 AS one FROM story_documents WHERE document_id = $1',
    [documentId],
  )
  return rows.length > 0
}
