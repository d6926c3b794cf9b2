/**
 * `npm run bench:reconcile`: the two reconcile targets of issue 5, on PGlite in memory.
 *
 * 1. Reconciling one new document into a store of 10,000 documents (`reconcileAfterSave`):
 *    10,000 stored documents with story keys are seeded by SQL (200 stories of 50 documents, 30
 *    names each: 10 of their story, 5 of them salient, and 20 from a shared pool of 20,000), then
 *    the sample corpus's analyses are saved again under new ids, one at a time, and only
 *    `reconcileAfterSave` is timed. Target: median ≤ 50 ms.
 * 2. A full brief of a 200-document story (`storyBrief`: load the story's analyses with
 *    `loadAnalyses`, build the brief, with near-duplicates, figures, responsibility): the sample
 *    analyses saved 200 times under new ids. Load and build are timed apart, then `storyBrief` end
 *    to end. Target ≤ 500 ms.
 *
 * Options: --new N (documents reconciled in step 1, default 60), --story N (default 200).
 */
import { analyze } from '../src/analyze/index.js'
import { buildBrief } from '../src/brief/index.js'
import { loadDocuments } from '../src/load/index.js'
import type { Analysis } from '../src/model/analysis.js'
import { reconcileAfterSave, storyBrief, storyDocuments } from '../src/reconcile/stories.js'
import { openStore } from '../src/store/index.js'

const args = process.argv.slice(2)
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name)
  return at >= 0 ? Number(args[at + 1]) : fallback
}
const newDocuments = option('--new', 60)
const storySize = option('--story', 200)
const SEEDED = 10_000

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!

function renamed(analysis: Analysis, id: string, hours: number): Analysis {
  const base = Date.parse(analysis.document.publishedAt ?? '2026-03-14T00:00:00Z')
  return {
    ...analysis,
    document: {
      ...analysis.document,
      id,
      source: `${analysis.document.source}#${id}`,
      publishedAt: new Date(base + hours * 3_600_000).toISOString(),
    },
  }
}

async function main(): Promise<void> {
  const sample: Analysis[] = []
  for await (const outcome of loadDocuments([new URL('../sample/', import.meta.url).pathname])) {
    if (outcome.ok) sample.push(analyze(outcome.doc))
  }

  // 1. One new document into a store of 10,000.
  const store = await openStore('memory://')
  let started = performance.now()
  await store.db.exec(`
    INSERT INTO documents (id, source, kind, language, text, schema, pipeline, word_count)
      SELECT 'seed' || d, 'bench', 'article', 'en', 'seeded', 'claimgraph/analysis@1', 'bench', 1
      FROM generate_series(1, ${SEEDED}) d;
    INSERT INTO stories (id, earliest_document, documents)
      SELECT 'seed-story' || g, 'seed' || (g * 50 + 1), 50 FROM generate_series(0, ${SEEDED / 50 - 1}) g;
    INSERT INTO story_documents (story_id, document_id, published_at)
      SELECT 'seed-story' || ((d - 1) / 50), 'seed' || d, now() FROM generate_series(1, ${SEEDED}) d;
    INSERT INTO story_keys (key, document_id, salient)
      SELECT 'name:story' || ((d - 1) / 50) || '-' || k, 'seed' || d, k < 5
      FROM generate_series(1, ${SEEDED}) d, generate_series(0, 9) k;
    INSERT INTO story_keys (key, document_id, salient)
      SELECT DISTINCT 'name:pool' || ((d * 37 + k * 101) % 20000), 'seed' || d, false
      FROM generate_series(1, ${SEEDED}) d, generate_series(0, 19) k
      ON CONFLICT DO NOTHING;
    ANALYZE story_keys; ANALYZE story_documents; ANALYZE stories;
  `)
  const seeded = performance.now() - started
  const times: number[] = []
  for (let i = 0; i < newDocuments; i++) {
    const analysis = renamed(sample[i % sample.length]!, `new${i}`, i)
    await store.saveAnalysis(analysis)
    started = performance.now()
    await reconcileAfterSave(store, analysis)
    times.push(performance.now() - started)
  }
  const [{ n }] = (await store.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM story_documents',
  )) as [{ n: number }]
  await store.close()

  // 2. The brief of a 200-document story.
  const big = await openStore('memory://')
  for (let i = 0; i < storySize; i++) {
    const analysis = renamed(sample[i % sample.length]!, `doc${String(i).padStart(4, '0')}`, i)
    await big.saveAnalysis(analysis)
    await reconcileAfterSave(big, analysis)
  }
  const [story] = await big.db.query<{ id: string; documents: number }>(
    'SELECT id, documents FROM stories ORDER BY documents DESC LIMIT 1',
  )
  const loads: number[] = []
  const builds: number[] = []
  const ends: number[] = []
  // CPU time of the process (PGlite runs in this thread): less sensitive to a busy machine than
  // wall time, though garbage collection on helper threads counts too.
  const loadCpu: number[] = []
  const buildCpu: number[] = []
  const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000
  for (let run = 0; run < 5; run++) {
    // The two halves of storyBrief, timed apart: load (ids, then loadAnalyses) and buildBrief.
    started = performance.now()
    const cpuStart = process.cpuUsage()
    const ids = await storyDocuments(big, story!.id)
    const analyses = await big.loadAnalyses(ids)
    const loaded = performance.now()
    loadCpu.push(cpuMs(process.cpuUsage(cpuStart)))
    const cpuLoaded = process.cpuUsage()
    const brief = buildBrief(analyses, { storyId: story!.id })
    buildCpu.push(cpuMs(process.cpuUsage(cpuLoaded)))
    builds.push(performance.now() - loaded)
    loads.push(loaded - started)
    if (brief.stories[0]?.documents.length !== story!.documents) {
      throw new Error(`expected one story of ${story!.documents} documents`)
    }
    // And storyBrief itself, end to end.
    started = performance.now()
    await storyBrief(big, story!.id)
    ends.push(performance.now() - started)
  }
  await big.close()

  const ms = (x: number) => x.toFixed(1)
  console.log(`PGlite in memory, one process. Seeding ${SEEDED} documents took ${ms(seeded)} ms.\n`)
  console.log('| measure | median ms | p95 ms | target |\n| --- | ---: | ---: | ---: |')
  console.log(
    `| reconcileAfterSave, one new document into ${n - newDocuments + 1}+ stored (${newDocuments} runs) | ${ms(median(times))} | ${ms(p95(times))} | ≤ 50 |`,
  )
  const totals = loads.map((l, i) => l + builds[i]!)
  const cpuTotals = loadCpu.map((l, i) => l + buildCpu[i]!)
  const label = `brief of a ${story!.documents}-document story`
  console.log(
    `| ${label}: load analyses (storyDocuments + loadAnalyses) | ${ms(median(loads))} | ${ms(p95(loads))} | |`,
  )
  console.log(`| … build brief (buildBrief) | ${ms(median(builds))} | ${ms(p95(builds))} | |`)
  console.log(
    `| … load + build (5 runs) | ${ms(median(totals))} | ${ms(Math.max(...totals))} | ≤ 500 |`,
  )
  console.log(
    `| … storyBrief end to end (5 runs) | ${ms(median(ends))} | ${ms(Math.max(...ends))} | ≤ 500 |`,
  )
  console.log(
    `| … CPU time: load / build / both (median of 5) | ${ms(median(loadCpu))} / ${ms(median(buildCpu))} / ${ms(median(cpuTotals))} | | |`,
  )
}

await main()
