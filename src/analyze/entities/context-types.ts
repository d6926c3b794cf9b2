/**
 * @module
 * Document-level corrections of mention types from the contexts of all mentions of a name, for
 * names no gazetteer knows (a fictional or rarely reported country): the tagger sees one sentence
 * at a time and may call "Vostrana" a person in "Vostrana's president" and an organisation in
 * "Vostrana detains 11". Evidence that a name is a place, collected over the whole document:
 * - a preposition or neighbour word before it ("in Vostrana", "neighbouring Kaldria", and the
 *   next names of a list: "in Norvenia and Westria");
 * - a state noun after its possessive ("Vostrana's capital", "Kaldria's foreign ministry");
 * - a demonym derived from it elsewhere in the document ("Vostrana" ~ "Vostranian officials").
 * Also: words shaped like demonyms used before a noun ("Vostranian officials") are NORP, a name
 * right after an organisation noun ("the rock band The Pale Lanterns") is an ORG, and spans that
 * are no names at all (share bars, counters, dates) are dropped.
 */
import type { EntityType } from '../../model/analysis.js'
import type { Gazetteer } from '../../ner/gazetteer.js'
import type { EntityLexicon } from './lexicon.js'

/** A typed name span in its sentence, as `findMentions` collects them before writing mentions. */
export interface SpanInContext {
  readonly words: readonly string[]
  readonly start: number
  readonly end: number
  readonly hasTitle: boolean
  type: EntityType
  rule: string
}

/** Prepositions before a name that make it a place (weak: "stake in Valeant"). */
const PLACE_BEFORE = new Set(['in', 'into', 'across', 'throughout', 'inside', 'within'])
/** Words before a name that make it a place (strong: companies and people are not neighbours of "the"). */
const NEIGHBOUR = new Set(['neighbouring', 'neighboring', 'neighbour', 'neighbor'])
/** Lower-case nouns of located things: "a village in X", "the hall in X". */
const LOCATED = new Set([
  'city',
  'town',
  'village',
  'region',
  'district',
  'province',
  'capital',
  'hall',
  'suburb',
  'neighbourhood',
  'neighborhood',
  'border',
  'camp',
  'prison',
  'country',
])
/** Lower-case nouns right before a name (or before "the" and a name) that make it an organisation. */
const ORG_BEFORE = new Set([
  'band',
  'company',
  'firm',
  'group',
  'newspaper',
  'magazine',
  'broadcaster',
  'channel',
  'network',
  'militia',
  'movement',
  'charity',
  'organisation',
  'organization',
  'party',
  'club',
  'team',
  'bank',
  'outlet',
])
/** Words that continue a list of names ("in Norvenia and Westria", "in Norvenia, Westria"). */
const LIST_JOINERS = new Set(['and', 'or', ',', 'nor'])
/** Lower-case words after which a capitalised word is not used as an adjective before a noun. */
const NOT_NOUNS = new Set([
  'said',
  'says',
  'told',
  'and',
  'or',
  'nor',
  'but',
  'who',
  'whom',
  'whose',
  'which',
  'that',
  'was',
  'is',
  'were',
  'are',
  'has',
  'had',
  'have',
  'will',
  'would',
  'could',
  'should',
  'may',
  'might',
  'must',
  'can',
  'did',
  'does',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'by',
  'from',
  'as',
  'than',
  'also',
  'then',
])
/** Demonym and nationality adjective endings ("Vostranian", "Velenese", "Kaldish"). */
const DEMONYM_SHAPE = /^\p{Lu}\p{Ll}{2,}(?:ian|ean|ese|ish)s?$/u
/** Weaker endings ("Kaldran", "Westri"), trusted only where the tagger said MISC. */
const WEAK_DEMONYM_SHAPE = /^\p{Lu}\p{Ll}{2,}(?:an|i)s?$/u
const DEMONYM_SUFFIX = /(?:ians|ian|eans|ean|ese|ish|ans|an|is|i)$/u
const MONTHS = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
])

function isPossessive(word: string): boolean {
  return word === "'s" || word === '’s' || word === "'" || word === '’'
}

function startsLowerLetter(word: string): boolean {
  return /^\p{Ll}/u.test(word)
}

