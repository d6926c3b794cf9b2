/**
 * `npm run train:attribution`: learn from PolNeAR train what the hand-written rules cannot know.
 *
 * 1. The cue lexicon: every cue form annotated in train, with how often it is a cue and how often
 *    the same word occurs at all (precision = cue / occurrences). Single-word cues seen at least
 *    `--min-count` times with precision at least `--min-precision` go to the stage.
 * 2. Span-boundary conventions: how PolNeAR cuts source, cue and content (quote marks, "that",
 *    final full stops, colons, determiners), printed and written to the sidecar so that the rules
 *    can follow them.
 *
 * Writes models/attribution/cues.json (word lists and counts only; no sentences) and
 * models/attribution/conventions.json. Options: --min-count N (default 3),
 * --min-precision P (default 0.15, the best of 0.1–0.5 on dev with
 * `npm run eval:attribution -- --split dev`).
 */
import { writeFileSync } from 'node:fs'
import { readPolnear, type PolnearArticle } from '../src/analyze/claims/polnear.js'
import type { LearnedCues } from '../src/analyze/claims/lexicon.js'
import { modelPath } from '../src/data-path.js'

const args = process.argv.slice(2)
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? Number(args[at + 1]) : fallback
}
const minCount = option('min-count', 3)
const minPrecision = option('min-precision', 0.15)

const root = new URL('../../shared/data/polnear/', import.meta.url).pathname
const articles: PolnearArticle[] = readPolnear(root, 'train')
const norm = (s: string): string => s.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim()

// 1. Cue forms.
const asCue = new Map<string, number>()
for (const a of articles) {
  for (const attribution of a.attributions) {
    for (const f of attribution.cue) {
      const form = norm(a.text.slice(f.start, f.end))
      if (form !== '') asCue.set(form, (asCue.get(form) ?? 0) + 1)
    }
  }
}
const occurrences = new Map<string, number>()
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu
for (const a of articles) {
  for (const m of a.text.matchAll(WORD)) {
    const form = norm(m[0])
    if (asCue.has(form)) occurrences.set(form, (occurrences.get(form) ?? 0) + 1)
  }
}
const cues: Record<string, { count: number; precision: number }> = {}
const table: [string, number, number][] = []
for (const [form, count] of asCue) {
  if (form.includes(' ') || !/^[\p{L}']+$/u.test(form)) continue
  const total = Math.max(count, occurrences.get(form) ?? count)
  const precision = count / total
  table.push([form, count, precision])
  if (count >= minCount && precision >= minPrecision) cues[form] = { count, precision: Number(precision.toFixed(3)) }
}
table.sort((a, b) => b[1] - a[1])
const model: LearnedCues & { readonly trainedOn: string; readonly minCount: number; readonly minPrecision: number } = {
  format: 'claimgraph/attribution-cues@1',
  trainedOn: `PolNeAR train, ${articles.length} articles (first annotator file per article)`,
  minCount,
  minPrecision,
  cues,
}
writeFileSync(modelPath('attribution/cues.json'), `${JSON.stringify(model, null, 1)}\n`)

// 2. Conventions.
const share = (n: number, d: number): number => Number((d === 0 ? 0 : n / d).toFixed(3))
const QUOTE_OPEN = /^[“"‘«]/
let contents = 0
let quoted = 0
let quotedEndsWithStopInside = 0
let indirect = 0
let indirectThat = 0
let indirectEndsStop = 0
let cuesN = 0
let cueColon = 0
let cueMulti = 0
let sources = 0
let sourceDet = 0
let sourceComma = 0
let noSource = 0
let discontinuous = 0
let attributions = 0
for (const a of articles) {
  for (const at of a.attributions) {
    attributions++
    if (at.source.length === 0) noSource++
    if (at.content.length > 1) discontinuous++
    for (const f of at.content) {
      const t = a.text.slice(f.start, f.end)
      contents++
      if (QUOTE_OPEN.test(t)) {
        quoted++
        if (/[.,!?]["”’»]$/.test(t)) quotedEndsWithStopInside++
      } else {
        indirect++
        if (/^that\b/i.test(t)) indirectThat++
        if (/[.!?]$/.test(t)) indirectEndsStop++
      }
    }
    for (const f of at.cue) {
      const t = a.text.slice(f.start, f.end)
      cuesN++
      if (t.trim().endsWith(':')) cueColon++
      if (/\s/.test(t.trim())) cueMulti++
    }
    for (const f of at.source) {
      const t = a.text.slice(f.start, f.end)
      sources++
      if (/^(the|a|an)\b/i.test(t)) sourceDet++
      if (t.includes(',')) sourceComma++
    }
  }
}
const conventions = {
  format: 'claimgraph/attribution-conventions@1',
  trainedOn: model.trainedOn,
  attributions,
  withoutSource: share(noSource, attributions),
  discontinuousContent: share(discontinuous, attributions),
  content: {
    fragments: contents,
    quoted: share(quoted, contents),
    quotedEndsWithPunctuationInside: share(quotedEndsWithStopInside, quoted),
    unquotedStartsWithThat: share(indirectThat, indirect),
    unquotedEndsWithFullStop: share(indirectEndsStop, indirect),
  },
  cue: { fragments: cuesN, endsWithColon: share(cueColon, cuesN), multiWord: share(cueMulti, cuesN) },
  source: { fragments: sources, startsWithDeterminer: share(sourceDet, sources), containsComma: share(sourceComma, sources) },
}
writeFileSync(modelPath('attribution/conventions.json'), `${JSON.stringify(conventions, null, 1)}\n`)

const log = (line: string): void => void process.stdout.write(`${line}\n`)
log(`PolNeAR train: ${articles.length} articles, ${attributions} attributions`)
log(`cue lexicon: ${Object.keys(cues).length} single-word cues kept (count ≥ ${minCount}, precision ≥ ${minPrecision}) of ${table.length}`)
log('top cue forms (count, precision):')
log(table.slice(0, 40).map(([f, c, p]) => `  ${f} ${c} ${p.toFixed(2)}`).join('\n'))
log(`conventions: ${JSON.stringify(conventions, null, 1)}`)
