/**
 * @module
 * The brief over everything stored, computed by the same `buildBrief` the CLI uses and kept until
 * the store changes (`storeVersion`). Story summaries for the stories list are read off it.
 */
import { buildBrief, type Brief, type BriefStory } from '../brief/index.js'
import { storeVersion, type Store } from '../store/index.js'

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
  story(id: string): Promise<string | null>
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

export function createStoryCache(store: Store): StoryCache {
  let cached: CacheState | null = null
  let pending: Promise<CacheState> | null = null

  async function current(): Promise<CacheState> {
    const version = await storeVersion(store.db)
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
    async story(id) {
      const state = await current()
      let json = state.stories.get(id)
      if (json === undefined) {
        // buildBrief(analyses, { storyId }) filters the stories of the full brief after building
        // them, so this is exactly its output, without building every story again.
        const story = state.brief.stories.find((s) => s.id === id)
        if (story === undefined) return null
        json = JSON.stringify({ ...state.brief, stories: [story] } satisfies Brief)
        state.stories.set(id, json)
      }
      return json
    },
    async summaries() {
      return (await current()).brief.stories.map(summarizeStory)
    },
    invalidate() {
      cached = null
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
