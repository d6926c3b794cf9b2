/**
 * Crash safety of `claimgraph ingest`: SIGKILL midway leaves no half-stored document, and a re-run
 * completes the job to exactly the state an uninterrupted run produces. Runs against PGlite on
 * disk (the default embedded store) and against the PostgreSQL server.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Analysis } from '../src/model/analysis.js'
import { openStore } from '../src/store/index.js'
import { BIN, REPO_ROOT, runCli } from './support/run-cli.js'
import { createServerDatabase } from '../src/store/fixtures/server-databases.js'
import { writeSyntheticCorpus } from './support/synthetic-corpus.js'

const DOCUMENTS = 120
const KILL_AFTER = 30

let tmp: string
let corpus: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'claimgraph-kill-'))
  corpus = join(tmp, 'corpus')
  writeSyntheticCorpus(corpus, DOCUMENTS)
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** Starts `ingest` and SIGKILLs it once `KILL_AFTER` documents were reported stored. */
function ingestAndKill(db: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'ingest', corpus, '--db', db], {
      cwd: REPO_ROOT,
      env: { ...process.env, CLAIMGRAPH_DB: '', DATABASE_URL: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stored = 0
    let buffer = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      stored += lines.filter((line) => line.startsWith('added')).length
      if (stored >= KILL_AFTER && child.exitCode === null) child.kill('SIGKILL')
    })
    child.on('error', reject)
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL')
        reject(new Error(`ingest ended before it could be killed (${stored} stored)`))
      else resolve(stored)
    })
  })
}

async function storedState(db: string): Promise<Analysis[]> {
  const store = await openStore(db)
  try {
    const all = await store.loadAllAnalyses()
    return all.sort((a, b) => a.document.id.localeCompare(b.document.id))
  } finally {
    await store.close()
  }
}

async function documentsInStories(db: string): Promise<number> {
  const store = await openStore(db)
  try {
    const [row] = await store.db.query<{ n: number }>(
      'SELECT count(DISTINCT document_id)::int AS n FROM story_documents',
    )
    return row?.n ?? 0
  } finally {
    await store.close()
  }
}

async function checkKillAndResume(killedDb: string, cleanDb: string): Promise<void> {
  const storedBeforeKill = await ingestAndKill(killedDb)
  expect(storedBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER)

  // Whatever survived the kill is whole: every stored document loads back completely.
  const partial = await storedState(killedDb)
  expect(partial.length).toBeGreaterThanOrEqual(KILL_AFTER)
  expect(partial.length).toBeLessThan(DOCUMENTS)
  for (const analysis of partial)
    expect(analysis.claims.length + analysis.entities.length).toBeGreaterThan(0)

  const resumed = await runCli(['ingest', corpus, '--db', killedDb])
  expect(resumed.code, resumed.stderr).toBe(0)
  expect(resumed.stderr).toContain(`${DOCUMENTS - partial.length} added`)
  expect(resumed.stderr).toContain(`${partial.length} unchanged`)

  const clean = await runCli(['ingest', corpus, '--db', cleanDb])
  expect(clean.code, clean.stderr).toBe(0)

  const [afterResume, afterClean] = await Promise.all([storedState(killedDb), storedState(cleanDb)])
  expect(afterResume).toHaveLength(DOCUMENTS)
  expect(afterResume).toEqual(afterClean)
  // Every document also has its story, even one stored just before the kill but not reconciled.
  for (const db of [killedDb, cleanDb]) expect(await documentsInStories(db)).toBe(DOCUMENTS)
}

describe('ingest killed with SIGKILL', () => {
  it('PGlite on disk: no half-stored document; the re-run completes to the uninterrupted state', async () => {
    await checkKillAndResume(join(tmp, 'killed'), join(tmp, 'clean'))
  })

  it('PostgreSQL server: the same', async () => {
    const killed = await createServerDatabase()
    const clean = await createServerDatabase()
    try {
      await checkKillAndResume(killed.url, clean.url)
    } finally {
      await killed.dispose()
      await clean.dispose()
    }
  })
})
