/**
 * @module
 * Name lists with types and canonical names: countries, capitals and demonyms from the maintained
 * `world-countries` package, cities and first names from `data/entities/cities.tsv` and
 * `first-names.txt` (derived from packages by `npm run train:ner -- --gazetteers`), and our curated files in `data/entities/` (aliases of
 * armed groups, agencies, outlets, regions; NORP groups; metonyms). Used both as tagger features and
 * for typing and canonicalising mentions.
 */
import { createRequire } from 'node:module'
import type { EntityType } from '../model/analysis.js'
import { dataLines, dataRows } from './data-files.js'
import { caseKey, nameKey } from './normalize.js'

/** Category bits: a name can be in several lists ("Georgia", "Luxembourg"). */
export const GAZ = {
  country: 1 << 0,
  city: 1 << 1,
  capital: 1 << 2,
  demonym: 1 << 3,
  region: 1 << 4,
  org: 1 << 5,
  armedGroup: 1 << 6,
  media: 1 << 7,
  agency: 1 << 8,
  facility: 1 << 9,
  group: 1 << 10,
} as const
export const GAZ_CATEGORY_COUNT = 11

export interface GazEntry {
  /** The canonical name ("United States" for "U.S."). */
  readonly canonical: string
  readonly type: EntityType
  /** country | city | region | us_state | armed_group | agency | media | demonym | group | metonym | … */
  readonly kind: string
  /** Union of the GAZ bits of every list the name is in. */
  cats: number
  /** For metonyms and capitals: the canonical name of what it stands for. */
  readonly standsFor?: { readonly canonical: string; readonly type: EntityType }
}

interface WorldCountry {
  name: { common: string; official: string }
  cca2: string
  capital: string[]
  altSpellings: string[]
  demonyms?: { eng?: { m: string; f: string } }
}

const KIND_CATS: Readonly<Record<string, number>> = {
  country: GAZ.country,
  city: GAZ.city,
  region: GAZ.region,
  us_state: GAZ.region,
  armed_group: GAZ.org | GAZ.armedGroup,
  agency: GAZ.org | GAZ.agency,
  media: GAZ.org | GAZ.media,
  intergovernmental: GAZ.org,
  demonym: GAZ.demonym,
  group: GAZ.group,
}

/** Aliases matched case-sensitively: all-caps with at most 5 letters ("US", "IS", "U.S.", "WHO"). */
function isShortCaps(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '')
  return letters.length > 0 && letters.length <= 5 && letters === letters.toUpperCase()
}

export class Gazetteer {
  /** Case-insensitive entries by `nameKey`. */
  readonly byKey = new Map<string, GazEntry>()
  /** Case-sensitive entries (short all-caps aliases) by `caseKey`. */
  readonly byCaseKey = new Map<string, GazEntry>()
  /** Every key prefix that ends at a word boundary: lets the matcher stop extending early. */
  private readonly prefixes = new Set<string>()
  /** Lowercased first words of entries that start in lower case ("al-qaeda"). */
  private readonly lowerStarts = new Set<string>()
  /** nameKey and caseKey of single words, memoized (the matcher's hot path). */
  private readonly wordKeys = new Map<string, WordKeys>()
  /** Common first names (a tagger feature only: never used to type or canonicalise a name). */
  readonly firstNames = new Set<string>()
  /**
   * More first names (curated, international) used when typing names, not as a tagger feature: the
   * shipped model was trained with `firstNames` only (adding these did not help on CoNLL val).
   */
  readonly moreFirstNames = new Set<string>()
  /** capital city key → country canonical name. */
  readonly capitals = new Map<string, string>()

  /** Adds a name; the first entry for a key keeps its canonical name, later ones add their bits. */
  add(name: string, entry: Omit<GazEntry, 'cats'> & { cats?: number }): void {
    const bare = name.replace(/^the\s+/i, '').trim()
    if (bare === '') return
    if (this.lookups.size > 0) this.lookups.clear()
    const cats = entry.cats ?? KIND_CATS[entry.kind] ?? 0
    const caseSensitive = isShortCaps(bare)
    const map = caseSensitive ? this.byCaseKey : this.byKey
    const key = caseSensitive ? caseKey(bare) : nameKey(bare)
    const existing = map.get(key)
    if (existing !== undefined) {
      existing.cats |= cats
      return
    }
    map.set(key, { ...entry, cats })
    const lower = nameKey(bare)
    const words = lower.split(' ')
    for (let i = 1; i < words.length; i++) this.prefixes.add(words.slice(0, i).join(' '))
    if (/^\p{Ll}/u.test(bare)) this.lowerStarts.add(words[0] ?? '')
  }

  private keysOf(word: string): WordKeys {
    let keys = this.wordKeys.get(word)
    if (keys === undefined) {
      if (this.wordKeys.size > 200_000) this.wordKeys.clear()
      keys = { name: nameKey(word), case: caseKey(word) }
      this.wordKeys.set(word, keys)
    }
    return keys
  }

  private readonly lookups = new Map<string, GazEntry | null>()

  /** The entry for a whole name, or undefined (memoized). */
  lookup(name: string): GazEntry | undefined {
    const cached = this.lookups.get(name)
    if (cached !== undefined) return cached ?? undefined
    const bare = name.replace(/^the\s+/i, '')
    const entry = this.byCaseKey.get(caseKey(bare)) ?? this.byKey.get(nameKey(bare))
    if (this.lookups.size > 100_000) this.lookups.clear()
    this.lookups.set(name, entry ?? null)
    return entry
  }

