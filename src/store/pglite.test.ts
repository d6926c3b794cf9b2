import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAppError } from '../errors.js'
import { runStoreContract } from './contract.js'
import { richAnalysis } from './fixtures/build-analysis.js'
import {
  DEFAULT_STORE_PATH,
  migrate,
  openStore,
  parseStoreUrl,
  readMigrations,
  storeUrlFrom,
} from './index.js'

// initdb takes seconds in WASM: migrate one template directory, then copy it for each test.
let root: string
let template: string
let made = 0
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'claimgraph-store-'))
  template = join(root, 'template')
  const store = await openStore(template)
  // Copies must be empty databases, so each test migrates for itself.
  await store.db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;')
  await store.close()
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

runStoreContract('PGlite in a directory', {
  async fresh() {
    const dir = join(root, `db-${++made}`)
    await cp(template, dir, { recursive: true })
    return { url: `file://${dir}`, dispose: () => rm(dir, { recursive: true, force: true }) }
  },
})

describe('PGlite store', () => {
  it('works in memory', async () => {
    const store = await openStore('memory://')
    try {
      expect(store.driver).toBe('pglite')
      expect(store.migrated).toEqual(readMigrations().map((m) => m.name))
      const analysis = richAnalysis()
      expect(await store.saveAnalysis(analysis)).toBe('added')
      expect(await store.loadAnalysis(analysis.document.id)).toStrictEqual(analysis)
    } finally {
      await store.close()
    }
  })

  it('refuses a second opener of the same directory', async () => {
    const dir = join(root, 'locked')
    const store = await openStore(dir)
    try {
      const error = await openStore(dir).catch((e: unknown) => e)
      expect(isAppError(error) && error.code).toBe('DB_CONNECT')
      expect(String((error as Error).message)).toContain(`pid ${process.pid}`)
    } finally {
      await store.close()
    }
    // Closing releases the lock.
    const again = await openStore(dir)
    expect(again.migrated).toEqual([])
    await again.close()
  })

  it('creates a new directory whole and refuses paths holding other files', async () => {
    const dir = join(root, 'parent', 'new-db')
    const store = await openStore(`file://${dir}`)
    await store.close()
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true)
    expect(readdirSync(join(root, 'parent'))).toEqual(['new-db'])
    const other = join(root, 'other')
    mkdirSync(other)
    writeFileSync(join(other, 'notes.txt'), 'mine')
    for (const path of [other, join(other, 'notes.txt')]) {
      const error = await openStore(path).catch((e: unknown) => e)
      expect(isAppError(error) && error.code).toBe('DB_CONNECT')
    }
    expect(readdirSync(other)).toEqual(['notes.txt'])
  })
})

describe('migrations', () => {
  it('refuses an edited applied migration and a database newer than the code', async () => {
    const store = await openStore('memory://')
    try {
      expect(await migrate(store.db)).toEqual([])
      await store.db.query("UPDATE schema_migrations SET checksum = 'edited'")
      const edited = await migrate(store.db).catch((e: unknown) => e)
      expect(isAppError(edited) && edited.code).toBe('DB_MIGRATION')
      expect(String((edited as Error).message)).toContain('was changed after it was applied')
      await store.db.query(
        "INSERT INTO schema_migrations (version, name, checksum) VALUES (99, '0099_future.sql', 'x')",
      )
      const newer = await migrate(store.db).catch((e: unknown) => e)
      expect(isAppError(newer) && newer.code).toBe('DB_MIGRATION')
      expect(String((newer as Error).message)).toContain('upgrade claimgraph')
    } finally {
      await store.close()
    }
  })

  it('reads numbered files in order', () => {
    const migrations = readMigrations()
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1))
    expect(migrations[0]!.name).toBe('0001_init.sql')
  })
})

describe('store URLs', () => {
  it.each([
    ['memory://', { kind: 'memory' }],
    ['./data/db', { kind: 'directory', path: resolve('./data/db') }],
    ['/var/lib/cg', { kind: 'directory', path: '/var/lib/cg' }],
    ['file:///var/lib/cg', { kind: 'directory', path: '/var/lib/cg' }],
    ['file://rel/dir', { kind: 'directory', path: resolve('rel/dir') }],
    [
      'postgres://u:p@db.example:5432/cg',
      { kind: 'server', url: 'postgres://u:p@db.example:5432/cg' },
    ],
    ['postgresql://localhost/cg', { kind: 'server', url: 'postgresql://localhost/cg' }],
  ])('parses %s', (url, expected) => {
    expect(parseStoreUrl(url)).toEqual(expected)
  })

  it.each([
    '',
    '   ',
    'mysql://localhost/db',
    'idb://x',
    'file://',
    'postgres://',
    'postgres://[::1/db',
  ])('refuses %j with DB_URL_INVALID', (url) => {
    let error: unknown
    try {
      parseStoreUrl(url)
    } catch (e) {
      error = e
    }
    expect(isAppError(error) && error.code).toBe('DB_URL_INVALID')
  })

  it('takes the argument, then CLAIMGRAPH_DB, then DATABASE_URL, then the default', () => {
    const env = { CLAIMGRAPH_DB: 'memory://', DATABASE_URL: 'postgres://h/d' }
    expect(storeUrlFrom('file:///x', env)).toBe('file:///x')
    expect(storeUrlFrom(undefined, env)).toBe('memory://')
    expect(storeUrlFrom(undefined, { DATABASE_URL: 'postgres://h/d' })).toBe('postgres://h/d')
    expect(storeUrlFrom(undefined, { CLAIMGRAPH_DB: ' ' })).toBe(DEFAULT_STORE_PATH)
  })
})
