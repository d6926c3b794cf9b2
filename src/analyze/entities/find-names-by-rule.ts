/**
 * @module
 * The rule-based name finder (the fallback when no tagger model is present, and the baseline the
 * tagger is measured against): maximal runs of capitalised words, joined across "of", "de", "al-" …,
 * with leading titles and articles stripped.
 */
import type { Gazetteer } from '../../ner/gazetteer.js'
import { titleLength, type EntityLexicon } from './lexicon.js'

/** A name span over a sentence's words, `end` exclusive. `hasTitle`: a title stood right before it. */
export interface WordSpan {
  readonly start: number
  readonly end: number
  readonly hasTitle: boolean
}

const CONNECTORS = new Set([
  'of',
  'de',
  'du',
  'des',
  'del',
  'della',
  'da',
  'van',
  'von',
  'der',
  'bin',
  'ibn',
  'al',
  'el',
  'la',
  'le',
  'for',
  'and',
])

function isCapitalised(word: string): boolean {
  return /^[\p{Lu}\d]/u.test(word) && /\p{L}/u.test(word)
}

/** Names in one sentence's words. */
export function findNamesByRule(
  words: readonly string[],
  gaz: Gazetteer,
  lex: EntityLexicon,
): WordSpan[] {
  const n = words.length
  const spans: WordSpan[] = []
  let capitals = 0
  for (const w of words) if (isCapitalised(w)) capitals++
  // A headline in title case: every word is capitalised, so only gazetteer names are safe.
  if (n >= 4 && capitals / n > 0.7) {
    gaz.match(words, (start, end) => spans.push({ start, end, hasTitle: false }))
    return spans
  }
  let i = 0
  while (i < n) {
    const word = words[i] ?? ''
    if (!isCapitalised(word) && !/^(al|el)-\p{Lu}/u.test(word)) {
      i++
      continue
    }
    let end = i + 1
    while (end < n) {
      const next = words[end] ?? ''
      if (isCapitalised(next) || /^(al|el)-\p{Lu}/u.test(next)) {
        end++
      } else if (CONNECTORS.has(next) && end + 1 < n && isCapitalised(words[end + 1] ?? '')) {
        // "and" joins only inside known names ("Bosnia and Herzegovina"), not lists of people.
        // "of" joins only after an organisation or place head word ("Ministry of Defence", "Gulf of Aden").
        const prev = words[end - 1] ?? ''
        if (next === 'of' && !lex.orgWords.has(prev) && !lex.placeWords.has(prev)) break
        if (next === 'and' || next === 'for') {
          let k = end + 2
          while (k < n && isCapitalised(words[k] ?? '')) k++
          if (gaz.lookup(words.slice(i, k).join(' ')) === undefined) break
        }
        end += 2
      } else {
        break
      }
    }
    pushRun(words, i, end, lex, spans)
    i = end
  }
  return spans
}

/**
 * Pushes the names in the capitalised run `words[from..to)`: a title inside the run splits it
 * ("French President Emmanuel Macron" → "French", then "Emmanuel Macron" with a title).
 */
function pushRun(
  words: readonly string[],
  from: number,
  to: number,
  lex: EntityLexicon,
  spans: WordSpan[],
): void {
  let start = from
  let hasTitle = false
  for (let k = from; k < to; k++) {
    const title = titleLength(words, k, to, lex)
    if (title === 0 || k + title >= to) continue
    pushTrimmed(words, start, k, hasTitle, lex, spans)
    start = k + title
    hasTitle = true
    k = start - 1
  }
  pushTrimmed(words, start, to, hasTitle, lex, spans)
}

function pushTrimmed(
  words: readonly string[],
  from: number,
  to: number,
  hasTitle: boolean,
  lex: EntityLexicon,
  spans: WordSpan[],
): void {
  let start = from
  while (start < to && lex.nonNames.has(words[start] ?? '')) start++
  if (start < to) spans.push({ start, end: to, hasTitle })
}
