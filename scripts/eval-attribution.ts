/**
 * `npm run eval:attribution`: precision, recall and F1 of the claims stage for source, cue and
 * content on PolNeAR (default: test), exact span match (as the CofeNet paper reports) and token
 * overlap, beside the published figures; then how much time the claims stage adds to `analyze`.
 *
 * Each PolNeAR text runs through the real `analyze()` as a NormalizedDocument with one body
 * section (source = file name, kind 'article', language 'en'), so the figures are what users get.
 *
 * Options: --split dev|test (default test; tune on dev, run test only to report), --limit N,
 * --show N (print N disagreements; dev only).
 */
import type { Analysis, Claim } from '../src/model/analysis.js'
import type { NormalizedDocument, Span } from '../src/model/document.js'
import {
  contentFragments,
  readPolnear,
  ROLES,
  trimSpan as trim,
  type PolnearArticle,
  type Role,
} from '../src/analyze/claims/polnear.js'
import { textDocument } from '../src/analyze/text-document.js'
import { stageLines, stageRounds, type TimedStage } from './stage-times.js'

const args = process.argv.slice(2)
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? args[at + 1] : undefined
}
const split = (option('split') ?? 'test') as 'dev' | 'test'
const limit = Number(option('limit') ?? Infinity)
const show = Number(option('show') ?? 0)
if (split !== 'dev' && split !== 'test') throw new TypeError('--split must be dev or test')
if (show > 0 && split === 'test')
  throw new TypeError('--show is for dev only: never look at test documents')

const root = new URL('../../shared/data/polnear/', import.meta.url).pathname
const articles = readPolnear(root, split).slice(0, limit)
const log = (line: string): void => void process.stderr.write(`${line}\n`)

// The real pipeline; while other stages are still being written (their modules missing), a
// pipeline of the stages that load, which the output says.
let pipelineNote = 'analyze() from src/analyze/index.ts'
let stages: readonly TimedStage[]
let analyze: (doc: NormalizedDocument) => Pick<Analysis, 'claims'>
try {
  const m = await import('../src/analyze/index.js')
  const p = await import('../src/analyze/pipeline.js')
  analyze = m.analyze
  stages = p.pipeline.stages as unknown as TimedStage[]
} catch (error) {
  const loaded: TimedStage[] = []
  const tryStage = async (path: string, name: string): Promise<void> => {
    try {
      const m = (await import(path)) as Record<string, TimedStage>
      const stage = m[name]
      if (stage) loaded.push(stage)
    } catch {
      // not there yet
    }
  }
  await tryStage('../src/analyze/sentences/index.js', 'sentencesStage')
  await tryStage('../src/analyze/tokens/index.js', 'tokensStage')
  await tryStage('../src/analyze/entities/index.js', 'mentionsStage')
  await tryStage('../src/analyze/entities/index.js', 'entitiesStage')
  await tryStage('../src/analyze/claims/index.js', 'claimsStage')
  stages = loaded
  pipelineNote = `stages ${loaded.map((s) => s.name).join(' → ')} (analyze() did not load: ${String(error).split('\n')[0]})`
  analyze = (doc) => {
    // Layers of stages that did not load are empty.
    const layers: Record<string, unknown> = {
      mentions: [],
      entities: [],
      quantities: [],
      dates: [],
    }
    for (const stage of loaded) layers[stage.provides] = stage.run(doc, layers)
    return { claims: (layers['claims'] ?? []) as Claim[] }
  }
}

function documentOf(article: PolnearArticle): NormalizedDocument {
  return textDocument(article.text, { source: article.name, kind: 'article', language: 'en' })
}

// ---------------------------------------------------------------------------------------------
// Spans of a claim, in PolNeAR's terms.

function predicted(text: string, claims: readonly Claim[]): Record<Role, Span[]> {
  const out: Record<Role, Span[]> = { source: [], cue: [], content: [] }
  const seen = new Set<string>()
  // PolNeAR is univocal: a span plays one role once. A speaker shared by two claims of one
  // sentence ("X accused Y … and said …") is counted once.
  const add = (role: Role, s: Span): void => {
    const key = `${role}:${s.start}:${s.end}`
    if (seen.has(key)) return
    seen.add(key)
    out[role].push(s)
  }
  for (const c of claims) {
    const source = c.speaker && trim(text, c.speaker)
    const cue = c.cue && trim(text, c.cue)
    if (source) add('source', source)
    if (cue) add('cue', cue)
    for (const f of contentFragments(text, c)) add('content', f)
  }
  return out
}

