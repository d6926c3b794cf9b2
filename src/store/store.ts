/**
 * @module
 * `openStore(url)`: the database behind one narrow `Store`, PGlite or a PostgreSQL server chosen
 * by URL, migrated on open. The methods are the free functions of this folder bound to a driver.
 */
import type { Analysis } from '../model/analysis.js'
import type { Driver, DriverKind } from './driver.js'
import { loadAnalysesInSnapshot, loadAnalysis, pagedAnalyses } from './load-analysis.js'
import { migrate } from './migrate.js'
import { openPgDriver } from './pg-driver.js'
import { openPgliteDriver } from './pglite-driver.js'
import {
  counts,
  listDocuments,
  searchDocuments,
  type DocumentRow,
  type SearchHit,
  type StoreCounts,
} from './queries.js'
import { addSource, documentStatus, saveAnalysis, type SaveOutcome } from './save-analysis.js'
import { parseStoreUrl, storeUrlFrom } from './store-url.js'

export interface Store {
  readonly driver: DriverKind
  /** Where the database is, safe to print. */
  readonly location: string
  /** Migrations applied by this open (empty when the schema was already current). */
  readonly migrated: readonly string[]
  /** Stores one analysis in one transaction (see `saveAnalysis`). */
  saveAnalysis(analysis: Analysis): Promise<SaveOutcome>
  /** The stored pipeline of a document, so ingest can skip re-analysis; null when not stored. */
  documentStatus(id: string): Promise<{ readonly pipeline: string } | null>
  /** Records another source of a stored document; `NOT_FOUND` when it is not stored. */
  addSource(id: string, source: string): Promise<void>
  loadAnalysis(id: string): Promise<Analysis | null>
  /**
   * The stored analyses of `ids`, in that order (ids not stored are left out, repeats once), each
   * exactly what `loadAnalysis` returns. A fixed number of queries however many ids: use it
   * rather than `loadAnalysis` in a loop.
   */
  loadAnalyses(ids: readonly string[]): Promise<Analysis[]>
  listDocuments(): Promise<DocumentRow[]>
  /** Every stored analysis in id order, paged (`loadAnalyses` per page of 100). */
  analyses(): AsyncGenerator<Analysis>
  /** Every stored analysis at once (small stores; prefer `analyses()`). */
  loadAllAnalyses(): Promise<Analysis[]>
  counts(): Promise<StoreCounts>
  searchDocuments(q: string, limit?: number): Promise<SearchHit[]>
  /** The driver, for queries this interface does not have yet (reconcile, brief). */
  readonly db: Driver
  close(): Promise<void>
}

/** Binds the store functions to an open, migrated driver. */
export function storeOver(db: Driver, migrated: readonly string[] = []): Store {
  return {
    driver: db.kind,
    location: db.location,
    migrated,
    db,
    saveAnalysis: (analysis) => saveAnalysis(db, analysis),
    documentStatus: (id) => documentStatus(db, id),
    addSource: (id, source) => addSource(db, id, source),
    loadAnalysis: (id) => loadAnalysis(db, id),
    loadAnalyses: (ids) => loadAnalysesInSnapshot(db, ids),
    listDocuments: () => listDocuments(db),
    analyses: () => pagedAnalyses(db),
    async loadAllAnalyses() {
      const all: Analysis[] = []
      for await (const analysis of pagedAnalyses(db)) all.push(analysis)
      return all
    },
    counts: () => counts(db),
    searchDocuments: (q, limit) => searchDocuments(db, q, limit),
    close: () => db.close(),
  }
}

/**
 * Opens and migrates the store at `url`: `memory://`, `file://<dir>` or a directory path (PGlite),
 * `postgres://…` (server). Without `url`: `CLAIMGRAPH_DB`, then `DATABASE_URL`, then
 * `./.claimgraph/db`. Throws `DB_URL_INVALID`, `DB_CONNECT` or `DB_MIGRATION`.
 *
 * @example
 * const store = await openStore('memory://')
 * await store.saveAnalysis(analysis) // 'added'
 * await store.close()
 */
export async function openStore(url?: string): Promise<Store> {
  const location = parseStoreUrl(storeUrlFrom(url))
  const db =
    location.kind === 'server' ? await openPgDriver(location.url) : await openPgliteDriver(location)
  try {
    return storeOver(db, await migrate(db))
  } catch (error) {
    await db.close().catch(() => undefined)
    throw error
  }
}
