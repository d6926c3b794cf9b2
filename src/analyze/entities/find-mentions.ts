/**
 * @module
 * Typed mentions for a document: per sentence, name spans from the tagger (or the rule finder when
 * no model is given), typed with the gazetteers, with metonyms marked in provenance.
 */
import type { Provenance } from '../../model/analysis.js'
import type { Section } from '../../model/document.js'
import { GAZ, type GazEntry, type Gazetteer } from '../../ner/gazetteer.js'
import { nameKey, slug } from '../../ner/normalize.js'
import { DocContext, lineCase } from '../../ner/features.js'
import type { Tagger } from '../../ner/tagger.js'
import { TYPES } from '../../ner/tags.js'
import type { Tokens, TypedMention } from '../stage.js'
import { isJunkSpan, reviseTypes, type SpanInContext } from './context-types.js'
import { findNamesByRule } from './find-names-by-rule.js'
import { titleLength, type EntityLexicon } from './lexicon.js'
import { typeMention, type CoarseLabel } from './type-mention.js'

/** A name span over one sentence's words, as a finder reports it. */
export interface LabelledSpan {
  readonly start: number
  readonly end: number
  readonly label: CoarseLabel | null
  readonly hasTitle: boolean
}

/** Something that finds name spans in a sentence's words (the tagger, or the rules). */
export type SpanFinder = (words: readonly string[], doc: DocContext | undefined) => LabelledSpan[]

/** Name particles that join two name parts ("Mohammed bin Salman", "Ursula von der Leyen"). */
const PARTICLES = new Set([
  'bin',
  'ibn',
  'bint',
  'ben',
  'abu',
  'al',
  'el',
  'de',
  'da',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
])
/** Particles that make the joined name a person's whatever the parts were tagged. */
const PATRONYMIC = new Set(['bin', 'ibn', 'bint', 'ben'])
/** Curated gazetteer kinds trusted to add a name the tagger missed ("IS" at a sentence start). */
const BACKSTOP_KINDS = new Set(['armed_group', 'agency', 'media', 'intergovernmental', 'country'])
const LABEL_OF: Readonly<Record<string, CoarseLabel>> = {
  ORG: 'ORG',
  GPE: 'LOC',
  LOC: 'LOC',
  NORP: 'MISC',
  PERSON: 'PER',
}

/**
 * The statistical tagger as a `SpanFinder`: CoNLL labels, leading titles moved out of PER spans,
 * name parts joined across particles, and curated names the tagger missed added back.
 */
export function taggerFinder(tagger: Tagger, gaz: Gazetteer, lex: EntityLexicon): SpanFinder {
  return (words, doc) => {
    const raw = tagger.spans(words, doc)
    const spans: LabelledSpan[] = []
    for (const span of raw) {
      let label: CoarseLabel = TYPES[span.type] ?? 'MISC'
      let start = span.start
      const inner = label === 'PER' ? titleLength(words, start, span.end, lex) : 0
      if (inner > 0 && start + inner < span.end) start += inner
      let hasTitle = inner > 0
      for (let k = 1; k <= lex.titleMaxWords && !hasTitle && start - k >= 0; k++) {
        if (titleLength(words, start - k, start, lex) === k)
          hasTitle = label === 'PER' || label === 'MISC'
      }
      const prev = spans[spans.length - 1]
      const particle = words[start - 1] ?? ''
      if (prev !== undefined && prev.end === start - 1 && PARTICLES.has(particle)) {
        if (PATRONYMIC.has(particle) || prev.label === 'PER' || label === 'PER') label = 'PER'
        else label = prev.label ?? label
        spans[spans.length - 1] = {
          start: prev.start,
          end: span.end,
          label,
          hasTitle: prev.hasTitle || hasTitle,
        }
        continue
      }
      spans.push({ start, end: span.end, label, hasTitle })
    }
    if (lineCase(words) === 0) {
      const backstop = (start: number, end: number, entry: GazEntry): void => {
        if (!BACKSTOP_KINDS.has(entry.kind)) return
        if (spans.some((s) => s.start < end && start < s.end)) return
        spans.push({ start, end, label: LABEL_OF[entry.type] ?? 'MISC', hasTitle: false })
      }
      // The tagger's features matched the same gazetteer over the same words already.
      if (tagger.gazetteer === gaz)
        for (const m of tagger.lastMatches()) backstop(m.start, m.end, m.entry)
      else gaz.match(words, backstop)
      spans.sort((a, b) => a.start - b.start)
    }
    return spans
  }
}