function gold(article: PolnearArticle): Record<Role, Span[]> {
  const out: Record<Role, Span[]> = { source: [], cue: [], content: [] }
  for (const a of article.attributions) {
    for (const role of ROLES) {
      for (const f of a[role]) {
        const t = trim(article.text, f)
        if (t) out[role].push(t)
      }
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Scoring

interface Counts {
  tp: number
  pred: number
  gold: number
}
const zero = (): Record<Role, Counts> => ({
  source: { tp: 0, pred: 0, gold: 0 },
  cue: { tp: 0, pred: 0, gold: 0 },
  content: { tp: 0, pred: 0, gold: 0 },
})
const exact = zero()
const overlap = zero()
const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu

function scoreExact(p: readonly Span[], g: readonly Span[], counts: Counts): void {
  const golden = new Map<string, number>()
  for (const s of g) golden.set(`${s.start}:${s.end}`, (golden.get(`${s.start}:${s.end}`) ?? 0) + 1)
  counts.pred += p.length
  counts.gold += g.length
  for (const s of p) {
    const key = `${s.start}:${s.end}`
    const left = golden.get(key) ?? 0
    if (left > 0) {
      counts.tp++
      golden.set(key, left - 1)
    }
  }
}

function scoreTokens(text: string, p: Record<Role, Span[]>, g: Record<Role, Span[]>): void {
  const starts: number[] = []
  for (const m of text.matchAll(TOKEN)) starts.push(m.index)
  const label = (spans: Record<Role, Span[]>): Int8Array => {
    const labels = new Int8Array(starts.length).fill(-1)
    ROLES.forEach((role, r) => {
      for (const s of spans[role]) {
        for (let i = 0; i < starts.length; i++) {
          const at = starts[i] ?? 0
          if (at >= s.start && at < s.end) labels[i] = r
        }
      }
    })
    return labels
  }
  const pl = label(p)
  const gl = label(g)
  ROLES.forEach((role, r) => {
    const c = overlap[role]
    for (let i = 0; i < starts.length; i++) {
      if (pl[i] === r) c.pred++
      if (gl[i] === r) c.gold++
      if (pl[i] === r && gl[i] === r) c.tp++
    }
  })
}

const prf = (c: Counts): [number, number, number] => {
  const p = c.pred === 0 ? 0 : c.tp / c.pred
  const r = c.gold === 0 ? 0 : c.tp / c.gold
  return [p * 100, r * 100, p + r === 0 ? 0 : (200 * p * r) / (p + r)]
}

let shown = 0
for (const article of articles) {
  const analysis = analyze(documentOf(article))
  const p = predicted(article.text, analysis.claims)
  const g = gold(article)
  for (const role of ROLES) scoreExact(p[role], g[role], exact[role])
  scoreTokens(article.text, p, g)
  if (shown < show) {
    for (const role of ROLES) {
      const gs = new Set(g[role].map((s) => `${s.start}:${s.end}`))
      const ps = new Set(p[role].map((s) => `${s.start}:${s.end}`))
      for (const s of p[role]) {
        if (gs.has(`${s.start}:${s.end}`) || shown >= show) continue
        const near = g[role].find((x) => x.start < s.end && s.start < x.end)
        log(
          `FP ${role}: ${JSON.stringify(article.text.slice(s.start, s.end))}${near ? `  gold: ${JSON.stringify(article.text.slice(near.start, near.end))}` : ''}`,
        )
        shown++
      }
      for (const s of g[role]) {
        if (ps.has(`${s.start}:${s.end}`) || shown >= show) continue
        if (p[role].some((x) => x.start < s.end && s.start < x.end)) continue
        log(`FN ${role}: ${JSON.stringify(article.text.slice(s.start, s.end))}`)
        shown++
      }
    }
  }
}

const f1 = (n: number): string => n.toFixed(1)
const lines: string[] = []
lines.push(`pipeline: ${pipelineNote}`)
lines.push(
  `PolNeAR ${split}: ${articles.length} articles, ${ROLES.map((r) => `${exact[r].gold} ${r}`).join(', ')} spans (gold)`,
)
lines.push('')
lines.push('| system | match | source P / R / F1 | cue P / R / F1 | content P / R / F1 |')
lines.push('|---|---|---|---|---|')
for (const [name, counts] of [
  ['claimgraph (this run)', exact],
  ['claimgraph (this run)', overlap],
] as const) {
  const match = counts === exact ? 'exact' : 'token overlap'
  lines.push(
    `| ${name} | ${match} | ${ROLES.map((r) => prf(counts[r]).map(f1).join(' / ')).join(' | ')} |`,
  )
}
for (const [name, s, c, t] of [
  ['rule-based (CofeNet paper)', 10.7, 22.8, 5.6],
  ['CRF (CofeNet paper)', 50.6, 53.4, 28.6],
  ['BERT-CofeNet (COLING 2022)', 83.2, 75.3, 72.9],
] as const) {
  lines.push(`| ${name} | exact | – / – / ${s} | – / – / ${c} | – / – / ${t} |`)
}

// ---------------------------------------------------------------------------------------------
// The sample corpus (fictional, written for claimgraph): does each relation of its answer key come
// out of analyze with the right speaker entity? Claimed by, accused by, denied by, witnesses,
// comment-only speakers, unattributed allegations.

interface SampleKey {
  readonly claimedBy: readonly string[]
  readonly accused: Readonly<Record<string, readonly string[]>>
  readonly denied: Readonly<Record<string, readonly string[]>>
  readonly commentOnlySpeakers: readonly string[]
  readonly witnesses: readonly string[]
  readonly unattributed: readonly string[]
}

async function sampleCheck(): Promise<string[]> {
  const { readFileSync } = await import('node:fs')
  const repo = new URL('../', import.meta.url).pathname
  const guide = readFileSync(`${repo}docs/sample-corpus.md`, 'utf8')
  const block = /### Machine-readable key[\s\S]*?```json\n([\s\S]*?)\n```/.exec(guide)?.[1]
  if (block === undefined) return ['sample corpus: no machine-readable key found']
  const key = JSON.parse(block) as SampleKey
  const { loadDocuments } = await import('../src/load/index.js')
  const { analyze: realAnalyze } = await import('../src/analyze/index.js')
  interface Seen {
    speaker: string | null
    stance: string
    targets: string[]
    section: string
    author: string | null
    text: string
  }
  const seen: Seen[] = []
  for await (const outcome of loadDocuments([`${repo}sample`], {})) {
    if (!outcome.ok) continue
    const a = realAnalyze(outcome.doc)
    const name = (id: string | null): string | null =>
      a.entities.find((e) => e.id === id)?.name ?? null
    for (const c of a.claims) {
      seen.push({
        speaker: name(c.speaker?.entity ?? null) ?? c.speaker?.text ?? null,
        stance: c.stance,
        targets: c.targets.map((t) => name(t) ?? ''),
        section: c.section,
        author:
          a.sections.find((x) => x.start <= c.content.start && c.content.start < x.end)?.author ??
          null,
        text: `${c.cue?.text ?? ''} ${c.content.text}`,
      })
    }
  }
  const has = (text: string | null, wanted: string): boolean =>
    text !== null && text.includes(wanted)
  const checks: [string, boolean][] = []
  for (const group of key.claimedBy) {
    checks.push([
      `claimed by ${group}`,
      seen.some((c) => c.stance === 'claim_responsibility' && has(c.speaker, group)),
    ])
  }
  for (const [target, accusers] of Object.entries(key.accused)) {
    for (const accuser of accusers) {
      checks.push([
        `${target} accused by ${accuser}`,
        seen.some(
          (c) =>
            c.stance === 'accuse' &&
            has(c.speaker, accuser) &&
            c.targets.some((t) => has(t, target)),
        ),
      ])
    }
  }
  for (const [party, deniers] of Object.entries(key.denied)) {
    for (const denier of deniers) {
      checks.push([
        `${party} denial by ${denier}`,
        seen.some((c) => c.stance === 'deny' && has(c.speaker, denier)),
      ])
    }
  }
  for (const witness of key.witnesses)
    checks.push([`witness ${witness}`, seen.some((c) => has(c.speaker, witness))])
  for (const text of key.unattributed) {
    // The key quotes the opening of the sentence; the cue is its first three words.
    const opening = text.split(' ').slice(0, 3).join(' ')
    checks.push([
      `unattributed "${text}"`,
      seen.some((c) => c.speaker === null && c.section !== 'comment' && c.text.startsWith(opening)),
    ])
  }
  for (const author of key.commentOnlySpeakers) {
    checks.push([
      `comment by ${author}`,
      seen.some((c) => c.section === 'comment' && c.author === author),
    ])
  }
  const found = checks.filter(([, ok]) => ok).length
  const lines = [
    `sample corpus answer key: ${found} of ${checks.length} relations found with the right speaker entity, stance and targets`,
  ]
  const missed = checks.filter(([, ok]) => !ok).map(([what]) => what)
  if (missed.length > 0) lines.push(`  missed: ${missed.join('; ')}`)
  return lines
}

if (pipelineNote.startsWith('analyze()')) {
  lines.push('')
  lines.push(...(await sampleCheck()))
}

// ---------------------------------------------------------------------------------------------
// Speed: the whole of analyze, and the claims stage's share, stage by stage as analyze runs them.
// Five rounds over the texts; the figures are the median round's (by the claims stage's share),
// so that a round slowed by other work on the machine does not decide them.

const docs = articles.map(documentOf)
const words = docs.reduce((sum, d) => sum + (d.text.match(/\S+/g)?.length ?? 0), 0)
for (const d of docs.slice(0, 20)) analyze(d)
lines.push('')
lines.push(...stageLines(stageRounds(stages, docs, 5), docs.length, words))
process.stdout.write(`${lines.join('\n')}\n`)
