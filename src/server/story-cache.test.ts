/**
 * The story cache on a real PGlite store: story pages are built from the stored stories, kept in
 * `story_briefs`, served again after a restart without building, and rebuilt when a story changes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBrief, type Brief } from '../brief/index.js'
import { ingest } from '../ingest/ingest.js'
import { createServerDatabase, SKIP_SERVER_TESTS } from '../store/fixtures/server-databases.js'
import { keepStoryBrief, storyFingerprints } from '../reconcile/story-briefs.js'
import { reconcileAfterSave } from '../reconcile/stories.js'
import { openStore, type Store } from '../store/index.js'
import { createApp } from './app.js'
import { createStoryCache, STORY_LIST_LIMIT, type BuiltStory } from './story-cache.js'
import { createStoreWatch } from './store-watch.js'

const SAMPLE = join(import.meta.dirname, '..', '..', 'sample')

let dir: string
let store: Store

const cacheOver = (s: Store) => createStoryCache(s, createStoreWatch(s, 0))

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimgraph-story-cache-'))
  store = await openStore(join(dir, 'db'))
  const summary = await ingest(store, [SAMPLE])
  expect(summary.failed).toEqual([])
})
afterAll(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('story cache', () => {
  it('serves each stored story as buildBrief shows it over that story’s documents', async () => {
    const cache = cacheOver(store)
    const summaries = await cache.summaries()
    const full = buildBrief(await store.loadAllAnalyses())
    expect(summaries.map((s) => s.id)).toEqual(full.stories.map((s) => s.id))
    expect(summaries.map((s) => s.documents)).toEqual(full.stories.map((s) => s.documents.length))
    const main = summaries[0]!
    const page = JSON.parse((await cache.story(main.id))!) as Brief
    expect(page).toEqual(buildBrief(await store.loadAllAnalyses(), { storyId: main.id }))
    expect(page.stories[0]).toEqual(full.stories[0])
    expect(await cache.story('s-0000000000')).toBeNull()
  })

  it('caps lists at the limit asked for and says what it cut', async () => {
    const cache = cacheOver(store)
    const [main] = await cache.summaries()
    const page = JSON.parse((await cache.story(main!.id, 2))!) as Brief & {
      truncated?: Record<string, number>
    }
    expect(page.stories[0]!.documents).toHaveLength(2)
    expect(page.truncated?.['stories[0].documents']).toBe(main!.documents)
  })

  it('keeps built briefs in the store: a restart builds nothing until a story changes', async () => {
    await cacheOver(store).summaries()
    const built: BuiltStory[] = []
    const restarted = cacheOver(store)
    await restarted.warm((b) => built.push(b))
    expect(built).toEqual([])
    const [main] = await restarted.summaries()
    expect(JSON.parse((await restarted.story(main!.id, STORY_LIST_LIMIT))!)).toMatchObject({
      stories: [{ id: main!.id }],
    })

    // Reconcile touching a story (as when one of its documents is stored again) changes its
    // fingerprint; another source of a document does not (the brief shows first sources only).
    const [doc] = await store.db.query<{ document_id: string }>(
      'SELECT document_id FROM story_documents WHERE story_id = $1 LIMIT 1',
      [main!.id],
    )
    await store.addSource(doc!.document_id, 'https://example.org/another-copy')
    await restarted.warm((b) => built.push(b))
    expect(built).toEqual([])
    await reconcileAfterSave(store, (await store.loadAnalysis(doc!.document_id))!)
    await restarted.warm((b) => built.push(b))
    expect(built.map((b) => b.id)).toEqual([main!.id])
    expect(built[0]!.documents).toBe(main!.documents)

    // A document of another story leaves this one's kept brief as it is; the page's header
    // (documents in the store) still counts it.
    const other = join(dir, 'unrelated.txt')
    writeFileSync(
      other,
      'Harbour officials in Quillon opened a new ferry terminal on Tuesday.\n\n' +
        'The mayor of Quillon said the terminal would carry 4,000 passengers a day.\n',
    )
    expect((await ingest(store, [other])).added).toBe(1)
    built.length = 0
    await restarted.warm((b) => built.push(b))
    expect(built.map((b) => b.documents)).toEqual([1])
    const page = JSON.parse((await restarted.story(main!.id))!) as Brief
    expect(page).toEqual(buildBrief(await store.loadAllAnalyses(), { storyId: main!.id }))
  })
})

/** A late build (at an older fingerprint) keeps nothing; a build at the current one is kept. */
async function expectOnlyCurrentBuildsKept(on: Store): Promise<void> {
  const [story] = await storyFingerprints(on.db)
  const row = {
    storyId: story!.id,
    fingerprint: story!.fingerprint,
    summary: {},
    kept: { story: '{}', truncated: {} },
    buildMs: 1,
  }
  const old = `${story!.fingerprint}-old`
  expect(await keepStoryBrief(on.db, { ...row, fingerprint: old })).toBe(false)
  const kept = await on.db.query<{ fingerprint: string }>(
    'SELECT fingerprint FROM story_briefs WHERE story_id = $1',
    [story!.id],
  )
  expect(kept.map((k) => k.fingerprint)).not.toContain(old)
  expect(await keepStoryBrief(on.db, { ...row, fingerprint: story!.fingerprint })).toBe(true)
  expect(await keepStoryBrief(on.db, { ...row, storyId: 's-0000000000' })).toBe(false)
}

describe('keepStoryBrief', () => {
  it('keeps nothing for a story that changed while its brief was being built', async () => {
    await expectOnlyCurrentBuildsKept(store)
  })

  it.skipIf(SKIP_SERVER_TESTS)('does the same on the PostgreSQL server', async () => {
    const server = await createServerDatabase()
    const on = await openStore(server.url)
    try {
      const file = join(dir, 'keep.txt')
      writeFileSync(file, 'Divers in Quillon found a sunken barge near the north pier on Monday.\n')
      expect((await ingest(on, [file])).added).toBe(1)
      await expectOnlyCurrentBuildsKept(on)
    } finally {
      await on.close()
      await server.dispose()
    }
  })
})

describe('createApp with warmStories', () => {
  it('builds and keeps the briefs of changed stories in the background', async () => {
    const fresh = await openStore('memory://')
    try {
      const file = join(dir, 'warm.txt')
      writeFileSync(
        file,
        'Firefighters in Quillon put out a blaze at the old grain depot on Monday.\n\n' +
          'The Quillon fire chief said two people were injured.\n',
      )
      expect((await ingest(fresh, [file])).added).toBe(1)
      const done = new Promise<BuiltStory>((resolve) =>
        createApp({ store: fresh, warmStories: true, onStoryBuilt: resolve }),
      )
      expect((await done).left).toBe(0)
      const kept = await fresh.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM story_briefs',
      )
      expect(kept[0]!.n).toBe(1)
    } finally {
      await fresh.close()
    }
  })
})
