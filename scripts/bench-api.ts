/**
 * API latency with many stored documents: `npm run bench:api [-- --docs 10000 --db DIR --requests 200]`.
 * Synthesizes fictional documents (test/support/synthetic-corpus.ts), ingests them into an
 * embedded PGlite directory (kept, so a re-run skips the ingest), starts `claimgraph serve` on
 * 127.0.0.1 in this process, and measures p50/p95 of the story list and page, search, the document
 * reader and claims by speaker with a sequential loopback load loop (`--only claims` for a subset).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ingest } from '../src/ingest/ingest.js'
import { startServer } from '../src/server/index.js'
import { openStore } from '../src/store/index.js'
import { writeSyntheticCorpus } from '../test/support/synthetic-corpus.js'

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    db: { type: 'string', default: join(tmpdir(), 'claimgraph-bench-api-db') },
    requests: { type: 'string', default: '200' },
    // Comma-separated subset: stories,story,search,reader,claims (default: all). Without story
    // pages the cold brief is not built, so `--only claims` takes seconds, not minutes.
    only: { type: 'string', default: 'stories,story,search,reader,claims' },
  },
})
const only = new Set(values.only.split(','))
const docs = Number(values.docs)
const requests = Number(values.requests)

const store = await openStore(values.db)
const stored = (await store.counts()).documents
if (stored < docs) {
  const dir = join(tmpdir(), `claimgraph-bench-api-corpus-${docs}`)
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true })
  writeSyntheticCorpus(dir, docs)
  console.log(`ingesting ${docs} synthetic documents into ${values.db} …`)
  const started = performance.now()
  const summary = await ingest(store, [dir])
  console.log(
    `ingest: ${summary.added} added, ${summary.failed.length} failed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  rmSync(dir, { recursive: true, force: true })
}
const total = (await store.counts()).documents
console.log(`documents stored: ${total}`)

let server = await startServer({ store, port: 0 })
const get = async (path: string): Promise<{ ms: number; bytes: number }> => {
  const started = performance.now()
  const response = await fetch(`${server.url}${path}`)
  const body = await response.arrayBuffer()
  if (!response.ok) throw new TypeError(`${path}: ${response.status}`)
  return { ms: performance.now() - started, bytes: body.byteLength }
}

let stories: { id: string; documents: number }[] = []
if (only.has('stories') || only.has('story')) {
  const cold = performance.now()
  stories = (
    (await (await fetch(`${server.url}/api/stories`)).json()) as {
      stories: { id: string; documents: number }[]
    }
  ).stories
  console.log(
    `stories list, first request (builds every story's brief that is not kept yet): ${(performance.now() - cold).toFixed(0)} ms, ${stories.length} stories, largest ${Math.max(...stories.map((s) => s.documents))} documents`,
  )
  // A restart: a new server (and cache) over the same store serves the kept briefs.
  await server.close()
  server = await startServer({ store, port: 0 })
  const restart = performance.now()
  await get('/api/stories')
  const listed = performance.now() - restart
  const page = await get(`/api/stories/${encodeURIComponent(stories[0]!.id)}`)
  console.log(
    `after a restart: stories list ${listed.toFixed(0)} ms, then the largest story's page ${page.ms.toFixed(0)} ms`,
  )
}
const ids = (
  (await (await fetch(`${server.url}/api/documents`)).json()) as { documents: { id: string }[] }
).documents.map((d) => d.id)
const WORDS = [
  'explosion',
  'hospital',
  'responsibility',
  '"claimed responsibility"',
  'Velmora',
  'suspects detained',
  'smoke -market',
  'governor',
]

async function measure(name: string, path: (i: number) => string): Promise<void> {
  await get(path(0)) // warm
  const times: number[] = []
  let bytes = 0
  for (let i = 0; i < requests; i++) {
    const result = await get(path(i))
    times.push(result.ms)
    bytes += result.bytes
  }
  times.sort((a, b) => a - b)
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN
  console.log(
    `| ${name} | ${requests} | ${q(0.5).toFixed(1)} | ${q(0.95).toFixed(1)} | ${Math.round(bytes / requests / 1024)} KB |`,
  )
}

console.log('\n| request | n | p50 ms | p95 ms | mean body |\n| --- | ---: | ---: | ---: | ---: |')
if (only.has('stories')) await measure('story list', () => '/api/stories')
if (only.has('story'))
  await measure(
    'story page (GET /api/stories/:id)',
    (i) => `/api/stories/${stories[i % stories.length]?.id ?? ''}`,
  )
if (only.has('search'))
  await measure(
    'search (GET /api/search)',
    (i) => `/api/search?q=${encodeURIComponent(WORDS[i % WORDS.length] ?? '')}`,
  )
if (only.has('reader'))
  await measure(
    'document reader (GET /api/documents/:id)',
    (i) => `/api/documents/${ids[(i * 7919) % ids.length] ?? ''}`,
  )
if (only.has('claims')) {
  await measure(
    'claims by speaker (`?speaker=Kolvar`)',
    () => '/api/claims?speaker=Kolvar&limit=100',
  )
  await measure(
    'claims by speaker (`?speaker=dana kol`)',
    () => '/api/claims?speaker=dana%20kol&limit=100',
  )
  await measure(
    'claims by speaker key (`?speaker=person:dana-kolvar`)',
    () => '/api/claims?speaker=person%3Adana-kolvar&limit=100',
  )
  // The claims explorer's default limit (500).
  await measure(
    'claims by speaker, limit 500 (`?speaker=Kolvar`)',
    () => '/api/claims?speaker=Kolvar',
  )
  await measure(
    'claims by speaker, none, limit 500 (`?speaker=Voskel`)',
    () => '/api/claims?speaker=Voskel',
  )
  // A speaker no document quotes: the ordered walk finds nothing, the word indexes answer.
  await measure(
    'claims by speaker, none (`?speaker=Voskel`)',
    () => '/api/claims?speaker=Voskel&limit=100',
  )
}

await server.close()
await store.close()
