/**
 * @module
 * Feature extraction for the tagger. Every feature is a 32-bit hash of (template, value), reduced
 * to a bucket of the weight table. Word-level value hashes (word, lowercase, affixes, shape,
 * cluster path prefixes, title) are computed once per distinct word and cached; context features
 * combine neighbours' cached hashes with integer mixing, so the hot path does no string building.
 */
import { GAZ_CATEGORY_COUNT, type GazEntry, type Gazetteer } from './gazetteer.js'
import { fnv1a as fnv1aImported, mix as mixImported } from './hash.js'
import { TAG_COUNT } from './tags.js'

// Local bindings: under a CommonJS transform (tsx for scripts outside the package) every call to an
// imported function goes through a getter; the hot loop should not pay for that.
const fnv1a = fnv1aImported
const mix = mixImported

/** Word-level value slots in a cached entry. */
const W_WORD = 0
const W_LOWER = 1
const W_PRE = 2 // 4 prefixes: 2..5
const W_SUF = 6 // 4 suffixes: 6..9
const W_SHAPE = 10
const W_SHORT = 11
const W_C1 = 12
const W_C2 = 13
const W_C3 = 14
const W_FLAGS = 15
const W_CASE = 16
const W_SIZE = 17

/**
 * With frozen int16 weights (a loaded model), a word's entry also holds the summed weights of the
 * features that depend on that word alone, per role: as the current word, as the word one or two
 * before, one or two after. The tagger then looks up 5 cached sums instead of 25 hashed buckets.
 */
const T = TAG_COUNT
const P_SELF = W_SIZE
const P_P1 = W_SIZE + T
const P_P2 = W_SIZE + 2 * T
const P_N1 = W_SIZE + 3 * T
const P_N2 = W_SIZE + 4 * T
/** Templates 13, 14, 31, 55 for a word neither first in its sentence nor on a headline line. */
const P_ORDINARY = W_SIZE + 5 * T
const W_SIZE_FROZEN = W_SIZE + 6 * T

/** Flag bits in W_FLAGS. */
const F_CAP = 1
const F_ALLCAPS = 2
const F_TITLE = 4
const F_LOWER = 8
const F_FIRST_NAME = 16

/** Maximum features per token (the extractor writes exactly this many, padding with -1). */
export const FEATURES_PER_TOKEN = 64

export interface FeatureResources {
  readonly clusters: ReadonlyMap<string, string>
  /** lowercase word → 0 (always lower case in running text) … 4 (always capitalised). */
  readonly caseProfile: ReadonlyMap<string, number>
  readonly gazetteer: Gazetteer
  /** Title keys (lowercase, no trailing dot). */
  readonly titles: ReadonlySet<string>
}

const PAD = 0x5f3759df

/** First character is an upper-case letter (ASCII fast path). */
export function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0)
  if (c < 128) return c >= 65 && c <= 90
  return /^\p{Lu}/u.test(w)
}

/** First character is a lower-case letter (ASCII fast path). */
function startsLower(w: string): boolean {
  const c = w.charCodeAt(0)
  if (c < 128) return c >= 97 && c <= 122
  return /^\p{Ll}/u.test(w)
}

/** First character is a letter (ASCII fast path). */
function startsLetter(w: string): boolean {
  const c = w.charCodeAt(0)
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return /^\p{L}/u.test(w)
}

/** "JOHN" → "John". */
function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()
}

/**
 * 1 for an all-caps line ("REBELS SEIZE TOWN"), 2 for a title-case line ("Rebels Seize Town Near
 * Donetsk"), 0 otherwise: in both kinds, capitals say little about names.
 */
export function lineCase(words: readonly string[]): number {
  let letters = 0
  let caps = 0
  let initial = 0
  for (const w of words) {
    if (!startsLetter(w)) continue
    letters++
    if (!hasLower(w)) caps++
    if (startsUpper(w)) initial++
  }
  if (letters >= 2 && caps === letters) return 1
  if (letters >= 4 && initial / letters >= 0.8) return 2
  return 0
}

