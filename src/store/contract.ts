/**
 * @module
 * The store contract: one suite every driver must pass (`pglite.test.ts`, `server.test.ts`),
 * against a real database each time, never a mock.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { isAppError, type AppError } from '../errors.js'
import type { Analysis } from '../model/analysis.js'
import { documentId } from '../model/document-id.js'
import type { TextSpan } from '../model/document.js'
import { expectedRows, richAnalysis, syntheticAnalysis } from './fixtures/build-analysis.js'
import type { Queryable } from './driver.js'
import { loadAnalyses } from './load-analysis.js'
import { openStore, type Store } from './store.js'
import { readMigrations } from './migrate.js'

/** A new, empty database for one test, and how to remove it. */
export interface FreshDatabase {
  readonly url: string
  dispose(): Promise<void>
}

export interface StoreTarget {
  fresh(): Promise<FreshDatabase>
}

/** Every TextSpan in an analysis with what it should cover. */
function textSpans(a: Analysis): TextSpan[] {
  return [
    ...a.entities.flatMap((e) => e.mentions),
    ...a.claims.flatMap((c) =>
      [c.speaker, c.cue, c.content].filter((s): s is NonNullable<typeof s> => s !== null),
    ),
    ...a.events.flatMap((e) => [
      e.trigger,
      ...(e.date === null ? [] : [e.date]),
      ...(e.place === null ? [] : [e.place]),
      ...e.figures.map((f) => f.span),
    ]),
    ...a.quantities,
    ...a.dates,
  ]
}

/** The same document re-analyzed: a different pipeline and fewer, different annotations. */
function reanalyzed(a: Analysis, pipeline: string): Analysis {
  return {
    ...a,
    pipeline,
    entities: a.entities.slice(0, 3).map((e) => ({ ...e, name: `${e.name} (v2)` })),
    claims: a.claims.filter(
      (c) =>
        c.targets.every((t) => ['E1', 'E2', 'E3'].includes(t)) &&
        [null, 'E1', 'E2', 'E3'].includes(c.speaker?.entity ?? null),
    ),
    events: [],
    diagnostics: [],
  }
}

function sumRows(analyses: readonly Analysis[]): Record<string, number> {
  const total: Record<string, number> = {}
  for (const a of analyses) {
    for (const [k, v] of Object.entries(expectedRows(a))) total[k] = (total[k] ?? 0) + v
  }
  return total
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    if (isAppError(error)) return error
    throw error
  }
  return expect.fail('expected the promise to reject')
}

