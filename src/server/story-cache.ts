/**
 * @module
 * Story pages and the stories list, built per story by the same `buildBrief` the CLI uses, over
 * only that story's documents, and kept in the store between runs until the story changes.
 */
import type { Brief, BriefStory } from '../brief/index.js'
import {
  keepStoryBrief,
  keptPage,
  keptSummaries,
  storyFingerprints,
  type KeptStoryBrief,
  type StoryFingerprint,
} from '../reconcile/story-briefs.js'
import { storyBrief } from '../reconcile/stories.js'
import type { Store } from '../store/index.js'
import type { StoreWatch } from './store-watch.js'

/** One line of the stories list. */
export interface StorySummary {
  readonly id: string
  readonly title: string
  readonly documents: number
  /** Distinct sites (or sources when a document has no site). */
  readonly sources: number
  readonly firstPublishedAt: string | null
  readonly lastPublishedAt: string | null
  readonly contested: {
    /** Measures whose figures conflict across documents. */
    readonly conflictingFigures: number
    /** Distinct actors someone accuses. */
    readonly accusedActors: number
    /** conflictingFigures + accusedActors: a rough sort key. */
    readonly score: number
  }
}

export interface StoryCache {
  /** The brief of one story as JSON text (its lists capped at `limit`), or null when unknown. */
  story(id: string, limit?: number): Promise<string | null>
  /** Every story's summary, the largest first. Builds the briefs of stories that changed. */
  summaries(): Promise<StorySummary[]>
  /**
   * Builds and keeps the brief of every story whose kept brief is missing or out of date, the
   * largest first; `onBuilt` hears of each. The server runs it in the background when it starts.
   */
  warm(onBuilt?: (built: BuiltStory) => void): Promise<void>
  /** Forget what is known of the store's state (after an ingest). */
  invalidate(): void
}

/** A story brief just built (for progress and logs). */
export interface BuiltStory {
  readonly id: string
  readonly documents: number
  readonly ms: number
  /** Stories still to build in this pass, after this one. */
  readonly left: number
}

/** Default cap on every list inside a story's brief (documents, claims, reports, …). */
export const STORY_LIST_LIMIT = 100
export const STORY_LIST_LIMIT_MAX = 5000

/**
 * A copy of `value` with every array longer than `max` cut to its first `max` items; the full
 * length of each cut array is recorded in `truncated` under its path (`stories[0].documents`).
 * Keeps a story of thousands of documents servable (its full brief can exceed what one JSON string
 * may hold).
 */
export function capArrays(
  value: unknown,
  max: number,
  path: string,
  truncated: Record<string, number>,
): unknown {
  if (Array.isArray(value)) {
    if (value.length > max) truncated[path] = value.length
    return value.slice(0, max).map((item, i) => capArrays(item, max, `${path}[${i}]`, truncated))
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value))
      out[key] = capArrays(item, max, `${path}.${key}`, truncated)
    return out
  }
  return value
}

/**
 * Story briefs are built from the stored stories (src/reconcile/stories.ts): a story's brief loads
 * only its own documents (`storyBrief`). Each built brief is kept in the store (`story_briefs`)
 * with the story's fingerprint, so a restart serves it at once and only stories that changed since
 * are built again.
 */
