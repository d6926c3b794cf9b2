/**
 * Crash safety: a child process saving analyses is SIGKILLed mid-run; the store must hold only
 * whole documents, every acknowledged save, and finish to the state of an uninterrupted run.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import type { Analysis } from '../model/analysis.js'
import { expectedRows, syntheticAnalysis } from './fixtures/build-analysis.js'
import { createServerDatabase, SKIP_SERVER_TESTS } from './fixtures/server-databases.js'
import { openStore } from './index.js'

const SCRIPT = fileURLToPath(new URL('./fixtures/save-loop.ts', import.meta.url))
const REPO = fileURLToPath(new URL('../../', import.meta.url))
const COUNT = 40

interface LoopRun {
  /** Saves the child reported as committed. */
  readonly acknowledged: number[]
  readonly outcomes: string[]
  readonly killed: boolean
  readonly exitCode: number | null
  readonly stderr: string
}

/** Runs the save loop in a child; with `killAfterAdded`, SIGKILLs it shortly after that many new saves. */
function runLoop(url: string, killAfterAdded?: number): Promise<LoopRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, url, String(COUNT)], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acknowledged: number[] = []
    const outcomes: string[] = []
    let added = 0
    let killing = false
    let buffer = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        const match = /^saved (\d+) (\w+)$/.exec(line)
        if (match !== null) {
          acknowledged.push(Number(match[1]))
          outcomes.push(match[2]!)
          if (match[2] === 'added') added++
        } else if (
          line.startsWith('saving ') &&
          killAfterAdded !== undefined &&
          added >= killAfterAdded &&
          !killing
        ) {
          killing = true
          // The child is inside saveAnalysis now (a save takes tens of milliseconds).
          setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 10))
        }
      }
    })
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      resolve({ acknowledged, outcomes, killed: signal === 'SIGKILL', exitCode: code, stderr }),
    )
  })
}

const expected = new Map<string, Analysis>(
  Array.from({ length: COUNT }, (_, n) => syntheticAnalysis(n)).map((a) => [a.document.id, a]),
)

/** Opens the store and checks that every stored document is whole and every acknowledged save is there. */
async function checkWhole(url: string, acknowledged: readonly number[]): Promise<number> {
  const store = await openStore(url)
  try {
    const rows = await store.listDocuments()
    const ids = new Set(rows.map((r) => r.id))
    for (const n of acknowledged) expect(ids.has(syntheticAnalysis(n).document.id)).toBe(true)
    const total: Record<string, number> = {}
    for (const row of rows) {
      const analysis = expected.get(row.id)
      expect(analysis).toBeDefined()
      expect(await store.loadAnalysis(row.id)).toStrictEqual(analysis)
      for (const [k, v] of Object.entries(expectedRows(analysis!))) total[k] = (total[k] ?? 0) + v
    }
    // No orphan rows of documents that are not there.
    expect(await store.counts()).toMatchObject({
      documents: rows.length,
      sources: rows.length,
      ...total,
    })
    return rows.length
  } finally {
    await store.close()
  }
}

/** Kills the loop three times at different points, then lets it finish. */
async function killAndResume(url: string): Promise<void> {
  let stored = 0
  for (const killAfter of [3, 6, 9]) {
    const run = await runLoop(url, killAfter)
    expect(run.killed, run.stderr).toBe(true)
    stored = await checkWhole(url, run.acknowledged)
    expect(stored).toBeGreaterThan(0)
    expect(stored).toBeLessThan(COUNT)
  }
  const final = await runLoop(url)
  expect(final.exitCode, final.stderr).toBe(0)
  expect(final.outcomes.filter((o) => o === 'unchanged')).toHaveLength(stored)
  expect(await checkWhole(url, final.acknowledged)).toBe(COUNT)

  // The same state as a run that was never interrupted.
  const reference = await openStore('memory://')
  const resumed = await openStore(url)
  try {
    for (const analysis of expected.values()) await reference.saveAnalysis(analysis)
    expect(await resumed.counts()).toEqual(await reference.counts())
    const strip = (rows: Awaited<ReturnType<typeof reference.listDocuments>>) =>
      rows.map(({ analyzedAt: _, ...rest }) => rest)
    expect(strip(await resumed.listDocuments())).toEqual(strip(await reference.listDocuments()))
  } finally {
    await reference.close()
    await resumed.close()
  }
}

describe('crash safety', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup()
  })

  it('PGlite in a directory survives SIGKILL mid-save', async () => {
    const root = await mkdtemp(join(tmpdir(), 'claimgraph-crash-'))
    cleanups.push(() => rm(root, { recursive: true, force: true }))
    await killAndResume(join(root, 'db'))
  }, 300_000)

  it.skipIf(SKIP_SERVER_TESTS)(
    'a PostgreSQL server survives a client killed mid-save',
    async () => {
      const db = await createServerDatabase()
      cleanups.push(db.dispose)
      await killAndResume(db.url)
    },
    300_000,
  )
})