/** Runs the contract against databases made by `target`. */
export function runStoreContract(name: string, target: StoreTarget): void {
  describe(`store contract: ${name}`, () => {
    const cleanups: (() => Promise<void>)[] = []
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    })
    /** A fresh database, and a function opening it (closed after the test). */
    async function fresh(): Promise<{ url: string; open(): Promise<Store> }> {
      const db = await target.fresh()
      cleanups.push(() => db.dispose())
      return {
        url: db.url,
        async open() {
          const store = await openStore(db.url)
          cleanups.push(() => store.close())
          return store
        },
      }
    }

    it('migrates a fresh database once and re-opens without migrating', async () => {
      const db = await fresh()
      const first = await db.open()
      const all = readMigrations()
      expect(first.migrated).toEqual(all.map((m) => m.name))
      const applied = await first.db.query<{ version: number; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      )
      expect(applied).toEqual(all.map((m) => ({ version: m.version, name: m.name })))
      await first.saveAnalysis(richAnalysis())
      await first.close()
      const again = await db.open()
      expect(again.migrated).toEqual([])
      expect((await again.counts()).documents).toBe(1)
    })

    it('stores and loads back exactly the analysis it was given', async () => {
      const store = await (await fresh()).open()
      const analysis = richAnalysis()
      // The fixture itself is consistent: every span covers its text.
      for (const span of textSpans(analysis))
        expect(analysis.text.slice(span.start, span.end)).toBe(span.text)
      expect(await store.saveAnalysis(analysis)).toBe('added')
      const loaded = await store.loadAnalysis(analysis.document.id)
      expect(loaded).toStrictEqual(analysis)
      // Same keys in the same order: the CLI prints stored analyses as JSON.
      expect(JSON.stringify(loaded)).toBe(JSON.stringify(analysis))
      expect(await store.documentStatus(analysis.document.id)).toEqual({
        pipeline: analysis.pipeline,
      })
    })

    it('keeps optional fields absent and nulls null', async () => {
      const store = await (await fresh()).open()
      const analysis = richAnalysis()
      await store.saveAnalysis(analysis)
      const loaded = (await store.loadAnalysis(analysis.document.id))!
      expect(loaded.sections.find((s) => s.kind === 'comment')).toHaveProperty(
        'author',
        'nightowl😺',
      )
      expect(loaded.sections.find((s) => s.kind === 'body')).not.toHaveProperty('author')
      expect(loaded.diagnostics[1]).not.toHaveProperty('span')
      expect(loaded.events[0]!.figures[0]).not.toHaveProperty('valueMax')
      expect(loaded.events[0]!.figures[1]).toHaveProperty('valueMax', 99)
      expect(loaded.claims.find((c) => c.id === 'C5')!.speaker).toBeNull()
      expect(loaded.claims.find((c) => c.id === 'C6')!.cue).toBeNull()
      expect(loaded.claims[0]!.speaker!.entity).toBeNull()
      expect(loaded.events[1]!.place).toBeNull()
      expect(loaded.entities[0]!.mentions[1]!.provenance).toStrictEqual({
        stage: 'entities',
        rule: 'alias-merge',
      })
    })

    it('keeps UTF-16 offsets across emoji and other non-BMP characters', async () => {
      const store = await (await fresh()).open()
      const analysis = richAnalysis()
      expect(analysis.text).toMatch(/[\u{10000}-\u{10FFFF}]/u)
      await store.saveAnalysis(analysis)
      const loaded = (await store.loadAnalysis(analysis.document.id))!
      expect(loaded.text).toBe(analysis.text)
      expect(loaded.text.length).toBe(analysis.text.length)
      for (const span of textSpans(loaded))
        expect(loaded.text.slice(span.start, span.end)).toBe(span.text)
      const comment = loaded.claims.find((c) => c.id === 'C6')!
      expect(comment.content.text).toBe('Obviously a false flag 🙄 — ')
    })

    it("returns 'unchanged' for the same document and pipeline, recording the new source", async () => {
      const store = await (await fresh()).open()
      const analysis = richAnalysis()
      expect(await store.saveAnalysis(analysis)).toBe('added')
      const before = await store.counts()
      expect(await store.saveAnalysis(analysis)).toBe('unchanged')
      expect(
        await store.saveAnalysis(richAnalysis({ source: 'https://mirror.example/copy' })),
      ).toBe('unchanged')
      const after = await store.counts()
      expect(after).toEqual({ ...before, sources: 2 })
      const [row] = await store.listDocuments()
      expect(row!.source).toBe(analysis.document.source)
      expect(row!.sources).toEqual([analysis.document.source, 'https://mirror.example/copy'])
      expect(await store.loadAnalysis(analysis.document.id)).toStrictEqual(analysis)
      // Ingest skipping re-analysis records sources directly.
      await store.addSource(analysis.document.id, 'stdin')
      await store.addSource(analysis.document.id, 'stdin')
      expect((await store.listDocuments())[0]!.sources).toHaveLength(3)
      expect((await rejection(store.addSource('no-such-id', 'x'))).code).toBe('NOT_FOUND')
    })

    it("re-analyzes a document stored by another pipeline ('updated', old annotations gone)", async () => {
      const store = await (await fresh()).open()
      const old = richAnalysis({ pipeline: 'p1' })
      const other = syntheticAnalysis(1)
      await store.saveAnalysis(old)
      await store.saveAnalysis(other)
      const next = reanalyzed(
        richAnalysis({ pipeline: 'p2', source: 'https://news.example/again' }),
        'p2',
      )
      expect(next.claims.length).toBeGreaterThan(0)
      expect(next.claims.length).toBeLessThan(old.claims.length)
      expect(await store.saveAnalysis(next)).toBe('updated')
      expect(await store.loadAnalysis(next.document.id)).toStrictEqual(next)
      expect(await store.documentStatus(next.document.id)).toEqual({ pipeline: 'p2' })
      const counts = await store.counts()
      expect(counts).toMatchObject({ documents: 2, sources: 3, ...sumRows([next, other]) })
      // The other document is untouched.
      expect(await store.loadAnalysis(other.document.id)).toStrictEqual(other)
    })

    it('leaves nothing behind when a save fails', async () => {
      const store = await (await fresh()).open()
      const good = richAnalysis()
      const broken: Analysis = {
        ...syntheticAnalysis(2),
        claims: [{ ...good.claims[2]!, targets: ['E1', 'E999'] }],
      }
      const error = await rejection(store.saveAnalysis(broken))
      expect(error.code).toBe('DB_QUERY')
      expect(error.details).toMatchObject({ sqlstate: '23503' })
      expect(String(error.details?.['query'])).toContain('INSERT INTO documents')
      expect(error.toLine()).not.toContain('\n')
      expect(await store.documentStatus(broken.document.id)).toBeNull()
      expect(Object.values(await store.counts()).every((n) => n === 0)).toBe(true)
      // A failed re-analysis keeps the earlier analysis whole.
      await store.saveAnalysis(good)
      const badUpdate: Analysis = {
        ...good,
        pipeline: 'p9',
        claims: [{ ...good.claims[0]!, stance: 'shout' as never }],
      }
      expect((await rejection(store.saveAnalysis(badUpdate))).code).toBe('DB_QUERY')
      expect(await store.loadAnalysis(good.document.id)).toStrictEqual(good)
      // And the store still works.
      expect(await store.saveAnalysis(syntheticAnalysis(3))).toBe('added')
    })

    it('refuses text PostgreSQL cannot hold exactly', async () => {
      const store = await (await fresh()).open()
      const base = syntheticAnalysis(4)
      for (const text of [`${base.text}\u0000`, `${base.text}\uD83D`]) {
        const error = await rejection(
          store.saveAnalysis({
            ...base,
            text,
            document: { ...base.document, id: documentId(text) },
          }),
        )
        expect(error.code).toBe('DB_DATA_INVALID')
      }
      expect((await store.counts()).documents).toBe(0)
    })

    it('lists, counts and loads every document', async () => {
      const store = await (await fresh()).open()
      const all = [richAnalysis(), syntheticAnalysis(5), syntheticAnalysis(6)]
      for (const a of all) await store.saveAnalysis(a)
      expect(await store.loadAnalysis('no-such-id')).toBeNull()
      expect(await store.documentStatus('no-such-id')).toBeNull()
      const counts = await store.counts()
      expect(counts).toMatchObject({ documents: 3, sources: 3, stories: 0, ...sumRows(all) })
      const rows = await store.listDocuments()
      expect(rows.map((r) => r.id).sort()).toEqual(all.map((a) => a.document.id).sort())
      const rich = rows.find((r) => r.id === all[0]!.document.id)!
      expect(rich).toMatchObject({
        title: all[0]!.document.title,
        publishedAt: '2024-03-23',
        kind: 'article',
        pipeline: all[0]!.pipeline,
      })
      expect(rich.wordCount).toBeGreaterThan(50)
      expect(Number.isNaN(Date.parse(rich.analyzedAt))).toBe(false)
      // Newest publication first.
      expect(rows.map((r) => r.publishedAt)).toEqual(
        [...rows.map((r) => r.publishedAt)].sort().reverse(),
      )
      const loaded = await store.loadAllAnalyses()
      const byId = new Map(all.map((a) => [a.document.id, a]))
      expect(loaded).toHaveLength(3)
      for (const a of loaded) expect(a).toStrictEqual(byId.get(a.document.id))
    })

    it('loads many analyses with a fixed number of queries, each exactly as loadAnalysis does', async () => {
      const store = await (await fresh()).open()
      const all = [
        richAnalysis(),
        syntheticAnalysis(8),
        syntheticAnalysis(9),
        syntheticAnalysis(10),
      ]
      for (const a of all) await store.saveAnalysis(a)
      // Re-analyzed, so the batch must not pick up rows of the earlier analysis.
      const updated = reanalyzed(richAnalysis({ pipeline: 'p2' }), 'p2')
      expect(await store.saveAnalysis(updated)).toBe('updated')
      const ids = [all[2]!, updated, all[1]!].map((a) => a.document.id)
      const loaded = await store.loadAnalyses([ids[0]!, 'no-such-id', ids[1]!, ids[2]!, ids[0]!])
      expect(loaded.map((a) => a.document.id)).toEqual(ids)
      for (const [i, id] of ids.entries()) {
        const one = await store.loadAnalysis(id)
        expect(loaded[i]).toStrictEqual(one)
        expect(JSON.stringify(loaded[i])).toBe(JSON.stringify(one))
      }
      expect(loaded[1]).toStrictEqual(updated)
      expect(await store.loadAnalyses([])).toEqual([])
      expect(await store.loadAnalyses(['no-such-id'])).toEqual([])
      // The number of queries does not grow with the number of documents.
      const counted = (): { db: Queryable; queries: () => number } => {
        let queries = 0
        return {
          db: {
            query: (sql, params) => ((queries += 1), store.db.query(sql, params)),
            exec: (sql) => store.db.exec(sql),
          },
          queries: () => queries,
        }
      }
      const one = counted()
      expect(await loadAnalyses(one.db, [ids[0]!])).toHaveLength(1)
      const many = counted()
      const everything = [...all.slice(1), updated].map((a) => a.document.id)
      expect(await loadAnalyses(many.db, everything)).toHaveLength(4)
      expect(many.queries()).toBe(one.queries())
      expect(many.queries()).toBeLessThanOrEqual(15)
      // Paging through every analysis gives the same analyses.
      const paged: Analysis[] = []
      for await (const a of store.analyses()) paged.push(a)
      expect(paged.map((a) => a.document.id)).toEqual([...everything].sort())
      for (const a of paged) expect(a).toStrictEqual(await store.loadAnalysis(a.document.id))
    })

    it('searches documents with web-search syntax', async () => {
      const store = await (await fresh()).open()
      const rich = richAnalysis()
      await store.saveAnalysis(rich)
      await store.saveAnalysis(syntheticAnalysis(7))
      const hits = await store.searchDocuments('gunmen stormed hall')
      expect(hits.map((h) => h.id)).toEqual([rich.document.id])
      expect(hits[0]!.snippet).toContain('**')
      expect(hits[0]!.rank).toBeGreaterThan(0)
      // Stemming: "attacks" finds "attack" (title), "residents gathered" finds the synthetic one.
      expect((await store.searchDocuments('attacks')).map((h) => h.id)).toContain(rich.document.id)
      expect(await store.searchDocuments('residents gathered')).toHaveLength(1)
      expect(await store.searchDocuments('"Orchid Hall" -Pelmar')).toEqual([])
      expect(await store.searchDocuments('"Orchid Hall" or residents', 1)).toHaveLength(1)
      expect(await store.searchDocuments('')).toEqual([])
    })

    it('deletes every annotation with its document (cascades)', async () => {
      const store = await (await fresh()).open()
      const rich = richAnalysis()
      await store.saveAnalysis(rich)
      await store.db.query('DELETE FROM documents WHERE id = $1', [rich.document.id])
      expect(Object.values(await store.counts()).every((n) => n === 0)).toBe(true)
    })
  })
}