function isNumber(word: string): boolean {
  return /^[\d.,:/]+[kKmM]?$/u.test(word) && /\d/u.test(word)
}

/** The letters of a name that a demonym keeps: "Vostrana" → "vostran", "Kaldria" → "kaldr". */
function nameStem(word: string): string {
  return word.toLowerCase().replace(/[aeiouy]+$/u, '')
}

function demonymStem(word: string): string {
  return nameStem(word.toLowerCase().replace(DEMONYM_SUFFIX, ''))
}

/**
 * Whether a span names nothing: no letter at all ("104", "1.2K"), interface words ("Reposts",
 * "Share", "Twitter Facebook Email"), or a month name next to a number ("13 Mar 2026").
 */
export function isJunkSpan(
  words: readonly string[],
  start: number,
  end: number,
  lex: EntityLexicon,
): boolean {
  let letters = false
  let ui = 0
  let shareTargets = 0
  for (let i = start; i < end; i++) {
    const w = words[i] ?? ''
    if (/\p{L}/u.test(w) && !isNumber(w)) letters = true
    if (lex.uiWords.has(w.toLowerCase())) ui++
    else if (lex.shareTargets.has(w.toLowerCase())) shareTargets++
  }
  if (!letters) return true
  const n = end - start
  if (ui === n) return true
  if (n >= 2 && ui + shareTargets === n) return true
  if (n === 1 && MONTHS.has((words[start] ?? '').toLowerCase().replace(/\.$/, ''))) {
    if (isNumber(words[start - 1] ?? '') || isNumber(words[end] ?? '')) return true
  }
  return false
}

/** The word after a name and its possessive, or '' when the name is not possessive. */
function afterPossessive(s: SpanInContext): number {
  if (isPossessive(s.words[s.end] ?? '')) return s.end + 1
  return -1
}

function hasStateNounAt(words: readonly string[], i: number, lex: EntityLexicon): boolean {
  const one = (words[i] ?? '').toLowerCase()
  const two = `${one} ${(words[i + 1] ?? '').toLowerCase()}`
  return lex.stateNouns.has(two) || lex.stateNouns.has(one)
}

/**
 * Rewrites the types of `spans` (one document, in order) from the evidence described in the module
 * comment. `rule` gets "+place-context" or "+demonym-shape" where a type changed.
 */