/** Has a lower-case letter (ASCII fast path): "NATO" and "U.S." have none. */
function hasLower(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i)
    if (c >= 97 && c <= 122) return true
    if (c >= 128) return w !== w.toUpperCase()
  }
  return false
}

function shapeOf(word: string, collapse: boolean): string {
  let out = ''
  let last = ''
  for (let i = 0; i < word.length && out.length < 12; i++) {
    const ch = word[i] ?? ''
    let c: string
    if (/\p{Lu}/u.test(ch)) c = 'X'
    else if (/\p{Ll}/u.test(ch)) c = 'x'
    else if (/\p{N}/u.test(ch)) c = 'd'
    else c = ch
    if (collapse && c === last) continue
    out += c
    last = c
  }
  return out
}

/**
 * What the rest of the document says about a word, without any prediction (context aggregation):
 * whether it also occurs in lower case, capitalised inside a sentence, inside a longer capitalised
 * run (and that run's first and last words), and which words precede it. Keyed by lowercase word.
 */
export class DocContext {
  /** lowercase word → [flags, run-first hash, run-last hash, prev1, prev2, prev3] */
  readonly info = new Map<string, Int32Array>()
  /**
   * Prediction history (Ratinov & Roth 2009): for capitalised words tagged earlier in this
   * document, how often each type was predicted (index 0 O, 1 + CoNLL type index).
   */
  readonly history = new Map<string, Int32Array>()

  /** Forget the prediction history (before tagging the document again). */
  resetHistory(): void {
    this.history.clear()
  }

  /** Records a tagged sentence: `types[i]` is −1 for O, else the CoNLL type index. */
  record(words: readonly string[], types: ArrayLike<number>): void {
    for (let i = 0; i < words.length; i++) {
      const w = words[i] ?? ''
      if (!startsUpper(w)) continue
      const key = w.toLowerCase()
      let h = this.history.get(key)
      if (h === undefined) {
        h = new Int32Array(5)
        this.history.set(key, h)
      }
      const t = (types[i] ?? -1) + 1
      h[t] = (h[t] ?? 0) + 1
    }
  }

  constructor(sentences: readonly (readonly string[])[]) {
    const lowers: string[] = []
    for (const words of sentences) {
      if (lineCase(words) !== 0) continue // headline casing: no case evidence
      const n = words.length
      for (let i = 0; i < n; i++) lowers[i] = (words[i] ?? '').toLowerCase()
      let i = 0
      while (i < n) {
        const w = words[i] ?? ''
        const e = this.entry(lowers[i] ?? '')
        const upper = startsUpper(w)
        if (startsLower(w)) e[0] = (e[0] ?? 0) | 1
        if (upper && i > 0) e[0] = (e[0] ?? 0) | 2
        const prev = i > 0 ? fnv1a(lowers[i - 1] ?? '', 31) : 77
        for (let k = 3; k <= 5; k++) {
          if (e[k] === prev) break
          if (e[k] === 0) {
            e[k] = prev
            break
          }
        }
        // A capitalised run of two or more words, not starting the sentence.
        if (upper) {
          let end = i + 1
          while (end < n && startsUpper(words[end] ?? '')) end++
          if (end - i >= 2 && i > 0) {
            const first = fnv1a(lowers[i] ?? '', 32)
            const last = fnv1a(lowers[end - 1] ?? '', 33)
            for (let k = i; k < end; k++) {
              const ek = this.entry(lowers[k] ?? '')
              ek[0] = (ek[0] ?? 0) | 4
              if (k > i && ek[1] === 0) ek[1] = first
              if (k < end - 1 && ek[2] === 0) ek[2] = last
            }
          }
        }
        i++
      }
    }
  }

  private entry(key: string): Int32Array {
    let e = this.info.get(key)
    if (e === undefined) {
      e = new Int32Array(6)
      this.info.set(key, e)
    }
    return e
  }
}

const NO_DOC = new Int32Array(6)

