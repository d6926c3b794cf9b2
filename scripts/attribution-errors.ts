/**
 * Error analysis of the claims stage on PolNeAR **dev** (never test): which gold cues are missed,
 * grouped by form, by length and by whether the cue's head is in the lexicon; and for relations
 * whose cue is found, how often source and content are right. A content is right when the
 * fragments of the claims with that cue (each content minus its own speaker and cue, as
 * eval-attribution scores them) are the gold fragments. Prints to the terminal only; nothing of
 * the data is written to the repository.
 *
 *   npx tsx scripts/attribution-errors.ts [--limit N] [--top N] [--content N]
 *
 * --content N prints N content errors (gold and predicted fragments, the rule) to read.
 */
import type { Claim } from '../src/model/analysis.js'
import type { Span } from '../src/model/document.js'
import { contentFragments, readPolnear, trimSpan } from '../src/analyze/claims/polnear.js'
import { analyze, textDocument } from '../src/analyze/index.js'
import { claimsLexicon } from '../src/analyze/claims/lexicon.js'

const args = process.argv.slice(2)
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? args[at + 1] : undefined
}
const limit = Number(option('limit') ?? Infinity)
const top = Number(option('top') ?? 40)
const showContent = Number(option('content') ?? 0)
let shownContent = 0
const root = new URL('../../shared/data/polnear/', import.meta.url).pathname
const articles = readPolnear(root, 'dev').slice(0, limit)
const lexicon = claimsLexicon()

function trim(text: string, s: Span): Span {
  let { start, end } = s
  while (start < end && /\s/.test(text[start] ?? '')) start++
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--
  return { start, end }
}
const key = (s: Span): string => `${s.start}:${s.end}`
const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1)

const missedForms = new Map<string, number>()
const fpForms = new Map<string, number>()
const category = new Map<string, number>()
let goldCues = 0
let foundCues = 0
let srcOk = 0
let srcGold = 0
let contOk = 0
const srcErr = new Map<string, number>()
const contErr = new Map<string, number>()

for (const article of articles) {
  const doc = textDocument(article.text, { source: article.name, kind: 'article', language: 'en' })

  const claims: readonly Claim[] = analyze(doc).claims
  const byCue = new Map<string, Claim>()
  for (const c of claims) if (c.cue) byCue.set(key(trim(article.text, c.cue)), c)
  const goldCueKeys = new Set<string>()
  for (const a of article.attributions) {
    for (const f of a.cue) goldCueKeys.add(key(trim(article.text, f)))
  }
  for (const c of claims) {
    if (c.cue && !goldCueKeys.has(key(trim(article.text, c.cue)))) {
      const overl = [...goldCueKeys].some((k) => {
        const [s, e] = k.split(':').map(Number)
        return (s ?? 0) < (c.cue?.end ?? 0) && (c.cue?.start ?? 0) < (e ?? 0)
      })
      bump(fpForms, `${overl ? 'boundary ' : ''}${c.cue.text.toLowerCase()}`)
    }
  }
  for (const a of article.attributions) {
    if (a.cue.length === 0) continue
    goldCues++
    const cue = trim(article.text, a.cue[0] as Span)
    const text = a.cue.map((f) => article.text.slice(f.start, f.end).trim()).join(' … ')
    const lower = text.toLowerCase().replace(/\s+/g, ' ')
    const claim = byCue.get(key(cue))
    if (claim === undefined) {
      bump(missedForms, lower)
      const words = lower.split(/[\s…]+/).filter((w) => w !== '')
      const inLex = words.some((w) => lexicon.cues.has(w))
      const overlapping = claims.some(
        (c) => c.cue !== null && c.cue.start < cue.end && cue.start < c.cue.end,
      )
      const cat = overlapping
        ? 'boundary (cue overlaps a predicted cue)'
        : a.cue.length > 1
          ? 'discontinuous'
          : words.length > 1
            ? inLex
              ? 'multi-word, head in lexicon'
              : 'multi-word, not in lexicon'
            : inLex
              ? 'one word in lexicon'
              : 'one word, not in lexicon'
      bump(category, cat)
      continue
    }
    foundCues++
    const gs = a.source.map((s) => key(trim(article.text, s)))
    if (gs.length > 0) {
      srcGold++
      const ps = claim.speaker ? key(trim(article.text, claim.speaker)) : 'none'
      if (gs.includes(ps)) srcOk++
      else bump(srcErr, claim.speaker === null ? 'no speaker' : 'wrong span')
    }
    // Every claim of this cue: a quotation continued after words of its own is a claim of its own.
    const sameCue = claims.filter(
      (c) => c.cue !== null && key(trim(article.text, c.cue)) === key(cue),
    )
    const gc = a.content
      .map((s) => trimSpan(article.text, s))
      .filter((s): s is Span => s !== null)
      .map(key)
      .sort()
    const pf = sameCue.flatMap((c) => contentFragments(article.text, c))
    const pc = pf.map(key).sort()
    if (gc.length === pc.length && gc.every((k, i) => k === pc[i])) contOk++
    else {
      const g = a.content[0] ? trim(article.text, a.content[0]) : null
      const p = trim(article.text, claim.content)
      const kind =
        g === null
          ? 'no gold content'
          : a.content.length > 1
            ? pf.length > 1
              ? 'gold discontinuous, other fragments'
              : 'gold discontinuous, one predicted'
            : pf.length > 1
              ? 'gold one fragment, several predicted'
              : g.start === p.start
                ? p.end < g.end
                  ? 'same start, pred shorter'
                  : 'same start, pred longer'
                : g.end === p.end
                  ? 'same end, start differs'
                  : 'both ends differ'
      bump(contErr, kind)
      if (shownContent < showContent) {
        shownContent++
        const quote = (s: Span): string => JSON.stringify(article.text.slice(s.start, s.end))
        console.log(`content (${kind}; ${claim.provenance.rule}), cue ${quote(cue)}`)
        for (const f of a.content) console.log(`  gold: ${quote(f)}`)
        for (const f of pf) console.log(`  pred: ${quote(f)}`)
      }
    }
  }
}

const table = (title: string, m: Map<string, number>, n = top): void => {
  console.log(`\n${title}`)
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${v}\t${k}`)
}
console.log(`gold relations with a cue: ${goldCues}; cue found exactly: ${foundCues}`)
console.log(
  `with cue found: source right ${srcOk}/${srcGold}, content right ${contOk}/${foundCues}`,
)
table('missed cues by category', category)
table('source errors (cue found)', srcErr)
table('content errors (cue found)', contErr)
table('missed cue forms', missedForms)
table('false-positive cue forms', fpForms)