/** The rule-based finder as a `SpanFinder`. */
export function ruleFinder(gaz: Gazetteer, lex: EntityLexicon): SpanFinder {
  return (words) => findNamesByRule(words, gaz, lex).map((s) => ({ ...s, label: null }))
}

/** Mentions over the whole text, sentence by sentence (sentences are runs of equal `tokens.sentence`). */
export function findMentions(
  text: string,
  sections: readonly Section[],
  tokens: Tokens,
  finder: SpanFinder,
  finderName: string,
  gaz: Gazetteer,
  lex: EntityLexicon,
): TypedMention[] {
  // Boilerplate (navigation, cookie banners, footers) names nothing the analysis should keep.
  const boilerplate = sections.filter((s) => s.kind === 'boilerplate')
  const inBoilerplate = (offset: number): boolean =>
    boilerplate.some((s) => offset >= s.start && offset < s.end)
  // Sentences as word arrays first: the tagger's document context looks at all of them.
  const sentences: { first: number; words: string[] }[] = []
  let first = 0
  while (first < tokens.count) {
    let last = first + 1
    while (last < tokens.count && tokens.sentence[last] === tokens.sentence[first]) last++
    const words: string[] = []
    for (let i = first; i < last; i++) words.push(text.slice(tokens.starts[i], tokens.ends[i]))
    sentences.push({ first, words })
    first = last
  }
  const doc = new DocContext(sentences.map((s) => s.words))
  const found: (SpanInContext & { readonly offsets: readonly [number, number] })[] = []
  for (const { first, words } of sentences) {
    if (inBoilerplate(tokens.starts[first] ?? 0)) continue
    for (const span of finder(words, doc)) {
      const start = tokens.starts[first + span.start] ?? 0
      const end = tokens.ends[first + span.end - 1] ?? 0
      // A name does not run across a line break (navigation bars, lists, headers).
      if (text.slice(start, end).includes('\n')) continue
      if (isJunkSpan(words, span.start, span.end, lex)) continue
      const typed = typeMention(words, span.start, span.end, span.label, span.hasTitle, gaz, lex)
      found.push({
        words,
        start: span.start,
        end: span.end,
        hasTitle: span.hasTitle,
        type: typed.type,
        rule: typed.rule,
        offsets: [start, end],
      })
    }
  }
  // The whole document's contexts correct what one sentence could not tell.
  reviseTypes(found, gaz, lex)
  return found.map((f): TypedMention => {
    const metonym = metonymRule(f.words, f.start, f.end, gaz, lex)
    const provenance: Provenance = { stage: 'mentions', rule: `${finderName}:${metonym ?? f.rule}` }
    return { start: f.offsets[0], end: f.offsets[1], type: f.type, provenance }
  })
}

/**
 * "metonym:<key>" when the name stands for a government: a listed metonym (the Kremlin), or a
 * capital city followed by a reporting or accusing verb ("Paris accused Rome").
 */
function metonymRule(
  words: readonly string[],
  start: number,
  end: number,
  gaz: Gazetteer,
  lex: EntityLexicon,
): string | undefined {
  const entry = gaz.lookup(words.slice(start, end).join(' '))
  if (entry === undefined) return undefined
  if (entry.kind === 'metonym' && entry.standsFor !== undefined) {
    return `metonym:${entry.standsFor.type.toLowerCase()}:${slug(entry.standsFor.canonical)}`
  }
  if ((entry.cats & GAZ.capital) !== 0) {
    const next = words[end] ?? ''
    const country = gaz.capitals.get(nameKey(words.slice(start, end).join(' ')))
    if (country !== undefined && lex.reportingVerbs.has(next.toLowerCase())) {
      return `metonym:gpe:${slug(country)}`
    }
  }
  return undefined
}
