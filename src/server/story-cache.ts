/**
 * @module
 * The brief over everything stored, computed by the same `buildBrief` the CLI uses and kept until
 * the store changes (`storeVersion`). Story summaries for the stories list are read off it.
 */
import { buildBrief, type Brief, type BriefStory } from '../brief/index.js'
import type { Analysis } from '../model/analysis.js'
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
  story(id: string): Promise<Brief | null>
  summaries(): Promise<StorySummary[]>
  /** Forget everything (after an ingest). */
  invalidate(): void
}

interface CacheState {
  readonly version: string
  readonly analyses: Analysis[]
  readonly brief: Brief
  readonly stories: Map<string, Brief>
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
          analyses,
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
      if (!state.brief.stories.some((s) => s.id === id)) return null
      let brief = state.stories.get(id)
      if (brief === undefined) {
        brief = buildBrief(state.analyses, { storyId: id })
        state.stories.set(id, brief)
      }
      return brief
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