export function createStoryCache(store: Store, watch: StoreWatch): StoryCache {
  let index: { version: string; stories: StoryFingerprint[] } | null = null
  let indexPending: Promise<StoryFingerprint[]> | null = null
  /** The kept summaries by story id, read from the store once and then kept in step. */
  let summaries: Map<string, KeptStoryBrief<StorySummary>> | null = null
  /** Builds under way, by `id:fingerprint`, so two requests never build one story twice. */
  const building = new Map<string, Promise<Built | null>>()
  /** The last story built, for pages with another list limit than the kept one. */
  let last: Built | null = null
  /** Pages served with another limit, by `id, limit, fingerprint` (a few, the latest kept). */
  const pages = new Map<string, string>()

  async function stories(): Promise<StoryFingerprint[]> {
    const version = await watch.version()
    if (index !== null && index.version === version) return index.stories
    if (indexPending !== null) return indexPending
    indexPending = (async () => {
      try {
        const rows = await storyFingerprints(store.db)
        index = { version, stories: rows }
        return rows
      } finally {
        indexPending = null
      }
    })()
    return indexPending
  }

  async function kept(): Promise<Map<string, KeptStoryBrief<StorySummary>>> {
    if (summaries === null) {
      const rows = await keptSummaries<StorySummary>(store.db)
      summaries = new Map(rows.map((r) => [r.storyId, r]))
    }
    return summaries
  }

  function build(row: StoryFingerprint): Promise<Built | null> {
    const key = `${row.id}:${row.fingerprint}`
    let pending = building.get(key)
    if (pending === undefined) {
      pending = (async () => {
        const built = await buildStory(store, row)
        if (built !== null) {
          last = built
          ;(await kept()).set(row.id, {
            storyId: row.id,
            fingerprint: row.fingerprint,
            summary: built.summary,
          })
        }
        return built
      })().finally(() => building.delete(key))
      building.set(key, pending)
    }
    return pending
  }

  async function stale(): Promise<StoryFingerprint[]> {
    const [rows, known] = await Promise.all([stories(), kept()])
    return rows.filter((r) => known.get(r.id)?.fingerprint !== r.fingerprint)
  }

  async function warm(onBuilt?: (built: BuiltStory) => void): Promise<void> {
    const todo = await stale()
    for (const [i, row] of todo.entries()) {
      const built = await build(row)
      if (built !== null)
        onBuilt?.({ id: row.id, documents: row.documents, ms: built.ms, left: todo.length - i - 1 })
    }
  }

  return {
    async story(id, limit = STORY_LIST_LIMIT) {
      const row = (await stories()).find((s) => s.id === id)
      if (row === undefined) return null
      if (limit === STORY_LIST_LIMIT) {
        const page = await keptPage(store.db, id, row.fingerprint)
        if (page !== null) return page
        return (await build(row))?.page ?? null
      }
      const pageKey = `${id}\u0000${limit}\u0000${row.fingerprint}`
      const cached = pages.get(pageKey)
      if (cached !== undefined) return cached
      const built =
        last !== null && last.id === id && last.fingerprint === row.fingerprint
          ? last
          : await build(row)
      if (built === null) return null
      const page = pageJson(built.brief, built.story, limit)
      if (pages.size >= 8) pages.delete(pages.keys().next().value!)
      pages.set(pageKey, page)
      return page
    },
    async summaries() {
      await warm()
      const known = await kept()
      return (await stories()).flatMap((row) => {
        const summary = known.get(row.id)?.summary
        return summary === undefined ? [] : [summary]
      })
    },
    warm,
    invalidate() {
      watch.invalidate()
    },
  }
}

interface Built {
  readonly id: string
  readonly fingerprint: string
  readonly brief: Brief
  readonly story: BriefStory
  readonly summary: StorySummary
  /** The page at the default list limit, as kept. */
  readonly page: string
  readonly ms: number
}

/** Builds one story's brief from its own documents and keeps its summary and page. */
async function buildStory(store: Store, row: StoryFingerprint): Promise<Built | null> {
  const started = performance.now()
  const brief = await storyBrief(store, row.id)
  // The stored story and buildBrief's grouping of its documents agree (the same rule); should a
  // story ever split, its page shows the part that keeps its id, else the largest part.
  const story = brief.stories.find((s) => s.id === row.id) ?? brief.stories[0]
  if (story === undefined) return null
  const summary = summarizeStory(story)
  const page = pageJson(brief, story, STORY_LIST_LIMIT)
  const ms = performance.now() - started
  try {
    await keepStoryBrief(store.db, {
      storyId: row.id,
      fingerprint: row.fingerprint,
      summary,
      page,
      buildMs: ms,
    })
  } catch {
    // Keeping is an optimisation: a story merged away meanwhile, or a read-only database, only
    // means it is built again next time.
  }
  return { id: row.id, fingerprint: row.fingerprint, brief, story, summary, page, ms }
}

/** The page of one story: the brief with only that story, its lists capped at `limit`. */
function pageJson(brief: Brief, story: BriefStory, limit: number): string {
  const truncated: Record<string, number> = {}
  const capped = capArrays(story, limit, 'stories[0]', truncated)
  return JSON.stringify({
    ...brief,
    stories: [capped],
    ...(Object.keys(truncated).length === 0 ? {} : { truncated }),
  })
}

export function summarizeStory(story: BriefStory): StorySummary {
  const sources = new Set(story.documents.map((d) => d.site ?? d.source))
  const conflictingFigures = story.figures.filter((f) => f.agreement === 'conflicting').length
  const accused = new Set<string>()
  for (const speaker of story.speakers)
    for (const claim of speaker.claims)
      if (claim.stance === 'accuse') for (const target of claim.targets) accused.add(target)
  return {
    id: story.id,
    title: story.title,
    documents: story.documents.length,
    sources: sources.size,
    firstPublishedAt: story.firstPublishedAt,
    lastPublishedAt: story.lastPublishedAt,
    contested: {
      conflictingFigures,
      accusedActors: accused.size,
      score: conflictingFigures + accused.size,
    },
  }
}
