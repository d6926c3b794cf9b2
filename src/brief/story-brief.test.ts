/**
 * `storyBrief` (src/reconcile/stories.ts) briefs one stored story from its own documents only
 * (`loadAnalyses`), and gives exactly what briefing every stored analysis and keeping that story
 * gives: the same story, the same header count and the same notes.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { analyze, analyzeText } from '../analyze/index.js'
import { loadDocuments } from '../load/index.js'
import type { Analysis } from '../model/analysis.js'
import { listStories, reconcileAfterSave, storyBrief } from '../reconcile/stories.js'
import { openStore } from '../store/index.js'
import { buildBrief } from './index.js'

const SAMPLE = new URL('../../sample/', import.meta.url).pathname

describe('storyBrief', async () => {
  const analyses: Analysis[] = []
  for await (const outcome of loadDocuments([SAMPLE])) {
    if (outcome.ok) analyses.push(analyze(outcome.doc))
  }
  // One document whose analysis found no entities, so the brief's note about such documents
  // must count the whole store, not only the story.
  const bare = analyses.find((a) => a.document.source.endsWith('01-northgate-wire.txt'))!
  const withoutEntities: Analysis = {
    ...bare,
    document: { ...bare.document, id: 'f'.repeat(32), source: 'bare.txt', publishedAt: null },
    entities: [],
    claims: bare.claims.map((c) => ({
      ...c,
      speaker: c.speaker === null ? null : { ...c.speaker, entity: null },
      targets: [],
    })),
    events: bare.events.map((e) => ({
      ...e,
      agents: [],
      place: e.place === null ? null : { ...e.place, entity: null },
    })),
  }
  // An unrelated story.
  const harbour = analyzeText(
    'Dockworkers in Port Selvik walked out on Monday. The Selvik Harbour Union said the strike ' +
      'would last a week. Port Selvik officials said ferries would still run.',
    { source: 'harbour.txt', title: 'Port Selvik dockworkers strike', publishedAt: '2026-04-02' },
  )
  const stored = [...analyses, withoutEntities, harbour]
  const store = await openStore('memory://')
  afterAll(() => store.close())
  for (const analysis of stored) {
    await store.saveAnalysis(analysis)
    await reconcileAfterSave(store, analysis)
  }

  it('equals the brief of every stored analysis, kept to that story', async () => {
    const all = await store.loadAllAnalyses()
    const stories = await listStories(store)
    expect(stories.length).toBeGreaterThan(1)
    for (const { id } of stories) {
      const one = await storyBrief(store, id)
      expect(one.stories.map((s) => s.id)).toEqual([id])
      expect(one).toEqual(buildBrief(all, { storyId: id }))
    }
    expect((await storyBrief(store, stories[0]!.id)).notes).toEqual([
      `1 of ${stored.length} documents have no extracted entities; they were grouped by recurring capitalised names in their text instead.`,
    ])
  })

  it('gives no story for an id that is not stored', async () => {
    const none = await storyBrief(store, 's-0000000000')
    expect(none.stories).toEqual([])
    expect(none.documents).toBe(stored.length)
  })
})