export function reviseTypes(spans: SpanInContext[], gaz: Gazetteer, lex: EntityLexicon): void {
  // 1. Demonym-shaped adjectives and plurals → NORP.
  const stems = new Set<string>()
  for (const s of spans) {
    if (s.end - s.start !== 1 || s.hasTitle) continue
    const word = s.words[s.start] ?? ''
    const entry = gaz.lookup(word)
    if (entry !== undefined) {
      if (entry.type === 'NORP' && DEMONYM_SUFFIX.test(word)) stems.add(demonymStem(word))
      continue
    }
    const strong = DEMONYM_SHAPE.test(word)
    if (!strong && !(s.type === 'MISC' && WEAK_DEMONYM_SHAPE.test(word))) continue
    const next = s.words[s.end] ?? ''
    const plural = word.endsWith('s')
    const beforeNoun = startsLowerLetter(next) && !NOT_NOUNS.has(next) && !/(?:ed|ly)$/u.test(next)
    if (!plural && !beforeNoun) continue
    if (gaz.firstNames.has(word) || gaz.moreFirstNames.has(word)) continue
    stems.add(demonymStem(word))
    if (s.type !== 'NORP') {
      s.type = 'NORP'
      s.rule += '+demonym-shape'
    }
  }

  // 2. "the rock band The Pale Lanterns", "the company Korvex": an organisation noun before the name.
  for (const s of spans) {
    if (s.type === 'ORG' || s.type === 'NORP' || s.hasTitle) continue
    let k = s.start - 1
    if ((s.words[k] ?? '').toLowerCase() === 'the') k--
    if (!ORG_BEFORE.has(s.words[k] ?? '')) continue
    if (gaz.lookup(s.words.slice(s.start, s.end).join(' ')) !== undefined) continue
    s.type = 'ORG'
    s.rule += '+org-noun'
  }

  // 3. Place evidence per single-word name.
  const candidate = (s: SpanInContext): boolean => {
    if (s.end - s.start !== 1 || s.type === 'NORP') return false
    const word = s.words[s.start] ?? ''
    // "Vostrana", "Kaldria"; not "English-language" nor "Democratic-leaning".
    if (!/^\p{Lu}\p{Ll}/u.test(word) || /-\p{Ll}/u.test(word) || DEMONYM_SHAPE.test(word)) {
      return false
    }
    if (gaz.lookup(word) !== undefined) return false
    if (gaz.firstNames.has(word) || gaz.moreFirstNames.has(word)) return false
    return !lex.orgWords.has(word) && !lex.placeWords.has(word)
  }
  // Votes for a place per name: 1 for a preposition or list cue; 2 (strong) for a neighbour word,
  // a located thing before "in" ("the Concert Hall in X"), a state noun after the possessive, a
  // derived demonym. A name flips when its votes reach half its mentions typed otherwise
  // ("Carrier" with 40 ORG mentions stays ORG after "in Carrier"); a name the tagger called an
  // organisation needs a strong vote.
  const votes = new Map<string, number>()
  const strong = new Set<string>()
  const others = new Map<string, number>()
  const orgTyped = new Set<string>()
  const blocked = new Set<string>()
  const vote = (key: string, n: number): void => {
    votes.set(key, (votes.get(key) ?? 0) + n)
    if (n >= 2) strong.add(key)
  }
  let previous: { span: SpanInContext; place: boolean } | undefined
  for (const s of spans) {
    const word = s.words[s.start] ?? ''
    // Parts of multi-word person names ("Ilona Dravic") and titled names are people.
    if (s.type === 'PERSON' && (s.end - s.start >= 2 || s.hasTitle)) {
      for (let i = s.start; i < s.end; i++) blocked.add(s.words[i] ?? '')
    }
    let place = false
    if (candidate(s)) {
      if (s.type !== 'GPE' && s.type !== 'LOC') others.set(word, (others.get(word) ?? 0) + 1)
      if (s.type === 'ORG') orgTyped.add(word)
      const before = (s.words[s.start - 1] ?? '').toLowerCase()
      const next = s.words[s.end] ?? ''
      const possessive = afterPossessive(s)
      const located =
        before === 'in' &&
        (LOCATED.has((s.words[s.start - 2] ?? '').toLowerCase()) ||
          (previous !== undefined &&
            previous.span.words === s.words &&
            previous.span.end === s.start - 1 &&
            (previous.span.type === 'FAC' || previous.span.type === 'GPE')))
      // "in Vostrana", not "in Carrier furnaces" (a modifier) nor "in Latin" (MISC: a language).
      const prepositional =
        PLACE_BEFORE.has(before) && possessive < 0 && !startsLowerLetter(next) && s.type !== 'MISC'
      const listed =
        LIST_JOINERS.has(before) &&
        previous !== undefined &&
        previous.place &&
        previous.span.words === s.words &&
        previous.span.end === s.start - 1
      if (located || NEIGHBOUR.has(before)) {
        place = true
        vote(word, 2)
      } else if (prepositional || listed) {
        place = true
        vote(word, 1)
      }
      if (possessive >= 0 && hasStateNounAt(s.words, possessive, lex)) {
        // "Acme's president" is a company's: for ORG-typed names only the state-only nouns count.
        const noun = (s.words[possessive] ?? '').toLowerCase()
        if (s.type !== 'ORG' || noun !== 'president') vote(word, 2)
      }
    }
    previous = { span: s, place }
  }
  for (const word of others.keys()) {
    const stem = nameStem(word)
    if (stem.length >= 3 && stems.has(stem)) {
      vote(word, 2)
    }
  }
  for (const s of spans) {
    if (!candidate(s)) continue
    const word = s.words[s.start] ?? ''
    if (blocked.has(word) || s.hasTitle) continue
    if (s.type === 'GPE' || s.type === 'LOC' || s.type === 'FAC') continue
    const n = votes.get(word) ?? 0
    if (n === 0 || 2 * n < (others.get(word) ?? 0)) continue
    if (orgTyped.has(word) && !strong.has(word)) continue
    s.type = 'GPE'
    s.rule += '+place-context'
  }
}
