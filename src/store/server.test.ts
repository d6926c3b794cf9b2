import { afterAll, describe, expect, it } from 'vitest'
import { isAppError } from '../errors.js'
import { runStoreContract } from './contract.js'
import { richAnalysis, syntheticAnalysis } from './fixtures/build-analysis.js'
import {
  ADMIN_URL,
  createServerDatabase,
  serverProblem,
  SKIP_SERVER_TESTS,
} from './fixtures/server-databases.js'
import { openStore, readMigrations } from './index.js'

// CI has the server: when it is unreachable these tests fail, unless CLAIMGRAPH_SKIP_SERVER_TESTS=1.
describe.skipIf(SKIP_SERVER_TESTS)('PostgreSQL server', () => {
  it('is reachable (set CLAIMGRAPH_TEST_SERVER, or CLAIMGRAPH_SKIP_SERVER_TESTS=1 to skip)', async () => {
    expect(await serverProblem()).toBeNull()
  })

  runStoreContract('PostgreSQL server', { fresh: createServerDatabase })

  const disposals: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const dispose of disposals) await dispose()
  })

  it('applies migrations once when several processes open a fresh database at once', async () => {
    const db = await createServerDatabase()
    disposals.push(db.dispose)
    const stores = await Promise.all(Array.from({ length: 4 }, () => openStore(db.url)))
    try {
      // Each migration is applied exactly once, by whichever opener got to it first.
      const all = readMigrations()
      expect(stores.flatMap((s) => s.migrated).sort()).toEqual(all.map((m) => m.name))
      const [store] = stores
      expect(
        await store!.db.query('SELECT version FROM schema_migrations ORDER BY version'),
      ).toEqual(all.map((m) => ({ version: m.version })))
    } finally {
      await Promise.all(stores.map((s) => s.close()))
    }
  })

  it('lets concurrent writers of one document take turns', async () => {
    const db = await createServerDatabase()
    disposals.push(db.dispose)
    const a = await openStore(db.url)
    const b = await openStore(db.url)
    try {
      const analysis = richAnalysis()
      const other = richAnalysis({ source: 'https://mirror.example/x' })
      const outcomes = await Promise.all([
        a.saveAnalysis(analysis),
        b.saveAnalysis(other),
        a.saveAnalysis(syntheticAnalysis(1)),
      ])
      expect(outcomes.slice(0, 2).sort()).toEqual(['added', 'unchanged'])
      expect(await a.counts()).toMatchObject({ documents: 2, sources: 3 })
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('reports an unreachable server as DB_CONNECT on one line, without the password', async () => {
    const error = await openStore('postgres://someone:secret@127.0.0.1:1/nothing').catch(
      (e: unknown) => e,
    )
    expect(isAppError(error) && error.code).toBe('DB_CONNECT')
    const line = isAppError(error) ? error.toLine() : ''
    expect(line).toContain('127.0.0.1:1')
    expect(line).not.toContain('secret')
    expect(line).not.toContain('\n')
  })

  it('reports a missing database as DB_CONNECT', async () => {
    const url = new URL(ADMIN_URL)
    url.pathname = '/claimgraph_no_such_db'
    const error = await openStore(url.toString()).catch((e: unknown) => e)
    expect(isAppError(error) && error.code).toBe('DB_CONNECT')
  })
})
