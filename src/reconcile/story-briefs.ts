/**
 * @module
 * What the server keeps of each story between runs (table `story_briefs`, migration 0004): a
 * summary for the stories list and the story's brief as served, each tagged with the
 * fingerprint of the story it was built from. `storyFingerprints` reads the current fingerprints in
 * one query, so a caller can tell which kept rows are still true without loading any analysis.
 */
import { PIPELINE_VERSION } from '../analyze/version.js'
import { BRIEF_SCHEMA } from '../brief/brief.js'
import type { Queryable } from '../store/driver.js'

/**
 * Bump when what is kept per story changes shape or meaning without the pipeline or brief schema
 * changing (for example a fix in `buildBrief`), so kept rows are rebuilt.
 */
export const STORY_BRIEF_FORMAT = 5

export interface StoryFingerprint {
  readonly id: string
  readonly documents: number
  readonly earliestAt: string | null
  /**
   * Changes whenever the story's brief may change: reconcile touches the story each time one of
   * its documents is stored or re-analyzed, and when stories merge (`stories.updated_at`); a
   * document re-analyzed without reconcile (a crash between the two) still moves its latest
   * analysis time; or the code that builds briefs changes. Another source of a stored document
   * changes nothing in a brief (it shows each document's first source), so it keeps it.
   */
  readonly fingerprint: string
}

/** What builds briefs: their format, the brief schema and the analysis pipeline. */
const FINGERPRINT_CODE = `${STORY_BRIEF_FORMAT}:${BRIEF_SCHEMA}:${PIPELINE_VERSION}`

/**
 * The state of story `s` a fingerprint follows, as SQL: its document count, its last change and
 * its documents' latest analysis time.
 */
const STORY_STATE = `s.documents::text || ':' || s.updated_at::text || '/' || coalesce((
    SELECT max(d.analyzed_at) FROM story_documents sd
    JOIN documents d ON d.id = sd.document_id WHERE sd.story_id = s.id
  )::text, '')`

/**
 * Every story with its fingerprint, the largest first (then the earliest, then by id): one query,
 * read once per store version.
 */
export async function storyFingerprints(db: Queryable): Promise<StoryFingerprint[]> {
  const rows = await db.query<{
    id: string
    documents: number
    earliest_at: string | null
    state: string
  }>(
    `SELECT s.id, s.documents, s.earliest_at::text AS earliest_at, ${STORY_STATE} AS state
     FROM stories s
     WHERE s.documents > 0
     ORDER BY s.documents DESC, s.earliest_at NULLS LAST, s.id`,
  )
  return rows.map((r) => ({
    id: r.id,
    documents: r.documents,
    earliestAt: r.earliest_at,
    fingerprint: `${FINGERPRINT_CODE}:${r.state}`,
  }))
}

export interface KeptStoryBrief<Summary> {
  readonly storyId: string
  readonly fingerprint: string
  readonly summary: Summary
}

/** The kept summaries (not the stories: those are read one at a time). */
export async function keptSummaries<Summary>(db: Queryable): Promise<KeptStoryBrief<Summary>[]> {
  const rows = await db.query<{ story_id: string; fingerprint: string; summary: Summary }>(
    'SELECT story_id, fingerprint, summary FROM story_briefs',
  )
  return rows.map((r) => ({ storyId: r.story_id, fingerprint: r.fingerprint, summary: r.summary }))
}

/** A story's brief as kept: the `BriefStory` JSON (lists capped) and what the cap cut. */
export interface KeptStory {
  readonly story: string
  readonly truncated: Record<string, number>
}

/** The kept brief of one story when it was built from `fingerprint`, else null. */
export async function keptStory(
  db: Queryable,
  storyId: string,
  fingerprint: string,
): Promise<KeptStory | null> {
  const [row] = await db.query<KeptStory>(
    'SELECT story, truncated FROM story_briefs WHERE story_id = $1 AND fingerprint = $2',
    [storyId, fingerprint],
  )
  return row ?? null
}

/**
 * Keeps a story's summary and brief. Returns false, keeping nothing, when the story is no longer
 * at `fingerprint`: merged into another or changed while it was being built. A build that ends
 * late must not replace the brief of a newer state.
 */
export async function keepStoryBrief(
  db: Queryable,
  row: {
    readonly storyId: string
    readonly fingerprint: string
    readonly summary: unknown
    readonly kept: KeptStory
    readonly buildMs: number
  },
): Promise<boolean> {
  const kept = await db.query<{ story_id: string }>(
    `INSERT INTO story_briefs (story_id, fingerprint, summary, story, truncated, build_ms)
     SELECT s.id, $2, $3::jsonb, $4, $5::jsonb, $6 FROM stories s
     WHERE s.id = $1 AND $2 = $7::text || ':' || ${STORY_STATE}
     ON CONFLICT (story_id) DO UPDATE
       SET fingerprint = $2, summary = $3::jsonb, story = $4, truncated = $5::jsonb,
           build_ms = $6, built_at = now()
     RETURNING story_id`,
    [
      row.storyId,
      row.fingerprint,
      JSON.stringify(row.summary),
      row.kept.story,
      JSON.stringify(row.kept.truncated),
      Math.round(row.buildMs),
      FINGERPRINT_CODE,
    ],
  )
  return kept.length > 0
}