/** A gazetteer name over words `[start, end)`. */
export interface GazMatch {
  readonly start: number
  readonly end: number
  readonly entry: GazEntry
}

/** Extracts hashed features for sentences, reusing per-word work across calls. */
export class FeatureExtractor {
  private readonly cache = new Map<string, Int32Array>()
  private readonly lowers = new Map<string, string>()
  /** The last sentence's gazetteer matches (callers that need them too need not match again). */
  readonly matches: GazMatch[] = []
  private readonly mask: number
  private gazCats: Int32Array
  private gazPos: Int32Array
  private rows: Int32Array[] = []
  /** Loaded-model weights whose per-word partial sums are cached in the word entries. */
  private frozen: Int16Array | undefined
  private startRow: Int32Array = Int32Array.from({ length: W_SIZE }, (_, j) =>
    j === W_FLAGS ? 64 : 0x2f1a,
  )
  private endRow: Int32Array = Int32Array.from({ length: W_SIZE }, (_, j) =>
    j === W_FLAGS ? 128 : 0x3e2b,
  )

  constructor(
    private readonly resources: FeatureResources,
    private readonly bucketBits: number,
  ) {
    this.mask = (1 << bucketBits) - 1
    this.gazCats = new Int32Array(256)
    this.gazPos = new Int32Array(256)
  }

  /** The gazetteer behind the gazetteer features. */
  get gazetteer(): Gazetteer {
    return this.resources.gazetteer
  }

  /**
   * A new extractor over the same resources for a loaded model's fixed int16 weights: its word
   * entries carry the summed weights of word-only features, and `extractFrozen` leaves those
   * features out of the feature rows (same emission scores, about half the weight lookups).
   */
  withFrozenWeights(weights: Int16Array): FeatureExtractor {
    const copy = new FeatureExtractor(this.resources, this.bucketBits)
    copy.frozen = weights
    const start = new Int32Array(W_SIZE_FROZEN)
    start.set(copy.startRow)
    const end = new Int32Array(W_SIZE_FROZEN)
    end.set(copy.endRow)
    copy.fillPartials(start)
    copy.fillPartials(end)
    copy.startRow = start
    copy.endRow = end
    return copy
  }

  /** Sums the frozen weights of the word-only features into the entry's partial slots. */
  private fillPartials(e: Int32Array): void {
    const w = this.frozen
    if (w === undefined) return
    const mask = this.mask
    const add = (slot: number, template: number, value: number): void => {
      const o = (mix(template, value) & mask) * T
      for (let t = 0; t < T; t++) e[slot + t] = (e[slot + t] ?? 0) + (w[o + t] ?? 0)
    }
    add(P_SELF, 1, 0) // bias
    add(P_SELF, 2, e[W_WORD] ?? 0)
    add(P_SELF, 3, e[W_LOWER] ?? 0)
    for (let j = 0; j < 4; j++) add(P_SELF, 4 + j, e[W_PRE + j] ?? 0)
    for (let j = 0; j < 4; j++) add(P_SELF, 8 + j, e[W_SUF + j] ?? 0)
    add(P_SELF, 12, e[W_SHAPE] ?? 0)
    add(P_SELF, 15, e[W_C1] ?? 0)
    add(P_SELF, 16, e[W_C2] ?? 0)
    add(P_SELF, 17, e[W_C3] ?? 0)
    add(P_SELF, 35, mix(e[W_C2] ?? 0, e[W_SHORT] ?? 0))
    add(P_ORDINARY, 13, mix(e[W_SHORT] ?? 0, 0))
    add(P_ORDINARY, 14, mix(e[W_SHORT] ?? 0, 0))
    add(P_ORDINARY, 31, mix(e[W_LOWER] ?? 0, 0))
    add(P_ORDINARY, 55, mix(e[W_CASE] ?? 0, mix(0, 0)))
    add(P_P1, 18, e[W_LOWER] ?? 0)
    add(P_P1, 24, e[W_SHORT] ?? 0)
    add(P_P1, 27, e[W_C2] ?? 0)
    add(P_P1, 29, e[W_C3] ?? 0)
    add(P_P2, 19, e[W_LOWER] ?? 0)
    add(P_N1, 20, e[W_LOWER] ?? 0)
    add(P_N1, 25, e[W_SHORT] ?? 0)
    add(P_N1, 28, e[W_C2] ?? 0)
    add(P_N1, 30, e[W_C3] ?? 0)
    add(P_N2, 21, e[W_LOWER] ?? 0)
  }

