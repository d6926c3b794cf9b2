/**
 * @module
 * The brief over everything stored, computed by the same `buildBrief` the CLI uses and kept until
 * the store changes (`storeVersion`). Story summaries for the stories list are read off it.
 */
import { buildBrief, type Brief, type BriefStory } from '../brief/index.js'
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
  brief(): Promise<Brief>
  /** The brief of one story as JSON text (`buildBrief(analyses, { storyId })`), or null. */
  story(id: string, limit?: number): Promise<string | null>
  summaries(): Promise<StorySummary[]>
  /** Forget everything (after an ingest). */
  invalidate(): void
}

interface CacheState {
  readonly version: string
  readonly brief: Brief
  /** Serialized story briefs, built on first request. */
  readonly stories: Map<string, string>
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

export function createStoryCache(store: Store, watch: StoreWatch): StoryCache {
  let cached: CacheState | null = null
  let pending: Promise<CacheState> | null = null

  async function current(): Promise<CacheState> {
    const version = await watch.version()
    if (cached !== null && cached.version === version) return cached
    if (pending !== null) return pending
    pending = (async () => {
      try {
        const analyses = await store.loadAllAnalyses()
        const state: CacheState = {
          version,
          brief: buildBrief(analyses),
          stories: new Map(),
        }
        cached = state
        return state
      } finally {
        pending = null
      }
    })()
    return pending
  }

  return {
    async brief() {
      return (await current()).brief
    },
    async story(id, limit = STORY_LIST_LIMIT) {
      const state = await current()
      const cacheKey = `${id}\u0000${limit}`
      let json = state.stories.get(cacheKey)
      if (json === undefined) {
        // buildBrief(analyses, { storyId }) filters the stories of the full brief after building
        // them, so this is exactly its output, without building every story again.
        const story = state.brief.stories.find((s) => s.id === id)
        if (story === undefined) return null
        const truncated: Record<string, number> = {}
        const capped = capArrays(story, limit, `stories[0]`, truncated)
        json = JSON.stringify({
          ...state.brief,
          stories: [capped],
          ...(Object.keys(truncated).length === 0 ? {} : { truncated }),
        })
        state.stories.set(cacheKey, json)
      }
      return json
    },
    async summaries() {
      return (await current()).brief.stories.map(summarizeStory)
    },
    invalidate() {
      cached = null
      watch.invalidate()
    },
  }
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
