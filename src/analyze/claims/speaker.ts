/**
 * @module
 * Speaker phrases: finding them next to a cue, and resolving them to document entities.
 * A span that overlaps an entity mention is that entity; a pronoun or a definite description
 * ("the minister", "the ministry") is the nearest compatible entity mentioned before it; groups
 * and outlets ("state media", "a witness") keep their span with entity null.
 */
import type { Entity, EntityType } from '../../model/analysis.js'
import type { Span } from '../../model/document.js'
import type { ClaimsLexicon } from './lexicon.js'
import {
  closedClass,
  DETERMINERS,
  isFiniteVerb,
  isVerbLike,
  NP_INNER,
  NP_STOPS,
  PRONOUNS,
  TIME_WORDS,
  type Word,
} from './words.js'

/**
 * The speaker phrase that ends at word `last` (inclusive), walking backwards: capitalised names,
 * determiners, nouns, "of"/"in" inside a phrase. Returns the index of its first word, or -1.
 */
export function speakerBefore(
  words: readonly Word[],
  last: number,
  cues: ClaimsLexicon['cues'],
): number {
  const end = words[last]
  if (end === undefined || !end.isWord) return -1
  if (PRONOUNS.has(end.lower) || end.lower === 'who' || end.lower === 'which') return last
  if (isLoneQuantifier(words, last)) return last
  if (NP_STOPS.has(end.lower) || DETERMINERS.has(end.lower) || NP_INNER.has(end.lower)) return -1
  let first = last
  for (let i = last - 1; i >= 0 && last - i < 12; i--) {
    const w = words[i]
    if (w === undefined) break
    // "the Commission on Presidential Debates", "Johnson & Johnson": a stop word between names.
    if (
      (w.lower === 'on' || w.lower === 'and') &&
      (words[i - 1]?.upper ?? false) &&
      (words[i + 1]?.upper ?? false)
    )
      continue
    if (NP_STOPS.has(w.lower) && w.lower !== 'all' && w.lower !== 'both') break
    if (DETERMINERS.has(w.lower)) {
      first = i
      // "one of the guards", "the head of the security service": go on past "of the".
      const inner = words[i - 1]
      const outer = words[i - 2]
      if (
        (inner?.lower === 'of' || inner?.lower === 'in' || inner?.lower === 'for') &&
        outer?.isWord &&
        !NP_STOPS.has(outer.lower) &&
        !cues.has(outer.lower)
      ) {
        i -= 1
        continue
      }
      break
    }
    if (!w.isWord) {
      if (w.lower === '-' || w.lower === '&' || w.lower === '/') continue
      // "Kaldria, Norvenia and Westria": a list of names.
      const listed =
        w.lower === ',' && (words[i - 1]?.upper ?? false) && (words[i + 1]?.upper ?? false)
      if (listed && words.slice(i, last + 1).some((x) => x.lower === 'and')) continue
      break
    }
    if (NP_STOPS.has(w.lower) || PRONOUNS.has(w.lower) || cues.has(w.lower)) break
    if (NP_INNER.has(w.lower)) continue
    first = i
  }
  // A phrase never starts with a preposition ("of", "in").
  while (first <= last && NP_INNER.has(words[first]?.lower ?? '')) first++
  return first <= last ? first : -1
}

/**
 * The start of a speaker phrase that runs on left across a plural possessive's bare apostrophe
 * or a number's comma, which `speakerBefore` stops at: "the unions' leaders" (not "leaders"),
 * "1,409 teachers" (not "409 teachers"). Returns `first` or the earlier start.
 */
export function possessiveStart(
  words: readonly Word[],
  first: number,
  cues: ClaimsLexicon['cues'],
): number {
  for (let guard = 0; guard < 3 && first >= 2; guard++) {
    if (!possessiveMark(words, first - 1) && !thousandsComma(words, first - 1)) break
    const start = speakerBefore(words, first - 2, cues)
    if (start < 0 || start > first - 2) break
    first = start
  }
  return first
}

