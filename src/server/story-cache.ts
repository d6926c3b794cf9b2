/**
 * @module
 * Story pages and the stories list, built per story by the same `buildBrief` the CLI uses, over
 * only that story's documents, and kept in the store between runs until the story changes.
 */
import { buildBrief, type Brief, type BriefStory } from '../brief/index.js'
import {
  keepStoryBrief,
  keptStory,
  keptSummaries,
  storyFingerprints,
  type KeptStory,
  type KeptStoryBrief,
  type StoryFingerprint,
} from '../reconcile/story-briefs.js'
import { corpusCounts, storyBrief } from '../reconcile/stories.js'
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
    /** Event measures whose reconciled figures conflict (`reconciledFigures`, status conflicting). */
    readonly conflictingFigures: number
    /** Distinct actors someone accuses, on the story's responsibility boards. */
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
  let index: StoreState | null = null
  let indexPending: Promise<StoreState> | null = null
  /** The kept summaries by story id, read from the store once and then kept in step. */
  let summaries: Map<string, KeptStoryBrief<StorySummary>> | null = null
  /** Builds under way, by `id:fingerprint`, so two requests never build one story twice. */
  const building = new Map<string, Promise<Built | null>>()
  /** The last stories built (the latest last), for pages with another list limit than the kept one. */
  const recent: Built[] = []
  /** Pages as served, by store version, story and limit (the latest few). */
  const pages = new Map<string, string>()

  /** Every story's fingerprint and the pages' header, read once per store version. */
  async function state(): Promise<StoreState> {
    const version = await watch.version()
    if (index !== null && index.version === version) return index
    if (indexPending !== null) return indexPending
    indexPending = (async () => {
      try {
        const [rows, corpus] = await Promise.all([
          storyFingerprints(store.db),
          corpusCounts(store.db),
        ])
        // The header a brief over every stored analysis would have (its stories aside).
        const { schema, documents, notes } = buildBrief([], { corpus })
        index = { version, stories: rows, header: { schema, documents, notes } }
        return index
      } finally {
        indexPending = null
      }
    })()
    return indexPending
  }
  const stories = async () => (await state()).stories

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
          if (recent.push(built) > MAX_RECENT_STORIES) recent.shift()
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
      let built: Built | null = null
      try {
        built = await build(row)
      } catch {
        // One story that cannot be built (its store went away, a bad analysis) does not keep the
        // others from being built; it is tried again on the next pass.
        continue
      }
      if (built !== null)
        onBuilt?.({ id: row.id, documents: row.documents, ms: built.ms, left: todo.length - i - 1 })
    }
  }

  return {
    async story(id, limit = STORY_LIST_LIMIT) {
      const { version, stories: rows, header } = await state()
      const row = rows.find((s) => s.id === id)
      if (row === undefined) return null
      // The page as served, while the store is unchanged (its header counts the whole store).
      const pageKey = `${version}\u0000${id}\u0000${limit}`
      const served = pages.get(pageKey)
      if (served !== undefined) return served
      let capped: KeptStory | null
      if (limit === STORY_LIST_LIMIT) {
        capped =
          (await keptStory(store.db, id, row.fingerprint)) ?? (await build(row))?.kept ?? null
      } else {
        const built =
          recent.find((b) => b.id === id && b.fingerprint === row.fingerprint) ?? (await build(row))
        capped = built === null ? null : capStory(built.story, limit)
      }
      if (capped === null) return null
      const page = pageJson(header, capped)
      if (pages.size >= MAX_SERVED_PAGES) pages.delete(pages.keys().next().value!)
      pages.set(pageKey, page)
      return page
    },
    async summaries() {
      await warm()
      const known = await kept()
      // Only summaries of the story as it is now: one that could not be built is left out.
      return (await stories()).flatMap((row) => {
        const kept = known.get(row.id)
        return kept?.fingerprint === row.fingerprint ? [kept.summary] : []
      })
    },
    warm,
    invalidate() {
      watch.invalidate()
    },
  }
}

/** Built stories kept whole in memory (a story of thousands of documents takes tens of MB). */
const MAX_RECENT_STORIES = 3

/** Pages kept in memory as served (each up to a few MB). */
const MAX_SERVED_PAGES = 8

interface StoreState {
  readonly version: string
  readonly stories: StoryFingerprint[]
  readonly header: Header
}

/** A page's header: the brief's fields other than `stories`, counted over the whole store. */
type Header = Omit<Brief, 'stories'>

interface Built {
  readonly id: string
  readonly fingerprint: string
  readonly story: BriefStory
  readonly summary: StorySummary
  /** The story at the default list limit, as kept. */
  readonly kept: KeptStory
  readonly ms: number
}

/** Builds one story's brief from its own documents and keeps its summary and page. */
async function buildStory(store: Store, row: StoryFingerprint): Promise<Built | null> {
  const started = performance.now()
  const brief = await storyBrief(store, row.id)
  // storyBrief keeps the story with this id. The stored story and buildBrief's grouping of its
  // documents follow one rule; should they ever disagree, the story has no page.
  const story = brief.stories[0]
  if (story === undefined) return null
  const summary = summarizeStory(story)
  const kept = capStory(story, STORY_LIST_LIMIT)
  const ms = performance.now() - started
  try {
    await keepStoryBrief(store.db, {
      storyId: row.id,
      fingerprint: row.fingerprint,
      summary,
      kept,
      buildMs: ms,
    })
  } catch {
    // Keeping is an optimisation: a story merged away meanwhile, or a read-only database, only
    // means it is built again next time.
  }
  return { id: row.id, fingerprint: row.fingerprint, story, summary, kept, ms }
}

/** A story with its lists capped at `limit`, as JSON, and what the cap cut. */
function capStory(story: BriefStory, limit: number): KeptStory {
  const truncated: Record<string, number> = {}
  const capped = capArrays(story, limit, 'stories[0]', truncated)
  return { story: JSON.stringify(capped), truncated }
}

/**
 * The page of one story: the brief with only that story (`buildBrief(…, { storyId })`), its
 * header counted now, the story as kept, spliced in as text (a large story is not parsed again).
 */
function pageJson(header: Header, kept: KeptStory): string {
  const truncated = Object.keys(kept.truncated).length === 0 ? undefined : kept.truncated
  const shell = JSON.stringify({ ...header, stories: [0], truncated })
  const at = shell.indexOf('"stories":[0]') + '"stories":['.length
  return `${shell.slice(0, at)}${kept.story}${shell.slice(at + 1)}`
}

export function summarizeStory(story: BriefStory): StorySummary {
  const sources = new Set(story.documents.map((d) => d.site ?? d.source))
  // Read off the story's reconciled figures and responsibility board, as its page shows them.
  const conflictingFigures = story.reconciledFigures.filter(
    (m) => m.status === 'conflicting',
  ).length
  const accused = new Set<string>()
  for (const board of story.responsibility)
    for (const actor of board.actors) if (actor.accusedBy.length > 0) accused.add(actor.actor)
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
