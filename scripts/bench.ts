/**
 * `npm run bench`: throughput of `analyze` and of `ingest` (PGlite in memory, PGlite on disk, the
 * PostgreSQL server) on the PolNeAR article texts in ../shared/data/polnear, a real news corpus.
 * compromise parses the same texts in the same run as a peer reference. Prints a Markdown table.
 *
 * Options: --limit N (first N articles), --skip-server, --skip-peer.
 * Environment: CLAIMGRAPH_BENCH_SERVER (default postgres://postgres@127.0.0.1:5432/test).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyze } from '../src/analyze/index.js'
import { pipeline } from '../src/analyze/pipeline.js'
import { defaultWorkerCount } from '../src/ingest/analyze-pool.js'
import { countWords, ingest } from '../src/ingest/ingest.js'
import { loadDocuments } from '../src/load/index.js'
import type { NormalizedDocument } from '../src/model/document.js'
import { openStore } from '../src/store/index.js'
import { stageLines, stageRounds } from './stage-times.js'

const args = process.argv.slice(2)
const limitArg = args.indexOf('--limit')
const limit = limitArg >= 0 ? Number(args[limitArg + 1]) : Infinity
const skipServer = args.includes('--skip-server')
const skipPeer = args.includes('--skip-peer')
const serverUrl =
  process.env['CLAIMGRAPH_BENCH_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432/test'

const corpusRoot = new URL('../../shared/data/polnear/', import.meta.url).pathname
const files = ['train', 'dev', 'test']
  .flatMap((split) => {
    const dir = join(corpusRoot, split, 'text')
    return readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => join(dir, name))
  })
  .slice(0, limit)

interface Row {
  readonly what: string
  readonly docs: number
  readonly words: number
  readonly seconds: number
}
const rows: Row[] = []
const log = (line: string): void => void process.stderr.write(`${line}\n`)

// Read and normalize once (not timed as part of analyze).
const t0 = performance.now()
const docs: NormalizedDocument[] = []
for await (const outcome of loadDocuments(files, {})) if (outcome.ok) docs.push(outcome.doc)
const normalizeSeconds = (performance.now() - t0) / 1000
const words = docs.reduce((sum, doc) => sum + countWords(doc.text), 0)
rows.push({ what: 'read + normalize', docs: docs.length, words, seconds: normalizeSeconds })
log(`${docs.length} documents, ${words} words`)

// Warm up (JIT, lexicon and model loading) on a few documents, then time all of them.
for (const doc of docs.slice(0, 20)) analyze(doc)
{
  const start = performance.now()
  for (const doc of docs) analyze(doc)
  rows.push({
    what: 'analyze (one core)',
    docs: docs.length,
    words,
    seconds: (performance.now() - start) / 1000,
  })
  log('analyze done')
}

// Stage by stage, three more rounds: what the claims stage adds to the rest of analyze (issue 4:
// at most 30 %), over the whole corpus.
const stageTimes = stageLines(stageRounds(pipeline.stages, docs, 3), docs.length, words)
log('stage times done')

if (!skipPeer) {
  const { default: nlp } = await import('compromise')
  const start = performance.now()
  for (const doc of docs) nlp(doc.text).json()
  rows.push({
    what: 'peer: compromise nlp(text).json()',
    docs: docs.length,
    words,
    seconds: (performance.now() - start) / 1000,
  })
  log('compromise done')
}

async function benchIngest(
  what: string,
  url: string,
  cleanup: () => Promise<void>,
  workers?: number,
): Promise<void> {
  const store = await openStore(url)
  try {
    const summary = await ingest(store, files, workers === undefined ? {} : { workers })
    const stored = summary.added + summary.updated + summary.unchanged
    rows.push({ what, docs: stored, words: summary.words, seconds: summary.seconds })
    log(`${what} done (${summary.failed.length} failed)`)
  } finally {
    await store.close()
    await cleanup()
  }
}

const pooled = `${defaultWorkerCount()} analysis worker${defaultWorkerCount() === 1 ? '' : 's'}`
await benchIngest(`ingest → PGlite memory:// (${pooled})`, 'memory://', async () => {})
await benchIngest('ingest → PGlite memory:// (no worker)', 'memory://', async () => {}, 0)
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-'))
await benchIngest(`ingest → PGlite on disk (${pooled})`, join(dir, 'db'), async () =>
  rmSync(dir, { recursive: true, force: true }),
)

if (!skipServer) {
  const { default: pg } = await import('pg')
  const name = `claimgraph_bench_${process.pid}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  await benchIngest(`ingest → PostgreSQL server (${pooled})`, url.toString(), async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  })
}

const cpu = cpus()[0]?.model ?? 'unknown CPU'
console.log(
  `\nCorpus: PolNeAR article texts (${docs.length} documents, ${words.toLocaleString('en')} words). Machine: ${cpus().length} × ${cpu}, Node ${process.version}.\n`,
)
console.log('| step | documents | words | seconds | documents/s | words/s |')
console.log('|---|---:|---:|---:|---:|---:|')
for (const row of rows) {
  const dps = row.docs / row.seconds
  const wps = row.words / row.seconds
  console.log(
    `| ${row.what} | ${row.docs} | ${row.words.toLocaleString('en')} | ${row.seconds.toFixed(2)} | ${Math.round(dps).toLocaleString('en')} | ${Math.round(wps).toLocaleString('en')} |`,
  )
}
console.log('')
for (const line of stageTimes) console.log(line)