/** words[k] is the apostrophe of a plural possessive ("the unions' leaders"). */
function possessiveMark(words: readonly Word[], k: number): boolean {
  const w = words[k] as Word
  const before = words[k - 1]
  const after = words[k + 1]
  return (
    w.lower === "'" &&
    before !== undefined &&
    before.isWord &&
    before.end === w.start &&
    before.lower.endsWith('s') &&
    after !== undefined &&
    after.isWord &&
    after.start > w.end
  )
}

/** words[k] is the comma inside a number ("1,409"). */
function thousandsComma(words: readonly Word[], k: number): boolean {
  const w = words[k] as Word
  const before = words[k - 1]
  const after = words[k + 1]
  return (
    w.lower === ',' &&
    before !== undefined &&
    after !== undefined &&
    before.end === w.start &&
    after.start === w.end &&
    isDigits(before.lower) &&
    isDigits(after.lower)
  )
}

const isDigits = (s: string): boolean => {
  if (s === '') return false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

const LONE_QUANTIFIERS: ReadonlySet<string> = closedClass('lone-quantifiers')
const CLAUSE_LINKS = closedClass('clause-links')

/** "Some argue …", "…, but many believe …": words[k] is a quantifier alone opening its clause. */
export function isLoneQuantifier(words: readonly Word[], k: number): boolean {
  const before = words[k - 1]
  return (
    LONE_QUANTIFIERS.has(words[k]?.lower ?? '') &&
    (before === undefined || !before.isWord || CLAUSE_LINKS.has(before.lower))
  )
}

/** The speaker phrase that starts at word `first` (after an inverted cue: ", said the minister"). */
export function speakerAfter(words: readonly Word[], first: number): number {
  const start = words[first]
  if (start === undefined || !start.isWord) return -1
  // A speaker phrase starts with a name, a determiner or a pronoun; never with "that".
  if (NP_STOPS.has(start.lower) && !PRONOUNS.has(start.lower)) return -1
  if (PRONOUNS.has(start.lower)) return first
  let last = -1
  for (let i = first; i < words.length && i - first < 12; i++) {
    const w = words[i]
    if (w === undefined || !w.isWord) {
      // "Jan Roe's", "Johnson & Johnson", "a Times/CBS News poll".
      if (w !== undefined && ['-', '&', "'s", '/'].includes(w.lower)) continue
      break
    }
    if (i > first && NP_STOPS.has(w.lower)) break
    if (i > first && ['in', 'on', 'at', 'during', 'after', 'to', 'from', 'with'].includes(w.lower))
      break
    last = i
  }
  while (last >= first && NP_INNER.has(words[last]?.lower ?? '')) last--
  return last
}

/** Entity mentions in document order, for overlap and "nearest before" look-ups. */
export interface MentionIndex {
  readonly starts: readonly number[]
  readonly ends: readonly number[]
  readonly entity: readonly Entity[]
}

export function indexMentions(entities: readonly Entity[]): MentionIndex {
  const rows: { start: number; end: number; entity: Entity }[] = []
  for (const entity of entities)
    for (const m of entity.mentions) rows.push({ start: m.start, end: m.end, entity })
  rows.sort((a, b) => a.start - b.start || b.end - a.end)
  return {
    starts: rows.map((r) => r.start),
    ends: rows.map((r) => r.end),
    entity: rows.map((r) => r.entity),
  }
}

/** First mention index whose start is ≥ offset. */
function lowerBound(index: MentionIndex, offset: number): number {
  let lo = 0
  let hi = index.starts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((index.starts[mid] ?? 0) < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Entities with a mention overlapping the span, in text order, without repeats. */
export function entitiesIn(index: MentionIndex, span: Span): Entity[] {
  const found: Entity[] = []
  // Mentions are short; start a little before the span to catch overlaps from the left.
  for (let i = Math.max(0, lowerBound(index, span.start) - 4); i < index.starts.length; i++) {
    const s = index.starts[i] ?? 0
    if (s >= span.end) break
    const e = index.ends[i] ?? 0
    const entity = index.entity[i]
    if (e > span.start && entity !== undefined && !found.includes(entity)) found.push(entity)
  }
  return found
}

/** The nearest entity of one of `types` mentioned before `offset` (within `window` characters). */
function nearestBefore(
  index: MentionIndex,
  offset: number,
  types: readonly EntityType[],
  window: number,
  prefer?: (entity: Entity) => boolean,
): Entity | null {
  let fallback: Entity | null = null
  for (let i = lowerBound(index, offset) - 1; i >= 0; i--) {
    const s = index.starts[i] ?? 0
    if (offset - s > window) break
    const entity = index.entity[i]
    if (entity === undefined || !types.includes(entity.type)) continue
    if (prefer === undefined || prefer(entity)) return entity
    fallback ??= entity
  }
  return fallback
}

/**
 * The country a document is set in: the first place it names (a dateline, "gunmen stormed a hall
 * in Velenor"), read before `offset`. The nearest country named is often the one accused.
 */
function settingCountry(index: MentionIndex, offset: number): Entity | null {
  for (let i = 0; i < index.starts.length && (index.starts[i] ?? 0) < offset; i++) {
    const entity = index.entity[i]
    if (entity?.type === 'GPE') return entity
  }
  return null
}

const HOME_GOVERNMENT_NOUNS: ReadonlySet<string> = closedClass('home-government-nouns')
const BLOC_ADJECTIVES: ReadonlySet<string> = closedClass('bloc-adjectives')

// "I" and "we" outside quotations are the author's voice: not resolved.
const PERSON_PRONOUNS = new Set(['he', 'she'])
const GROUP_PRONOUNS = new Set(['they', 'it'])

/**
 * Resolve a speaker phrase to an entity id, or null for groups, outlets and unresolved phrases.
 * `text` is the whole document text.
 */
export function resolveSpeaker(
  text: string,
  span: Span,
  words: readonly Word[],
  index: MentionIndex,
  lexicon: ClaimsLexicon,
): string | null {
  // "The Front, an armed group active in Vostrana's hills,": the head is before the appositive.
  const comma = words.findIndex((w) => w.lower === ',')
  const headSpan = comma > 0 ? { start: span.start, end: words[comma]?.start ?? span.end } : span
  const inside = entitiesIn(index, headSpan)
  // "Norvenia's spokesperson, Claire Whitlock,": a title before the comma, the person after it.
  const titled =
    comma > 0 &&
    (lexicon.speakerNouns.get(words[comma - 1]?.lower ?? '')?.includes('PERSON') ?? false)
  if (titled) {
    const person = entitiesIn(index, span).find((e) => e.type === 'PERSON')
    if (person !== undefined) return person.id
  }
  // "Western intelligence officials": a bloc word before a group noun is no entity to speak for.
  if (
    inside.length > 0 &&
    words.length > 1 &&
    inside.every((e) => e.type === 'NORP' && BLOC_ADJECTIVES.has(e.name.toLowerCase()))
  )
    return null
  if (inside.length > 0) {
    // "Interior Minister Lena Varga": the last entity is the head; "the spokesman for the
    // Ministry, Jan Roe" speaks as a person, so a PERSON wins when there is one.
    const person = inside.find((e) => e.type === 'PERSON')
    return (person ?? inside[inside.length - 1])?.id ?? null
  }
  if (comma > 0) {
    // "Its spokesman, Emil Radovan,": the name in the appositive.
    const person = entitiesIn(index, span).find((e) => e.type === 'PERSON')
    if (person !== undefined) return person.id
  }
  const head = words[(comma > 0 ? comma : words.length) - 1]
  if (head === undefined) return null
  // "The Front, which seeks …": a relative pronoun speaks for the name just before it.
  if (words.length === 1 && (head.lower === 'who' || head.lower === 'which')) {
    const before = nearestBefore(index, span.start, ['PERSON', 'ORG', 'GPE', 'NORP'], 120)
    const adjacent =
      before?.mentions.some((m) => m.end <= span.start && span.start - m.end <= 3) ?? false
    return adjacent ? (before?.id ?? null) : null
  }
  const first = words[0]
  if (words.length === 1 && PERSON_PRONOUNS.has(head.lower)) {
    return nearestBefore(index, span.start, ['PERSON'], 1500)?.id ?? null
  }
  if (words.length === 1 && GROUP_PRONOUNS.has(head.lower)) {
    return nearestBefore(index, span.start, ['ORG', 'GPE', 'NORP'], 600)?.id ?? null
  }
  // Groups and outlets are speakers of their own kind.
  if (lexicon.genericSpeakers.has(head.lower)) return null
  // "the head of the security service": the head noun is the one before "of".
  const ofAt = words.findIndex((w) => w.lower === 'of')
  const nounWord = ofAt > 0 ? words[ofAt - 1] : head
  const noun = nounWord?.lower ?? ''
  const types = lexicon.speakerNouns.get(noun) ?? lexicon.speakerNouns.get(noun.replace(/s$/, ''))
  if (types === undefined) return null
  // Only definite descriptions refer back ("the minister", "the country's president").
  const definite =
    first !== undefined && (first.lower === 'the' || first.lower.endsWith("'s") || first.upper)
  // A bare title in the first line is a headline's ("president blames Kaldria", "Minister
  // blames …"): the one entity the document gives that title ("President Ilona Dravic"), if only
  // one has it. (`noun` as written: a plural title is not a headline's speaker.)
  const headline =
    words.length === 1 &&
    lexicon.speakerNouns.has(noun) &&
    text.lastIndexOf('\n', span.start - 1) < 0
  if (!definite && !headline) return null
  // Prefer an entity whose name or whose mention's left context carries the same noun
  // ("Interior Ministry", "President Ilya Varga").
  const carriesNoun = (entity: Entity): boolean => {
    if (entity.name.toLowerCase().includes(noun)) return true
    // "President Ilona Dravic", "the Front, an armed group active in …"
    return entity.mentions.some((m) => {
      const before = text.slice(Math.max(0, m.start - 40), m.start).toLowerCase()
      const after = text.slice(m.end, m.end + 40).toLowerCase()
      return before.includes(noun) || (/^\s*,/.test(after) && after.includes(noun))
    })
  }
  if (headline) {
    // The title right before a mention ("Interior Minister Lena Varga"), not merely near it.
    const titledRightBefore = (entity: Entity): boolean =>
      entity.mentions.some((m) =>
        text
          .slice(Math.max(0, m.start - noun.length - 1), m.start)
          .trimEnd()
          .toLowerCase()
          .endsWith(noun),
      )
    const titled = [...new Set(index.entity)].filter(
      (e) => types.includes(e.type) && titledRightBefore(e),
    )
    return titled.length === 1 ? titled[0]!.id : null
  }
  // A person's title may fall back to the nearest person ("the minister"); an organisation's
  // description must name it ("the ministry" → "Interior Ministry"), or stays unresolved.
  const found = nearestBefore(index, span.start, types, 3000, carriesNoun)
  if (found === null) return null
  if (found.type === 'GPE' && HOME_GOVERNMENT_NOUNS.has(noun) && !carriesNoun(found))
    return settingCountry(index, span.start)?.id ?? found.id
  if (found.type === 'PERSON' || found.type === 'GPE' || carriesNoun(found)) return found.id
  return null
}

const SUBJECT_RELATIVES: ReadonlySet<string> = closedClass('relative-pronouns')
const WH_OPENERS: ReadonlySet<string> = closedClass('wh-words')
/** Conjunctions that open a second clause inside a relative clause ('… who backed it while it …'). */
const CLAUSE_BREAKS: ReadonlySet<string> = closedClass('relative-clause-breaks')
const PHRASE_JOINS = new Set(['and', 'all', 'both', 'than'])
const APPOSITIVE_MARKS = new Set([',', '—', '–', '--', '―', '(', ')'])
/** "I", "we" and "you" outside quotations are the author's or the reader's voice. */
export const AUTHOR_PRONOUNS: ReadonlySet<string> = new Set(['i', 'we', 'you'])

/**
 * The subject of a sentence's main clause when it runs from the clause's start to word `last`,
 * right before its cue: "Surety firms that had insured the mine agreed …", "Jan Roe, 56, who has
 * sat on the board for a decade, told …", "In interviews, Kovan has questioned …".
 * The clause starts at the sentence's start or after an opening adjunct and its comma ("In
 * interviews, …"). Verbs inside are allowed only in a relative clause, an appositive or a
 * participle after a noun ("the section of the debate devoted to …"). Returns [first, last] or
 * null.
 */
export function clauseSubject(
  words: readonly Word[],
  last: number,
  cues: ClaimsLexicon['cues'],
): [number, number] | null {
  if (last < 0 || last > 40) return null
  const first = clauseStart(words, last)
  if (first < 0 || first > last) return null
  const head = words[first] as Word
  if (!head.isWord || AUTHOR_PRONOUNS.has(head.lower)) return null
  if (!(head.upper || DETERMINERS.has(head.lower) || PRONOUNS.has(head.lower))) return null
  if (NP_STOPS.has(head.lower) && !DETERMINERS.has(head.lower) && !PRONOUNS.has(head.lower))
    return null
  const end = words[last] as Word
  // The phrase ends with a noun or closes an appositive ("Jan Roe, 56, …,").
  if (!end.isWord && !APPOSITIVE_MARKS.has(end.lower)) return null
  if (end.isWord && (NP_STOPS.has(end.lower) || NP_INNER.has(end.lower))) return null
  // A relative pronoun, a comma, a dash or a bracket opens an embedded part (a relative clause,
  // an appositive) that the next comma, dash or bracket closes; only there may a verb stand.
  let embedded = false
  /** The open embedded part was opened by a mark, not by a relative pronoun. */
  let byMark = false
  /** A relative pronoun opened or followed the mark of the open part. */
  let relative = false
  let closed = 0
  for (let k = first; k <= last; k++) {
    const w = words[k] as Word
    if (w.lower === '“' || w.lower === '"' || w.lower === '”' || w.lower === ';') return null
    if (APPOSITIVE_MARKS.has(w.lower)) {
      if (embedded) closed++
      // The phrase's last mark closes ("Jan Roe, 56,"); it opens nothing.
      embedded = k < last && (w.lower === '(' || (w.lower !== ')' && !embedded))
      byMark = embedded
      relative = false
      continue
    }
    if (SUBJECT_RELATIVES.has(w.lower)) {
      // A relative inside a part a mark opened stays in that part.
      if (!embedded) byMark = false
      embedded = true
      relative = true
      continue
    }
    // "Below, Kovan rounded up …": a name and its verb after a comma are a clause, no appositive.
    if (embedded && byMark && !relative && isVerbLike(w) && (words[k - 1]?.upper ?? false))
      return null
    if (embedded || !w.isWord || w.upper) continue
    if (isFiniteVerb(w)) return null
    if (cues.get(w.lower)?.origin === 'data' && !reducedRelative(words, k)) return null
    if (w.lower.length > 4 && w.lower.endsWith('ed') && !reducedRelative(words, k)) return null
  }
  // A phrase that ends with a mark closes an appositive it opened ("Jan Roe, 56,"); a lone
  // comma before the cue is a participle's ("The program, called …").
  if (!end.isWord && closed === 0) return null
  // "Below, Kovan rounded up … what many expect": a comma never closed opens no appositive.
  if (embedded && byMark) return null
  return [first, last]
}

/**
 * A subject with a relative clause on its head, "Regional leaders who have opposed the plan
 * warned …": the rules' phrase ("the plan", from `first` to `last`) is the relative clause's
 * object; the speaker is the main clause's whole subject. A subject relative ("who have
 * opposed", "that backed") is required, so "the reason that Kovan refused …" keeps "Kovan".
 * Returns the speaker's first word: `first`, or the subject's start.
 */
export function relativeSubject(
  words: readonly Word[],
  first: number,
  last: number,
  cues: ClaimsLexicon['cues'],
): number {
  // A subject pronoun ("… before she said") is no object inside a relative clause.
  if (PRONOUNS.has(words[first]?.lower ?? '')) return first
  const whole = clauseSubject(words, last, cues)
  if (whole === null || whole[0] >= first || whole[1] !== last) return first
  let relative = false
  for (let k = whole[0]; k < first; k++) {
    const w = words[k] as Word
    if (!w.isWord || (WH_OPENERS.has(w.lower) && !SUBJECT_RELATIVES.has(w.lower))) return first
    // Before the relative, a noun phrase ("Current and former officials"); inside it, no second
    // clause ("… who backed the plan while it failed", "… that backed it before she …").
    if (
      relative
        ? CLAUSE_BREAKS.has(w.lower) || (PRONOUNS.has(w.lower) && w.lower !== 'it')
        : NP_STOPS.has(w.lower) && !SUBJECT_RELATIVES.has(w.lower) && !PHRASE_JOINS.has(w.lower)
    )
      return first
    const next = words[k + 1]
    if (
      !relative &&
      k > whole[0] &&
      SUBJECT_RELATIVES.has(w.lower) &&
      next !== undefined &&
      next.isWord &&
      !next.upper &&
      (w.lower === 'that'
        ? isVerbLike(next)
        : !DETERMINERS.has(next.lower) && !PRONOUNS.has(next.lower))
    )
      relative = true
  }
  return relative ? whole[0] : first
}

/** "the complaint filed by …", "the section devoted to …": a participle after a noun. */
function reducedRelative(words: readonly Word[], k: number): boolean {
  const before = words[k - 1]
  const after = words[k + 1]
  return (
    before !== undefined &&
    before.isWord &&
    !before.upper &&
    !PRONOUNS.has(before.lower) &&
    !NP_STOPS.has(before.lower) &&
    after !== undefined &&
    PARTICIPLE_LINKS.has(after.lower)
  )
}

/** Words that open an adjunct before a sentence's subject ("In May,", "After the vote,"). */
const ADJUNCT_OPENERS: ReadonlySet<string> = new Set([
  ...NP_STOPS,
  ...NP_INNER,
  ...closedClass('adjunct-starts'),
])
const LEAD_ADVERBS: ReadonlySet<string> = closedClass('lone-lead-adverbs')
/** Prepositions after a participle that modifies a noun ('filed by', 'devoted to'). */
const PARTICIPLE_LINKS: ReadonlySet<string> = closedClass('participle-links')

/**
 * Where the main clause ending at `last` starts: 0, after a sentence's opening conjunction
 * ("But …"), or after an opening adjunct's comma ("In interviews, …", "To varying degrees, …");
 * -1 when neither.
 */
function clauseStart(words: readonly Word[], last: number): number {
  const head = words[0]
  if (head === undefined) return -1
  let k = 0
  if (CLAUSE_LINKS.has(head.lower)) k = 1
  const opener = words[k]
  if (opener === undefined) return -1
  const comma = words.findIndex((w, j) => j > k && j < last && w.lower === ',')
  // An opening adjunct ("In interviews,", "To varying degrees,", "Nonetheless,"): the clause
  // starts after its comma.
  // A word alone before the comma is an adverb ("Nonetheless,", "Still,"), not a name ("Kovan,").
  const adverb =
    comma === k + 1 &&
    (opener.lower.endsWith('ly') || opener.lower.endsWith('less') || LEAD_ADVERBS.has(opener.lower))
  const adjunct = !opener.upper || ADJUNCT_OPENERS.has(opener.lower) || adverb
  if (
    adjunct &&
    !DETERMINERS.has(opener.lower) &&
    !PRONOUNS.has(opener.lower) &&
    !LONE_QUANTIFIERS.has(opener.lower)
  )
    return comma < 0 || comma - k > 12 ? -1 : comma + 1
  return k
}

const CONTRACTED_AUXILIARY = /^['’](?:s|re|ve|ll|d)$/i

/**
 * "We've suggested", "He's claiming": PolNeAR puts a pronoun's contracted auxiliary in the cue,
 * not in the speaker (train: 111 of 123). The speaker and cue with the auxiliary moved, or null
 * when there is none between them.
 */
export function contractionToCue(text: string, speaker: Span, cue: Span): [Span, Span] | null {
  if (cue.start < speaker.end || cue.start - speaker.end > 5) return null
  const phrase = text.slice(speaker.start, speaker.end).toLowerCase()
  const mark = phrase.search(/['’]/)
  // "We've" as one word: the pronoun is the speaker, the rest joins the cue.
  if (mark > 0 && text.slice(speaker.end, cue.start).trim() === '') {
    const pronoun = phrase.slice(0, mark)
    if (!CONTRACTING_PRONOUNS.has(pronoun) || !CONTRACTED_AUXILIARY.test(phrase.slice(mark)))
      return null
    const at = speaker.start + mark
    return [
      { start: speaker.start, end: at },
      { start: at, end: cue.end },
    ]
  }
  // "He 's claiming": the auxiliary between the two.
  const between = text.slice(speaker.end, cue.start).trim()
  if (!CONTRACTING_PRONOUNS.has(phrase) || !CONTRACTED_AUXILIARY.test(between)) return null
  return [speaker, { start: speaker.end + text.slice(speaker.end).search(/['’]/), end: cue.end }]
}

const CONTRACTING_PRONOUNS: ReadonlySet<string> = closedClass('contracting-pronouns')

/** Words after a comma that keep an appositive in a source after a closing "according to". */
const ACCORDING_APPOSITIVES: ReadonlySet<string> = closedClass('according-appositive-starts')

/**
 * The last word of the source of a closing "according to" whose phrase (with its appositive)
 * runs from `first` to `last`, in a sentence whose last word is `end`. The source runs on to the
 * sentence's end across a tail without a comma ("according to people familiar with the talks",
 * "a report in the Herald"), and keeps an appositive only when it opens with an article or a
 * relative pronoun ("according to the Front, an armed group"): after other words the comma ends
 * the source and a clause follows (", and the harbor closed", ", more than twice …").
 */
export function closingAccordingEnd(
  words: readonly Word[],
  first: number,
  last: number,
  end: number,
  titles: ClaimsLexicon['speakerNouns'],
): number {
  for (let k = first + 1; k <= last; k++) {
    if (words[k]?.lower !== ',') continue
    const next = words[k + 1]
    if (next === undefined) return k - 1
    // ", director of …" (a title), ", R-Mass." (a party and state) keep the appositive too.
    const party = next.upper && next.lower.length === 1 && words[k + 2]?.lower === '-'
    const kept =
      party || (!next.upper && (ACCORDING_APPOSITIVES.has(next.lower) || titles.has(next.lower)))
    return kept ? last : k - 1
  }
  if (last >= end) return last
  for (let k = last + 1; k <= end; k++) {
    const w = words[k] as Word
    // "according to a poll on Friday": a time adjunct is no part of the source.
    const time =
      TIME_WORDS.has(w.lower) && (w.lower !== 'on' || WEEKDAY_NAMES.has(words[k + 1]?.lower ?? ''))
    if (time || (!w.isWord && w.lower !== "'s" && w.lower !== '/')) return last
  }
  return end
}

const WEEKDAY_NAMES: ReadonlySet<string> = closedClass('weekdays')