  private wordEntry(word: string): Int32Array {
    let e = this.cache.get(word)
    if (e !== undefined) return e
    if (this.cache.size > (this.frozen === undefined ? 500_000 : 150_000)) {
      this.cache.clear()
      this.lowers.clear()
    }
    e = new Int32Array(this.frozen === undefined ? W_SIZE : W_SIZE_FROZEN)
    const lower = word.toLowerCase()
    e[W_WORD] = fnv1a(word)
    e[W_LOWER] = fnv1a(lower)
    for (let k = 1; k <= 4; k++) {
      e[W_PRE + k - 1] = word.length >= k ? fnv1a(word.slice(0, k), k) : PAD
      e[W_SUF + k - 1] = word.length >= k ? fnv1a(word.slice(-k), 100 + k) : PAD
    }
    e[W_SHAPE] = fnv1a(shapeOf(word, false), 7)
    e[W_SHORT] = fnv1a(shapeOf(word, true), 8)
    const path = this.resources.clusters.get(word) ?? this.resources.clusters.get(lower)
    if (path === undefined) {
      e[W_C1] = e[W_C2] = e[W_C3] = PAD
    } else {
      const parts = path.split('.')
      e[W_C1] = fnv1a(parts.slice(0, 1).join('.'), 11)
      e[W_C2] = fnv1a(parts.slice(0, 2).join('.'), 12)
      e[W_C3] = fnv1a(path, 13)
    }
    let flags = 0
    if (startsUpper(word)) flags |= F_CAP
    if (/\p{L}/u.test(word) && word === word.toUpperCase()) flags |= F_ALLCAPS
    if (startsLower(word)) flags |= F_LOWER
    if (this.resources.titles.has(lower.replace(/\.$/, ''))) flags |= F_TITLE
    if (
      this.resources.gazetteer.firstNames.has(word) ||
      this.resources.gazetteer.firstNames.has(titleCase(word))
    )
      flags |= F_FIRST_NAME
    e[W_FLAGS] = flags
    e[W_CASE] = (this.resources.caseProfile.get(lower) ?? 5) + 1
    this.fillPartials(e)
    this.cache.set(word, e)
    this.lowers.set(word, lower)
    return e
  }

  /**
   * Writes FEATURES_PER_TOKEN bucket indices per word into `out` (resized as needed) and returns it.
   */
  extract(words: readonly string[], out?: Int32Array, doc?: DocContext): Int32Array {
    return this.run(words, out, doc, undefined)
  }

  /**
   * For an extractor made by `withFrozenWeights`: writes the features that are not cached as word
   * sums into the returned rows, and each token's cached sums (TAG_COUNT per token) into `base`.
   */
  extractFrozen(
    words: readonly string[],
    out: Int32Array | undefined,
    base: Int32Array,
    doc?: DocContext,
  ): Int32Array {
    if (this.frozen === undefined) throw new RangeError('extractFrozen needs frozen weights')
    return this.run(words, out, doc, base)
  }

