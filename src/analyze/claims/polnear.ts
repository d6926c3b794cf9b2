/**
 * @module
 * Reader for the PolNeAR attribution corpus (brat standoff), used by `scripts/train-attribution.ts`
 * and `scripts/eval-attribution.ts` only; the claims stage never reads it. Offsets in the .ann
 * files count code points; they are converted to UTF-16 code units here.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Claim } from '../../model/analysis.js'
import type { Span } from '../../model/document.js'

export type Role = 'source' | 'cue' | 'content'
export const ROLES: readonly Role[] = ['source', 'cue', 'content']

/** One gold attribution: each role may be several fragments (discontinuous spans). */
export interface GoldAttribution {
  readonly source: readonly Span[]
  readonly cue: readonly Span[]
  readonly content: readonly Span[]
}

export interface PolnearArticle {
  readonly name: string
  readonly text: string
  readonly attributions: readonly GoldAttribution[]
}

/** Map code-point offsets to UTF-16 offsets (identity when the text has no astral characters). */
function codePointMapper(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset
  const map: number[] = []
  let unit = 0
  for (const ch of text) {
    map.push(unit)
    unit += ch.length
  }
  map.push(unit)
  return (offset) => map[offset] ?? unit
}

/** Parse one .ann file against its text. */
export function parseAnn(ann: string, text: string): GoldAttribution[] {
  const toUnit = codePointMapper(text)
  const spans = new Map<string, { type: string; frags: Span[] }>()
  const relations: string[][] = []
  for (const line of ann.split('\n')) {
    const [id, body] = line.split('\t')
    if (id === undefined || body === undefined) continue
    if (id.startsWith('T')) {
      const space = body.indexOf(' ')
      const type = body.slice(0, space)
      const frags = body
        .slice(space + 1)
        .split(';')
        .map((pair) => pair.split(' ').map(Number))
        .map(([s, e]) => ({ start: toUnit(s ?? 0), end: toUnit(e ?? 0) }))
      spans.set(id, { type, frags })
    } else if (id.startsWith('E')) {
      relations.push(body.split(' '))
    }
  }
  const out: GoldAttribution[] = []
  for (const args of relations) {
    const head = args[0] ?? ''
    if (!head.startsWith('Attribution')) continue
    const roles: Record<Role, Span[]> = { source: [], cue: [], content: [] }
    for (const arg of args.slice(1)) {
      const [role, ref] = arg.split(':')
      const span = spans.get(ref ?? '')
      if (span === undefined) continue
      if (role === 'Source' && span.type === 'Source') roles.source.push(...span.frags)
      if (role === 'Cue' && span.type === 'Cue') roles.cue.push(...span.frags)
      if (role === 'Content' && span.type === 'Content') roles.content.push(...span.frags)
    }
    if (roles.cue.length > 0 || roles.content.length > 0) out.push(roles)
  }
  return out
}

/**
 * Articles of one split (`train`, `dev`, `test`). Where an article has several annotators' files,
 * the first in name order is used, consistently.
 */
export function readPolnear(root: string, split: 'train' | 'dev' | 'test'): PolnearArticle[] {
  const annDir = join(root, split, 'attributions')
  const textDir = join(root, split, 'text')
  const chosen = new Map<string, string>()
  for (const file of readdirSync(annDir)
    .filter((f) => f.endsWith('.ann'))
    .sort()) {
    const base = file.replace(/_[0-9a-f]+\.ann$/, '')
    if (!chosen.has(base)) chosen.set(base, file)
  }
  const articles: PolnearArticle[] = []
  for (const [base, file] of chosen) {
    const text = readFileSync(join(textDir, `${base}.txt`), 'utf8')
    const ann = readFileSync(join(annDir, file), 'utf8')
    articles.push({ name: base, text, attributions: parseAnn(ann, text) })
  }
  return articles
}

// ---------------------------------------------------------------------------------------------
// How a claim is scored against PolNeAR (scripts/eval-attribution.ts, attribution-errors.ts).

/** A span without surrounding white space (and, with `punct`, punctuation), or null if empty. */
export function trimSpan(text: string, s: Span, punct = false): Span | null {
  let { start, end } = s
  const strip = punct ? /[\s,;:.—–-]/ : /\s/
  while (start < end && strip.test(text[start] ?? '')) start++
  while (end > start && strip.test(text[end - 1] ?? '')) end--
  return end > start ? { start, end } : null
}

/** Content fragments: the content span minus the claim's own speaker and cue (interrupted quotes). */
export function contentFragments(text: string, claim: Claim): Span[] {
  const holes = [claim.speaker, claim.cue]
    .filter((s): s is NonNullable<typeof s> => s !== null)
    .filter((s) => s.start >= claim.content.start && s.end <= claim.content.end)
    .sort((a, b) => a.start - b.start)
  const frags: Span[] = []
  let from = claim.content.start
  for (const hole of holes) {
    frags.push({ start: from, end: hole.start })
    from = Math.max(from, hole.end)
  }
  frags.push({ start: from, end: claim.content.end })
  return frags
    .map((f, i) => trimSpan(text, f, holes.length > 0 && (i > 0 || f.end !== claim.content.end)))
    .filter((f): f is Span => f !== null)
}
