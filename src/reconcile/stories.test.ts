import { afterAll, describe, expect, it } from 'vitest'
import { analyze } from '../analyze/index.js'
import { buildBrief } from '../brief/index.js'
import { loadDocuments } from '../load/index.js'
import type { Analysis } from '../model/analysis.js'
import { openStore } from '../store/index.js'
import { listStories, reconcileAfterSave, storyBrief, storyDocuments } from './stories.js'

const SAMPLE = new URL('../../sample/', import.meta.url).pathname

describe('incremental stories (PGlite)', async () => {
  const store = await openStore('memory://')
  afterAll(() => store.close())
  const analyses: Analysis[] = []
  for await (const outcome of loadDocuments([SAMPLE])) {
    if (outcome.ok) analyses.push(analyze(outcome.doc))
  }

  it('keeps the stories buildBrief finds, one document at a time, in any order', async () => {
    // Reverse order: later documents first, so stories are merged and renamed as earlier ones arrive.
    for (const analysis of [...analyses].reverse()) {
      await store.saveAnalysis(analysis)
      await reconcileAfterSave(store, analysis)
    }
    const expected = buildBrief(analyses).stories.map((s) => ({
      id: s.id,
      documents: s.documents.map((d) => d.id).sort(),
    }))
    const stories = await listStories(store)
    const kept = await Promise.all(
      stories.map(async (s) => ({
        id: s.id,
        documents: (await storyDocuments(store, s.id)).sort(),
      })),
    )
    expect(kept.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      expected.sort((a, b) => a.id.localeCompare(b.id)),
    )
  })

  it('briefs one stored story from its documents only', async () => {
    const [largest] = await listStories(store)
    const brief = await storyBrief(store, largest!.id)
    expect(brief.stories.map((s) => s.id)).toEqual([largest!.id])
    expect(brief.stories[0]!.documents).toHaveLength(largest!.documents)
  })

  it('re-saving a document leaves its story as it is', async () => {
    const before = await listStories(store)
    const again = await reconcileAfterSave(store, analyses[0]!)
    expect(again.created).toBe(false)
    expect(await listStories(store)).toEqual(before)
  })
})