  private run(
    words: readonly string[],
    out: Int32Array | undefined,
    doc: DocContext | undefined,
    base: Int32Array | undefined,
  ): Int32Array {
    const n = words.length
    const F = FEATURES_PER_TOKEN
    const feats =
      out !== undefined && out.length >= n * F ? out : new Int32Array(Math.max(n, 64) * F)
    while (this.rows.length < n) this.rows.push(new Int32Array(W_SIZE))
    const rows = this.rows
    for (let i = 0; i < n; i++) rows[i] = this.wordEntry(words[i] ?? '')
    const allCapsLine = lineCase(words)
    const matches = this.matches
    matches.length = 0
    // Gazetteer: BILOU position × category bits per word.
    if (this.gazCats.length < n) this.growGaz(n)
    this.gazCats.fill(0, 0, n)
    this.gazPos.fill(0, 0, n)
    this.resources.gazetteer.match(words, (start, end, entry) => {
      matches.push({ start, end, entry })
      for (let i = start; i < end; i++) {
        this.gazCats[i] = entry.cats
        this.gazPos[i] = end - start === 1 ? 4 : i === start ? 1 : i === end - 1 ? 3 : 2
      }
    })
    const mask = this.mask
    const empty = this.emptyRow
    let k = 0
    const put = (template: number, value: number): void => {
      feats[k++] = mix(template, value) & mask
    }
    for (let i = 0; i < n; i++) {
      const c = rows[i] ?? empty
      const p1 = i > 0 ? (rows[i - 1] ?? empty) : this.startRow
      const p2 = i > 1 ? (rows[i - 2] ?? empty) : this.startRow
      const n1 = i + 1 < n ? (rows[i + 1] ?? empty) : this.endRow
      const n2 = i + 2 < n ? (rows[i + 2] ?? empty) : this.endRow
      k = i * F
      const first = i === 0 ? 1 : 0
      if (base === undefined) {
        put(1, 0) // bias
        put(2, c[W_WORD] ?? 0)
        put(3, c[W_LOWER] ?? 0)
        for (let j = 0; j < 4; j++) put(4 + j, c[W_PRE + j] ?? 0)
        for (let j = 0; j < 4; j++) put(8 + j, c[W_SUF + j] ?? 0)
        put(12, c[W_SHAPE] ?? 0)
        put(13, mix(c[W_SHORT] ?? 0, first))
        put(14, mix(c[W_SHORT] ?? 0, allCapsLine))
        put(15, c[W_C1] ?? 0)
        put(16, c[W_C2] ?? 0)
        put(17, c[W_C3] ?? 0)
        put(18, p1[W_LOWER] ?? 0)
        put(19, p2[W_LOWER] ?? 0)
        put(20, n1[W_LOWER] ?? 0)
        put(21, n2[W_LOWER] ?? 0)
        put(22, mix(p1[W_LOWER] ?? 0, c[W_LOWER] ?? 0))
        put(23, mix(c[W_LOWER] ?? 0, n1[W_LOWER] ?? 0))
        put(24, p1[W_SHORT] ?? 0)
        put(25, n1[W_SHORT] ?? 0)
        put(26, mix(p1[W_SHORT] ?? 0, mix(c[W_SHORT] ?? 0, n1[W_SHORT] ?? 0)))
        put(27, p1[W_C2] ?? 0)
        put(28, n1[W_C2] ?? 0)
        put(29, p1[W_C3] ?? 0)
        put(30, n1[W_C3] ?? 0)
        put(31, mix(c[W_LOWER] ?? 0, allCapsLine))
        put(32, mix(p1[W_FLAGS] ?? 0, c[W_FLAGS] ?? 0))
        put(33, mix(c[W_FLAGS] ?? 0, n1[W_FLAGS] ?? 0))
        put(34, mix(p1[W_SUF + 2] ?? 0, c[W_SHORT] ?? 0))
        put(35, mix(c[W_C2] ?? 0, c[W_SHORT] ?? 0))
        put(36, mix(p1[W_WORD] ?? 0, c[W_SHORT] ?? 0))
        put(37, mix(n1[W_WORD] ?? 0, c[W_SHORT] ?? 0))
        put(55, mix(c[W_CASE] ?? 0, mix(first, allCapsLine)))
      } else {
        // Templates 1-12, 15-21, 24, 25, 27-30, 35 (and 13, 14, 31, 55 inside an ordinary
        // sentence, not at its start): summed once per word and role (`fillPartials`).
        const bo = i * T
        const ordinary = first === 0 && allCapsLine === 0
        for (let t = 0; t < T; t++) {
          base[bo + t] =
            (c[P_SELF + t] ?? 0) +
            (p1[P_P1 + t] ?? 0) +
            (p2[P_P2 + t] ?? 0) +
            (n1[P_N1 + t] ?? 0) +
            (n2[P_N2 + t] ?? 0) +
            (ordinary ? (c[P_ORDINARY + t] ?? 0) : 0)
        }
        if (!ordinary) {
          put(13, mix(c[W_SHORT] ?? 0, first))
          put(14, mix(c[W_SHORT] ?? 0, allCapsLine))
          put(31, mix(c[W_LOWER] ?? 0, allCapsLine))
          put(55, mix(c[W_CASE] ?? 0, mix(first, allCapsLine)))
        }
        put(22, mix(p1[W_LOWER] ?? 0, c[W_LOWER] ?? 0))
        put(23, mix(c[W_LOWER] ?? 0, n1[W_LOWER] ?? 0))
        put(26, mix(p1[W_SHORT] ?? 0, mix(c[W_SHORT] ?? 0, n1[W_SHORT] ?? 0)))
        put(32, mix(p1[W_FLAGS] ?? 0, c[W_FLAGS] ?? 0))
        put(33, mix(c[W_FLAGS] ?? 0, n1[W_FLAGS] ?? 0))
        put(34, mix(p1[W_SUF + 2] ?? 0, c[W_SHORT] ?? 0))
        put(36, mix(p1[W_WORD] ?? 0, c[W_SHORT] ?? 0))
        put(37, mix(n1[W_WORD] ?? 0, c[W_SHORT] ?? 0))
      }
      put(56, mix(c[W_CASE] ?? 0, mix(p1[W_CASE] ?? 0, n1[W_CASE] ?? 0)))
      put(
        54,
        mix(
          (p1[W_FLAGS] ?? 0) & F_FIRST_NAME,
          mix(c[W_FLAGS] ?? 0, (n1[W_FLAGS] ?? 0) & (F_CAP | F_FIRST_NAME)),
        ),
      )
      // Gazetteer position and categories of this word and its neighbours.
      const cats = this.gazCats[i] ?? 0
      const pos = this.gazPos[i] ?? 0
      put(38, mix(pos, cats))
      put(
        39,
        mix(i > 0 ? (this.gazCats[i - 1] ?? 0) : -1, i + 1 < n ? (this.gazCats[i + 1] ?? 0) : -1),
      )
      // Document context for capitalised words.
      if (doc !== undefined && ((c[W_FLAGS] ?? 0) & F_CAP) !== 0) {
        const lower = this.lowers.get(words[i] ?? '') ?? ''
        const d = doc.info.get(lower) ?? NO_DOC
        put(60, mix(d[0] ?? 0, mix(first, allCapsLine)))
        if (d[1] !== 0) put(61, d[1] ?? 0)
        if (d[2] !== 0) put(62, d[2] ?? 0)
        for (let j = 3; j <= 5; j++) if (d[j] !== 0) put(63, d[j] ?? 0)
        const h = doc.history.get(lower)
        if (h !== undefined) {
          let best = 0
          let total = 0
          for (let t = 0; t < 5; t++) {
            total += h[t] ?? 0
            if ((h[t] ?? 0) > (h[best] ?? 0)) best = t
          }
          const unanimous = (h[best] ?? 0) === total ? 1 : 0
          put(57, mix(best, unanimous))
          put(58, mix(best, c[W_SHORT] ?? 0))
        }
      }
      for (let b = 0; b < GAZ_CATEGORY_COUNT && k < (i + 1) * F; b++) {
        if ((cats & (1 << b)) !== 0) put(40 + b, pos)
      }
      while (k < (i + 1) * F) feats[k++] = -1
    }
    return feats
  }

  private readonly emptyRow = new Int32Array(W_SIZE_FROZEN)

  private growGaz(n: number): void {
    this.gazCats = new Int32Array(n * 2)
    this.gazPos = new Int32Array(n * 2)
  }
}
