/**
 * The ingest job in process: worker threads change nothing in what is stored, bad inputs are
 * reported without stopping the others, and `afterSave` sees every stored analysis once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingest, type IngestEvent } from '../src/ingest/ingest.js'
import type { Analysis } from '../src/model/analysis.js'
import { openStore } from '../src/store/index.js'

const SAMPLE = new URL('../sample/', import.meta.url).pathname

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'claimgraph-ingest-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

async function ingestWith(workers: number, inputs: string[]) {
  const store = await openStore('memory://')
  const events: IngestEvent[] = []
  const saved: string[] = []
  try {
    const summary = await ingest(store, inputs, {
      workers,
      onEvent: (event) => events.push(event),
      afterSave: async (analysis: Analysis) => void saved.push(analysis.document.id),
    })
    const stored = (await store.loadAllAnalyses()).sort((a, b) =>
      a.document.id.localeCompare(b.document.id),
    )
    return { summary, events, saved, stored }
  } finally {
    await store.close()
  }
}

describe('ingest', () => {
  it('stores the same analyses with worker threads as without', async () => {
    const inline = await ingestWith(0, [SAMPLE])
    const pooled = await ingestWith(2, [SAMPLE])
    expect(inline.summary.added).toBe(12)
    expect(pooled.summary.added).toBe(12)
    expect(pooled.stored).toEqual(inline.stored)
    expect([...pooled.saved].sort()).toEqual(pooled.stored.map((a) => a.document.id))
  })

  it('reports a bad input on its own and stores every other one', async () => {
    const bad = join(tmp, 'broken.jsonl')
    writeFileSync(
      bad,
      '{"title": "A fine record", "text": "Officials said the bridge reopened."}\n{oops\n',
    )
    const result = await ingestWith(1, [
      bad,
      join(SAMPLE, '01-northgate-wire.txt'),
      join(tmp, 'nope.txt'),
    ])
    expect(result.summary.added).toBe(2)
    expect(result.summary.failed.map((f) => f.subject)).toEqual([`${bad}#2`, join(tmp, 'nope.txt')])
    expect(result.events.filter((e) => e.kind === 'failed')).toHaveLength(2)
  })

  it('counts content seen twice once, remembering both sources', async () => {
    const a = join(tmp, 'a.txt')
    const b = join(tmp, 'b.txt')
    const text =
      'Bridge reopens\n\nThe Harrow Street bridge reopened on Monday, the city council said.\n'
    writeFileSync(a, text)
    writeFileSync(b, text)
    const result = await ingestWith(0, [a, b])
    expect(result.summary.added).toBe(1)
    expect(result.summary.unchanged).toBe(1)
    expect(result.stored).toHaveLength(1)
  })
})
