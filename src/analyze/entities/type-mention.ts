/**
 * @module
 * claimgraph types for a name span: the tagger's coarse CoNLL label (PER, ORG, LOC, MISC), or none
 * for the rule finder, refined with the gazetteers and head-word lists.
 */
import type { EntityType } from '../../model/analysis.js'
import { GAZ, type Gazetteer } from '../../ner/gazetteer.js'
import type { EntityLexicon } from './lexicon.js'

export type CoarseLabel = 'PER' | 'ORG' | 'LOC' | 'MISC'

export interface Typed {
  readonly type: EntityType
  /** Which rule decided, for provenance. */
  readonly rule: string
}

const EVENT_WORDS = new Set([
  'War',
  'Olympics',
  'Games',
  'Cup',
  'Championship',
  'Championships',
  'Summit',
  'Conference',
  'Revolution',
  'Uprising',
  'Massacre',
  'Attack',
  'Attacks',
  'Bombing',
  'Bombings',
  'Festival',
  'Election',
  'Elections',
  'Crisis',
  'Intifada',
  'Spring',
])

/**
 * Types the name `words[start..end)`. `coarse` is the tagger's label, or null when the rule finder
 * found the span (then the lists and the shape decide).
 */
export function typeMention(
  words: readonly string[],
  start: number,
  end: number,
  coarse: CoarseLabel | null,
  hasTitle: boolean,
  gaz: Gazetteer,
  lex: EntityLexicon,
): Typed {
  const name = words.slice(start, end).join(' ')
  const entry = gaz.lookup(name)
  // The head of "Ministry of Defence" is "Ministry".
  const of = words.indexOf('of', start)
  const head = words[of > start && of < end ? of - 1 : end - 1] ?? ''
  if (coarse === 'PER' || hasTitle) {
    // "Amber Crown Concert Hall", "Northgate Wire": a person's name does not end in a head word.
    if (!hasTitle && end - start >= 2) {
      const place = lex.placeWords.get(words[end - 1] ?? '')
      if (place !== undefined) return { type: place, rule: 'place-word' }
      if (lex.orgWords.has(words[end - 1] ?? '')) return { type: 'ORG', rule: 'org-word' }
    }
    return { type: 'PERSON', rule: hasTitle ? 'title' : 'tagger' }
  }
  if (entry !== undefined) {
    // The curated lists and the country data know these names; trust them over the tagger's type,
    // except that a demonym the tagger calls ORG or PER stays what the tagger says.
    if (entry.type === 'NORP' && coarse !== null && coarse !== 'MISC') {
      return { type: coarse === 'LOC' ? 'GPE' : 'ORG', rule: 'tagger' }
    }
    return { type: entry.type, rule: `gazetteer:${entry.kind}` }
  }
  const placeType = lex.placeWords.get(head)
  // "between Donald Trump and Hillary Clinton": CoNLL's sports pages teach the tagger that such
  // pairs are teams. Two capitalised words starting with a common first name are a person.
  if (
    (coarse === 'ORG' || coarse === 'MISC') &&
    end - start === 2 &&
    (gaz.firstNames.has(words[start] ?? '') || gaz.moreFirstNames.has(words[start] ?? '')) &&
    /^\p{Lu}\p{Ll}/u.test(head) &&
    placeType === undefined &&
    !lex.orgWords.has(head)
  ) {
    return { type: 'PERSON', rule: 'first-name' }
  }
  if (coarse === 'LOC') {
    if (placeType !== undefined) return { type: placeType, rule: 'place-word' }
    return { type: 'GPE', rule: 'tagger' }
  }
  if (coarse === 'ORG') {
    if (placeType === 'FAC') return { type: 'FAC', rule: 'place-word' }
    return { type: 'ORG', rule: 'tagger' }
  }
  if (coarse === 'MISC') {
    if (placeType !== undefined && end - start >= 2) return { type: placeType, rule: 'place-word' }
    if (words.slice(start, end).some((w) => EVENT_WORDS.has(w)))
      return { type: 'EVENT', rule: 'event-word' }
    const last = gaz.lookup(head)
    if (last !== undefined && (last.cats & (GAZ.demonym | GAZ.group)) !== 0 && end - start === 1) {
      return { type: 'NORP', rule: 'gazetteer:demonym' }
    }
    return { type: 'MISC', rule: 'tagger' }
  }
  // Rule finder: no label; decide by head word and shape.
  if (lex.orgWords.has(head)) return { type: 'ORG', rule: 'org-word' }
  if (placeType !== undefined) return { type: placeType, rule: 'place-word' }
  if (words.slice(start, end).some((w) => EVENT_WORDS.has(w)))
    return { type: 'EVENT', rule: 'event-word' }
  const len = end - start
  if (len === 1 && /^[\p{Lu}\d&.-]{2,6}$/u.test(head)) return { type: 'ORG', rule: 'acronym' }
  if (len >= 2 && len <= 4) return { type: 'PERSON', rule: 'name-shape' }
  return { type: 'MISC', rule: 'capitalised' }
}