  /**
   * Longest matches over a word sequence, left to right, non-overlapping. Calls `found(start, end, entry)`
   * with `end` exclusive. Matches start only at words with a capital letter or a digit, or at a known
   * lowercase start ("al-Qaeda").
   */
  match(
    words: readonly string[],
    found: (start: number, end: number, entry: GazEntry) => void,
  ): void {
    const n = words.length
    let i = 0
    while (i < n) {
      const first = words[i] ?? ''
      const firstKeys = this.keysOf(first)
      if (!mayStartName(first) && !this.lowerStarts.has(firstKeys.name)) {
        i++
        continue
      }
      let best: GazEntry | undefined
      let bestEnd = i
      let raw = ''
      for (let j = i; j < n && j < i + 8; j++) {
        raw = j === i ? first : `${raw} ${words[j] ?? ''}`
        const lower = j === i ? firstKeys.name : nameKey(raw)
        const cased = raw.length > 12 ? '' : j === i ? firstKeys.case : caseKey(raw)
        const entry =
          (cased === '' ? undefined : this.byCaseKey.get(cased)) ?? this.byKey.get(lower)
        if (entry !== undefined) {
          best = entry
          bestEnd = j + 1
        }
        if (!this.prefixes.has(lower)) break
      }
      if (best !== undefined) {
        found(i, bestEnd, best)
        i = bestEnd
      } else {
        i++
      }
    }
  }
}

interface WordKeys {
  readonly name: string
  readonly case: string
}

/** A word with a capital letter or a digit (ASCII fast path for the common lower-case word). */
function mayStartName(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true
    if (c >= 128) return /[\p{Lu}\p{N}]/u.test(word)
  }
  return false
}

let shared: Gazetteer | undefined

/** The gazetteer built from the packages and data files (built once, on first use). */
export function gazetteer(): Gazetteer {
  shared ??= buildGazetteer()
  return shared
}

function buildGazetteer(): Gazetteer {
  const gaz = new Gazetteer()
  // Curated aliases first: they fix canonical names ("United States", "Kyiv") before the packages add theirs.
  for (const [canonical = '', type = 'MISC', kind = '', aliases = ''] of dataRows(
    'entities/aliases.tsv',
  )) {
    const entry = { canonical, type: type as EntityType, kind }
    gaz.add(canonical, entry)
    for (const alias of aliases.split('|')) if (alias.trim() !== '') gaz.add(alias.trim(), entry)
  }
  for (const [phrase = '', type = 'FAC', standsFor = '', standsForType = 'GPE'] of dataRows(
    'entities/metonyms.tsv',
  )) {
    gaz.add(phrase, {
      canonical: phrase,
      type: type as EntityType,
      kind: 'metonym',
      cats: GAZ.facility,
      standsFor: { canonical: standsFor, type: standsForType as EntityType },
    })
  }
  const require = createRequire(import.meta.url)
  const countries = require('world-countries/countries.json') as WorldCountry[]
  for (const country of countries) {
    const canonical = gaz.lookup(country.name.common)?.canonical ?? country.name.common
    const entry = { canonical, type: 'GPE' as const, kind: 'country' }
    gaz.add(country.name.common, entry)
    gaz.add(country.name.official, entry)
    for (const alt of country.altSpellings) {
      // Two-letter ISO codes ("IN", "IT", "AT") are words too; curated short forms live in aliases.tsv.
      if (alt.length > 3 && /^[\p{Script=Latin}\s\-',.()]+$/u.test(alt)) gaz.add(alt, entry)
    }
    for (const capital of country.capital) {
      gaz.add(capital, {
        canonical: capital,
        type: 'GPE',
        kind: 'city',
        cats: GAZ.city | GAZ.capital,
      })
      gaz.capitals.set(nameKey(capital), canonical)
    }
    const demonym = country.demonyms?.eng
    if (demonym !== undefined) {
      for (const form of new Set([demonym.m, demonym.f])) {
        if (form === '') continue
        const norp = {
          canonical: form,
          type: 'NORP' as const,
          kind: 'demonym',
          standsFor: { canonical, type: 'GPE' as const },
        }
        gaz.add(form, norp)
        // Plural nouns: "Americans", "Iraqis"; not for "-ese", "-ish", "-ch" forms ("the Chinese").
        if (/(an|i|ian)$/.test(form)) gaz.add(`${form}s`, norp)
      }
    }
  }
  for (const [name = '', variants = ''] of dataRows('entities/groups.tsv')) {
    const entry = { canonical: name, type: 'NORP' as const, kind: 'group' }
    gaz.add(name, entry)
    for (const v of variants.split('|')) if (v.trim() !== '') gaz.add(v.trim(), entry)
  }
  for (const name of dataLines('entities/first-names.txt')) gaz.firstNames.add(name.trim())
  for (const name of dataLines('entities/first-names-extra.txt'))
    gaz.moreFirstNames.add(name.trim())
  for (const [name = '', country = ''] of dataRows('entities/cities.tsv')) {
    gaz.add(name, {
      canonical: gaz.lookup(name)?.canonical ?? name,
      type: 'GPE',
      kind: 'city',
      cats: GAZ.city,
      standsFor: { canonical: country, type: 'GPE' },
    })
  }
  return gaz
}
