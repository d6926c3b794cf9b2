/**
 * @module
 * The entity stages' word lists, read once from `data/entities/`.
 */
import type { EntityType } from '../../model/analysis.js'
import { dataLines, dataRows } from '../../ner/data-files.js'
import { nameKey } from '../../ner/normalize.js'

export interface EntityLexicon {
  /** Title keys without a trailing dot ("president", "gen", "prime minister"). */
  readonly titles: ReadonlySet<string>
  /** Longest title in words. */
  readonly titleMaxWords: number
  /** First words of titles (title keys): other words cannot start a title. */
  readonly titleStarts: ReadonlySet<string>
  /** Head words that make a name an organisation ("Ministry", "Front"). */
  readonly orgWords: ReadonlySet<string>
  /** Head words that make a name a location or facility ("River" → LOC, "Airport" → FAC). */
  readonly placeWords: ReadonlyMap<string, EntityType>
  /** Capitalised words that are not names on their own ("The", "Monday"). */
  readonly nonNames: ReadonlySet<string>
  /** Verbs after which a capital city acts for its government ("said", "accused"). */
  readonly reportingVerbs: ReadonlySet<string>
  /** Interface words ("reposts", "share"): a run of them names nothing. Lower case. */
  readonly uiWords: ReadonlySet<string>
  /** Services in share bars ("twitter"): junk in a run with interface words. Lower case. */
  readonly shareTargets: ReadonlySet<string>
  /** Nouns after a possessive that make a name a state ("capital", "foreign ministry"). */
  readonly stateNouns: ReadonlySet<string>
}

let shared: EntityLexicon | undefined

const titleKeys = new Map<string, string>()

/** Title key as stored: `nameKey` without a trailing full stop (memoized: called per name span). */
export function titleKey(text: string): string {
  let key = titleKeys.get(text)
  if (key === undefined) {
    if (titleKeys.size > 100_000) titleKeys.clear()
    key = nameKey(text).replace(/\.$/, '')
    titleKeys.set(text, key)
  }
  return key
}

/** The lexicon (read on first use). */
export function entityLexicon(): EntityLexicon {
  if (shared !== undefined) return shared
  const titles = new Set(dataLines('entities/titles.txt').map((t) => titleKey(t.trim())))
  let titleMaxWords = 1
  const titleStarts = new Set<string>()
  for (const t of titles) {
    const words = t.split(' ')
    titleMaxWords = Math.max(titleMaxWords, words.length)
    titleStarts.add(words[0] ?? '')
    // Tokens may split "vice-president" or "o'clock"-like joins: their first part starts it too.
    titleStarts.add((words[0] ?? '').split(/[-'/&.]/)[0] ?? '')
  }
  shared = {
    titles,
    titleMaxWords,
    titleStarts,
    orgWords: new Set(dataLines('entities/org-words.txt').map((w) => w.trim())),
    placeWords: new Map(
      dataRows('entities/loc-words.txt').map(
        ([w = '', t = 'LOC']) => [w, t as EntityType] as const,
      ),
    ),
    nonNames: new Set(dataLines('entities/non-names.txt').map((w) => w.trim())),
    reportingVerbs: new Set(dataLines('entities/reporting-verbs.txt').map((w) => w.trim())),
    uiWords: new Set(dataLines('entities/ui-words.txt').map((w) => w.trim().toLowerCase())),
    shareTargets: new Set(
      dataLines('entities/share-targets.txt').map((w) => w.trim().toLowerCase()),
    ),
    stateNouns: new Set(dataLines('entities/state-nouns.txt').map((w) => w.trim().toLowerCase())),
  }
  return shared
}

/** Number of leading words of `words[from..]` that form a title (0 when none). */
export function titleLength(
  words: readonly string[],
  from: number,
  to: number,
  lex: EntityLexicon,
): number {
  if (from >= to) return 0
  // Most words start no title: one memoized key and one set lookup, no joined strings.
  const first = words[from] ?? ''
  if (!startsLetter(first) || !lex.titleStarts.has(titleKey(first))) return 0
  for (let k = Math.min(lex.titleMaxWords, to - from); k >= 1; k--) {
    if (lex.titles.has(titleKey(words.slice(from, from + k).join(' ')))) return k
  }
  return 0
}

function startsLetter(word: string): boolean {
  const c = word.charCodeAt(0)
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return /^\p{L}/u.test(word)
}
