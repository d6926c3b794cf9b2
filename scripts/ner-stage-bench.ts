/**
 * Stage timing for `analyze` on PolNeAR article texts (a real news corpus): CPU time per stage,
 * best of N rounds, and words per CPU second for the whole pipeline and for each stage.
 *
 * Usage: tsx scripts/ner-stage-bench.ts [--limit 300] [--rounds 3]
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { STAGES } from '../src/analyze/index.js'
import type { LayerName, Layers } from '../src/analyze/stage.js'
import { countWords } from '../src/ingest/ingest.js'
import { loadDocuments } from '../src/load/index.js'
import type { NormalizedDocument } from '../src/model/document.js'

const args = process.argv.slice(2)
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const limit = option('--limit', 300)
const rounds = option('--rounds', 3)

const dir = new URL('../../shared/data/polnear/train/text/', import.meta.url).pathname
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .slice(0, limit)
  .map((name) => join(dir, name))
const docs: NormalizedDocument[] = []
for await (const outcome of loadDocuments(files, {})) if (outcome.ok) docs.push(outcome.doc)
const words = docs.reduce((sum, doc) => sum + countWords(doc.text), 0)

function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

function round(): Map<string, number> {
  const times = new Map<string, number>()
  for (const doc of docs) {
    const layers: Partial<Record<LayerName, Layers[LayerName]>> = {}
    for (const stage of STAGES) {
      const t = cpuMs()
      layers[stage.provides] = stage.run(doc, layers as Partial<Layers>)
      times.set(stage.name, (times.get(stage.name) ?? 0) + cpuMs() - t)
    }
  }
  return times
}

round() // warm-up: JIT, model and lexicon loading
const best = new Map<string, number>()
for (let r = 0; r < rounds; r++) {
  const times = round()
  let total = 0
  for (const ms of times.values()) total += ms
  times.set('TOTAL', total)
  for (const [name, ms] of times) best.set(name, Math.min(best.get(name) ?? Infinity, ms))
}
const total = best.get('TOTAL') ?? 1
console.log(`${docs.length} documents, ${words} words, best of ${rounds} (CPU time)`)
console.log('| stage | ms | share | words/s |')
console.log('|---|---:|---:|---:|')
for (const [name, ms] of best) {
  const share = name === 'TOTAL' ? 100 : (100 * ms) / total
  console.log(
    `| ${name} | ${ms.toFixed(0)} | ${share.toFixed(1)} % | ${Math.round(words / (ms / 1000)).toLocaleString('en')} |`,
  )
}
