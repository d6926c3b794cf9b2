/**
 * @module
 * A cue tagger over every word of a sentence: BIO tags (O, B = first word of a cue, I = a later
 * word), a hashed-feature averaged perceptron with first-order Viterbi decoding. It finds the cues
 * the lexicon does not know ("has faced ridicule online", "could not resist pointing out") and the
 * exact span PolNeAR gives a cue. Trained by `npm run train:attribution` on PolNeAR train
 * (`scripts/cue-tagger-training.ts`); weights in models/attribution/cue-tagger.bin. Training
 * scores the rows of `cueTaggerFeatures`; the stage sums a loaded model's weights straight from
 * the words (`packedEmissions`, the same templates written out): `cue-tagger.test.ts` checks that
 * both tag alike.
 *
 * Scores are kept relative to O (O's score is always 0), so each feature has two weights, B and I.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fnv1a } from '../../ner/hash.js'
import { modelPath } from '../../data-path.js'
import type { ClaimsLexicon } from './lexicon.js'
import type { Quote } from './quotes.js'
import type { Word } from './words.js'

export const TAG_O = 0
export const TAG_B = 1
export const TAG_I = 2
export const TAG_COUNT = 3

export interface CueTagger {
  readonly bucketBits: number
  /** weights[bucket * 2 + tag - 1]: the B and I scores of a feature, relative to O. */
  readonly weights: Float32Array
  /** transitions[(prev + 1) * TAG_COUNT + next]; prev -1 is the sentence start. */
  readonly transitions: Float32Array
  /** Added to every B score at decoding: below 0, fewer and surer cues (tuned on dev). */
  readonly bias: number
  /** B and I weights as two int16 in one int32 (loaded models: one memory read a feature). */
  readonly packed: Int32Array | null
  /** An int16 weight of `packed` stands for weight × scale. */
  readonly scale: number
}

/** Emission of a word that is never a cue (quoted, punctuation): O wins. */
const CLOSED = -1e9
/** First feature slot of a word that is never scored. */
const SKIPPED = -2

/** Features of one word, at most; unused slots are -1. */
export const FEATURES_PER_WORD = 9

export function emptyTagger(bucketBits: number): CueTagger {
  return {
    bucketBits,
    weights: new Float32Array((1 << bucketBits) * 2),
    transitions: new Float32Array((TAG_COUNT + 1) * TAG_COUNT),
    bias: 0,
    packed: null,
    scale: 1,
  }
}

/** Whether tag `next` may follow `prev` (-1: sentence start): I only continues a cue. */
export const allowedAfter = (prev: number, next: number): boolean =>
  next !== TAG_I || prev === TAG_B || prev === TAG_I

const hashOf = (s: string): number => fnv1a(s) | 0
const NONE = hashOf('\u0000none')

/**
 * The bucket of template t's feature with value v: one multiplication and its top bits (Knuth's
 * multiplicative hashing). Module-level, not a closure: the hot loop stays allocation-free.
 */
function bucket(t: number, v: number, shift: number): number {
  return Math.imul(v ^ Math.imul(t, 0x27d4eb2d), 0x9e3779b1) >>> shift
}

/** Words of padding on each side of the per-sentence buffers (the features look 1 word away). */
const PAD = 1

/** Two hashed values as one (a conjunction feature). */
const pair = (a: number, b: number): number => Math.imul(a, 0x85ebca6b) ^ b

/**
 * The cue lexicon's words as bits of their FNV-1a hashes (a Bloom filter with one hash): a word
 * whose bit is clear is not in the lexicon, known without a Map look-up (which would first have to
 * hash the new string; the tagger has its hash already). Made again for another or a grown map.
 */
const FILTER_BITS = 16
let lexiconFilter: {
  readonly cues: ReadonlyMap<string, unknown>
  readonly size: number
  readonly bits: Uint32Array
} | null = null

function lexiconBits(cues: ReadonlyMap<string, unknown>): Uint32Array {
  if (lexiconFilter?.cues === cues && lexiconFilter.size === cues.size) return lexiconFilter.bits
  const bits = new Uint32Array((1 << FILTER_BITS) / 32)
  for (const word of cues.keys()) {
    const bit = fnv1a(word) & ((1 << FILTER_BITS) - 1)
    bits[bit >>> 5] = bits[bit >>> 5]! | (1 << (bit & 31))
  }
  lexiconFilter = { cues, size: cues.size, bits }
  return bits
}

/**
 * How the cue lexicon knows a word: 0 no, 1 learned with low, 2 mid, 3 high precision, 4
 * hand-written. `hash` is the word's `fnv1a(w.lower)`.
 */
function lexiconLevel(lexicon: ClaimsLexicon, w: Word, first: boolean, hash: number): number {
  // No cue has fewer than three letters (a third of the words need no look-up), and the rules
  // read a capitalised word inside a sentence as a name, never as a cue.
  if (!w.isWord || w.lower.length < 3 || (w.upper && !first)) return 0
  const bit = hash & ((1 << FILTER_BITS) - 1)
  if ((lexiconBits(lexicon.cues)[bit >>> 5]! & (1 << (bit & 31))) === 0) return 0
  const entry = lexicon.cues.get(w.lower)
  if (entry === undefined) return 0
  if (entry.origin === 'data') return 4
  const p = entry.precision ?? 0
  return p >= 0.6 ? 3 : p >= 0.4 ? 2 : 1
}

/** Per-sentence buffers of the feature function (the stage is single-threaded). */
let lowerHashes = new Int32Array(64)
let lexLevels = new Int32Array(64)
let scoredWords = new Uint8Array(64)

function growBuffers(n: number): void {
  if (lowerHashes.length >= n) return
  lowerHashes = new Int32Array(n * 2)
  lexLevels = new Int32Array(n * 2)
  scoredWords = new Uint8Array(n * 2)
}

/**
 * Fills the per-sentence buffers: which words are scored, and the hash and lexicon level of the
 * scored words and their neighbours. Word k's values sit at k + PAD, with PAD "none" values on
 * each side: no bound checks in the feature loops.
 */
function wordValues(
  words: readonly Word[],
  quotes: readonly Quote[],
  lexicon: ClaimsLexicon,
): void {
  const n = words.length
  growBuffers(n + 2 * PAD)
  const lower = lowerHashes
  const lex = lexLevels
  for (let k = 0; k < PAD; k++) {
    lower[k] = lower[n + PAD + k] = NONE
    lex[k] = lex[n + PAD + k] = -1
  }
  // Quoted words (21 % of PolNeAR train's words, 0.3 % of its cues) and punctuation other than
  // a colon ("added:") are never cues: no features, no time. The others and their neighbours
  // get their hashes.
  const scored = scoredWords
  let q = 0
  for (let i = 0; i < n; i++) {
    const w = words[i] as Word
    while (q < quotes.length && quotes[q]!.end <= w.start) q++
    const quoted = q < quotes.length && quotes[q]!.start < w.start && w.end < quotes[q]!.end
    scored[i] = quoted || (!w.isWord && w.lower !== ':') ? 0 : 1
  }
  scored[n] = 0
  for (let i = 0, last = -1; i < n; i++) {
    if (scored[i] === 1 || scored[i + 1] === 1 || i - last <= 1) {
      const w = words[i] as Word
      const hash = fnv1a(w.lower)
      lower[i + PAD] = hash | 0
      lex[i + PAD] = lexiconLevel(lexicon, w, i === 0, hash)
    }
    if (scored[i] === 1) last = i
  }
}

/**
 * Feature rows of a sentence's words into `out` (FEATURES_PER_WORD slots a word; returned, grown
 * when too short). `quotes` are the quotations that may reach the sentence. Features: the word,
 * the words before and after it, the pairs (word before, word) and (word, word after), how the
 * cue lexicon knows the word, and with the word before. Of 31 templates tried (suffixes, shapes,
 * words ±2, distances to quote marks, auxiliaries, the subject's shape, …), these 8 gave the best
 * dev F1 of the stage, and the least time.
 */
export function cueTaggerFeatures(
  words: readonly Word[],
  quotes: readonly Quote[],
  lexicon: ClaimsLexicon,
  bucketBits: number,
  out: Int32Array,
): Int32Array {
  const n = words.length
  const F = FEATURES_PER_WORD
  let feats = out
  if (feats.length < n * F) feats = new Int32Array(n * F * 2)
  wordValues(words, quotes, lexicon)
  const shift = 32 - bucketBits
  const lower = lowerHashes
  const lex = lexLevels
  const scored = scoredWords
  for (let i = 0; i < n; i++) {
    let o = i * F
    if (scored[i] === 0) {
      feats[o] = SKIPPED
      continue
    }
    const k = i + PAD
    const wl = lower[k]!
    const prev = lower[k - 1]!
    const next = lower[k + 1]!
    feats[o++] = bucket(1, 0, shift)
    feats[o++] = bucket(2, wl, shift)
    feats[o++] = bucket(3, prev, shift)
    feats[o++] = bucket(4, next, shift)
    feats[o++] = bucket(7, pair(prev, wl), shift)
    feats[o++] = bucket(8, pair(wl, next), shift)
    feats[o++] = bucket(11, lex[k]!, shift)
    feats[o++] = bucket(12, lex[k - 1]! * 8 + lex[k]!, shift)
    feats[o] = -1
  }
  return feats
}

/** Emission scores (B and I relative to O) of `n` words into `em` (2 a word). */
function emit(model: CueTagger, feats: Int32Array, n: number, em: Float32Array): void {
  const F = FEATURES_PER_WORD
  const w = model.weights
  const packed = model.packed
  for (let i = 0; i < n; i++) {
    if (feats[i * F] === SKIPPED) {
      em[i * 2] = CLOSED
      em[i * 2 + 1] = CLOSED
      continue
    }
    let b = 0
    let inside = 0
    if (packed !== null) {
      for (let j = i * F, end = j + F; j < end; j++) {
        const f = feats[j]!
        if (f < 0) break
        const v = packed[f]!
        b += v >> 16
        inside += (v << 16) >> 16
      }
      b *= model.scale
      inside *= model.scale
    } else {
      for (let j = i * F, end = j + F; j < end; j++) {
        const f = feats[j]!
        if (f < 0) break
        b += w[f * 2]!
        inside += w[f * 2 + 1]!
      }
    }
    em[i * 2] = b + model.bias
    em[i * 2 + 1] = inside
  }
}

/** Reused decoding buffers (the stage is single-threaded). */
export class CueDecoder {
  private em = new Float32Array(256)
  private back = new Int8Array(384)

  /**
   * Best BIO sequence of `n` words into `out`: Viterbi over the three tags, written out by hand
   * (the stage runs it on every sentence).
   */
  viterbi(model: CueTagger, feats: Int32Array, n: number, out: Uint8Array): void {
    if (n === 0) return
    emit(model, feats, n, this.emissions(n))
    this.decode(model, n, out)
  }

  /** The emission buffer for `n` words (2 a word: B and I relative to O), to fill before `decode`. */
  emissions(n: number): Float32Array {
    if (this.em.length < n * 2) {
      this.em = new Float32Array(n * 4)
      this.back = new Int8Array(n * 6)
    }
    return this.em
  }

  /** Best BIO sequence of `n` (≥ 1) words from the emissions filled in `emissions(n)`. */
  decode(model: CueTagger, n: number, out: Uint8Array): void {
    const em = this.em
    const tr = model.transitions
    const back = this.back
    // tr[(prev + 1) * 3 + next]; row 0 is the sentence start.
    const oo = tr[3]!,
      ob = tr[4]!,
      bo = tr[6]!,
      bb = tr[7]!,
      bi = tr[8]!,
      io = tr[9]!,
      ib = tr[10]!,
      ii = tr[11]!
    let so = tr[0]!
    let sb = tr[1]! + em[0]!
    let si = Number.NEGATIVE_INFINITY
    for (let i = 1; i < n; i++) {
      const eb = em[i * 2]!
      const ei = em[i * 2 + 1]!
      // To O.
      let o = so + oo
      let argO = TAG_O
      if (sb + bo > o) {
        o = sb + bo
        argO = TAG_B
      }
      if (si + io > o) {
        o = si + io
        argO = TAG_I
      }
      // To B.
      let b = so + ob
      let argB = TAG_O
      if (sb + bb > b) {
        b = sb + bb
        argB = TAG_B
      }
      if (si + ib > b) {
        b = si + ib
        argB = TAG_I
      }
      // To I: only after B or I.
      let inside = sb + bi
      let argI = TAG_B
      if (si + ii > inside) {
        inside = si + ii
        argI = TAG_I
      }
      back[i * 3] = argO
      back[i * 3 + 1] = argB
      back[i * 3 + 2] = argI
      so = o
      sb = b + eb
      si = inside + ei
    }
    let arg = so >= sb && so >= si ? TAG_O : sb >= si ? TAG_B : TAG_I
    for (let i = n - 1; i >= 0; i--) {
      out[i] = arg
      arg = back[i * 3 + arg]!
    }
  }
}

/** Word spans [first, last] of the cues in a BIO sequence. */
export function cueSpans(tags: ArrayLike<number>, n: number): [number, number][] {
  const spans: [number, number][] = []
  for (let i = 0; i < n; i++) {
    if (tags[i] !== TAG_B) continue
    let last = i
    while (last + 1 < n && tags[last + 1] === TAG_I) last++
    spans.push([i, last])
  }
  return spans
}

const decoder = new CueDecoder()
let featureRows: Int32Array = new Int32Array(64 * FEATURES_PER_WORD)
let tagRow = new Uint8Array(64)

/** The cues the tagger finds in a sentence's words, as word spans [first, last]. */
export function tagCues(
  model: CueTagger,
  words: readonly Word[],
  quotes: readonly Quote[],
  lexicon: ClaimsLexicon,
): [number, number][] {
  const n = words.length
  if (n === 0) return []
  if (tagRow.length < n) tagRow = new Uint8Array(n * 2)
  if (model.packed !== null) {
    packedEmissions(model, model.packed, words, quotes, lexicon, decoder.emissions(n))
    decoder.decode(model, n, tagRow)
  } else {
    featureRows = cueTaggerFeatures(words, quotes, lexicon, model.bucketBits, featureRows)
    decoder.viterbi(model, featureRows, n, tagRow)
  }
  return cueSpans(tagRow, n)
}

/** Lexicon levels (0–4) a word may have, and with the level before it (-1 at the start, -1–4). */
const LEVELS = 5
const LEVELS_BEFORE = 6

/**
 * A loaded model's weights of the features that take few values: the constant feature (template
 * 1) and the lexicon levels (11, 12), summed by (level before, level), B and I apart.
 */
interface LevelWeights {
  readonly model: CueTagger
  readonly b: Int32Array
  readonly i: Int32Array
}
let levelWeights: LevelWeights | null = null

function levelWeightsOf(model: CueTagger, packed: Int32Array): LevelWeights {
  if (levelWeights?.model === model) return levelWeights
  const shift = 32 - model.bucketBits
  const b = new Int32Array(LEVELS_BEFORE * LEVELS)
  const i = new Int32Array(LEVELS_BEFORE * LEVELS)
  for (let before = -1; before < LEVELS; before++) {
    for (let level = 0; level < LEVELS; level++) {
      const k = (before + 1) * LEVELS + level
      for (const v of [
        packed[bucket(1, 0, shift)]!,
        packed[bucket(11, level, shift)]!,
        packed[bucket(12, before * 8 + level, shift)]!,
      ]) {
        b[k] = b[k]! + (v >> 16)
        i[k] = i[k]! + ((v << 16) >> 16)
      }
    }
  }
  return (levelWeights = { model, b, i })
}

/**
 * What `emit` gives from `cueTaggerFeatures`' rows, for a loaded model (int16 weights), without
 * the rows: the same features, summed as integers (exact in any order) and scaled the same way.
 * The features that take few values are looked up summed (`levelWeightsOf`).
 */
function packedEmissions(
  model: CueTagger,
  packed: Int32Array,
  words: readonly Word[],
  quotes: readonly Quote[],
  lexicon: ClaimsLexicon,
  em: Float32Array,
): void {
  const n = words.length
  wordValues(words, quotes, lexicon)
  const shift = 32 - model.bucketBits
  const lower = lowerHashes
  const lex = lexLevels
  const scored = scoredWords
  const levels = levelWeightsOf(model, packed)
  const scale = model.scale
  const bias = model.bias
  for (let i = 0; i < n; i++) {
    if (scored[i] === 0) {
      em[i * 2] = CLOSED
      em[i * 2 + 1] = CLOSED
      continue
    }
    const k = i + PAD
    const wl = lower[k]!
    const prev = lower[k - 1]!
    const next = lower[k + 1]!
    const l = (lex[k - 1]! + 1) * LEVELS + lex[k]!
    let b = levels.b[l]!
    let inside = levels.i[l]!
    let v = packed[bucket(2, wl, shift)]!
    b += v >> 16
    inside += (v << 16) >> 16
    v = packed[bucket(3, prev, shift)]!
    b += v >> 16
    inside += (v << 16) >> 16
    v = packed[bucket(4, next, shift)]!
    b += v >> 16
    inside += (v << 16) >> 16
    v = packed[bucket(7, pair(prev, wl), shift)]!
    b += v >> 16
    inside += (v << 16) >> 16
    v = packed[bucket(8, pair(wl, next), shift)]!
    b += v >> 16
    inside += (v << 16) >> 16
    em[i * 2] = b * scale + bias
    em[i * 2 + 1] = inside * scale
  }
}

// ---------------------------------------------------------------------------------------------
// The model file: "CGCUE001", a uint32 length and a JSON header, the transitions as float32, then
// the non-zero buckets as (uint32 bucket, int16 B weight, int16 I weight), weights scaled by the
// header's `scale`.

const MAGIC = 'CGCUE001'

interface TaggerHeader {
  readonly format: 'claimgraph/cue-tagger@1'
  readonly bucketBits: number
  readonly bias: number
  readonly scale: number
  readonly buckets: number
  /** How it was made (read by people). */
  readonly trainedOn: string
}

/** Writes the model, dropping features whose weights are both below `minWeight`; returns buckets kept. */
export function saveTagger(
  path: string,
  model: CueTagger,
  minWeight: number,
  trainedOn: string,
): number {
  const w = model.weights
  let top = 0
  for (const v of w) top = Math.max(top, Math.abs(v))
  const scale = Math.max(top, 1e-9) / 32767
  const rows: number[] = []
  for (let b = 0; b < 1 << model.bucketBits; b++) {
    const vb = w[b * 2]!
    const vi = w[b * 2 + 1]!
    if (Math.abs(vb) < minWeight && Math.abs(vi) < minWeight) continue
    rows.push(b, Math.round(vb / scale), Math.round(vi / scale))
  }
  const header: TaggerHeader = {
    format: 'claimgraph/cue-tagger@1',
    bucketBits: model.bucketBits,
    bias: model.bias,
    scale,
    buckets: rows.length / 3,
    trainedOn,
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const out = Buffer.alloc(
    8 + 4 + json.length + model.transitions.length * 4 + (rows.length / 3) * 8,
  )
  let o = out.write(MAGIC, 0, 'latin1')
  o = out.writeUInt32LE(json.length, o)
  o += json.copy(out, o)
  for (const v of model.transitions) o = out.writeFloatLE(v, o)
  for (let r = 0; r < rows.length; r += 3) {
    o = out.writeUInt32LE(rows[r]!, o)
    o = out.writeInt16LE(rows[r + 1]!, o)
    o = out.writeInt16LE(rows[r + 2]!, o)
  }
  writeFileSync(path, out)
  return header.buckets
}

export function decodeTagger(bytes: Buffer): CueTagger {
  if (bytes.toString('latin1', 0, 8) !== MAGIC) throw new TypeError('not a claimgraph cue tagger')
  const len = bytes.readUInt32LE(8)
  const header = JSON.parse(bytes.toString('utf8', 12, 12 + len)) as TaggerHeader
  const model = emptyTagger(header.bucketBits)
  let o = 12 + len
  for (let i = 0; i < model.transitions.length; i++, o += 4)
    model.transitions[i] = bytes.readFloatLE(o)
  const packed = new Int32Array(1 << header.bucketBits)
  for (let k = 0; k < header.buckets; k++, o += 8) {
    const b = bytes.readUInt32LE(o)
    const vb = bytes.readInt16LE(o + 4)
    const vi = bytes.readInt16LE(o + 6)
    model.weights[b * 2] = vb * header.scale
    model.weights[b * 2 + 1] = vi * header.scale
    packed[b] = (vb << 16) | (vi & 0xffff)
  }
  return { ...model, bias: header.bias, packed, scale: header.scale }
}

let loaded: { path: string; model: CueTagger | null } | null = null

/** The default path, made once: the stage asks for the model for every document. */
const TAGGER_PATH = modelPath('attribution/cue-tagger.bin')

/** The trained tagger, read once, or null before `npm run train:attribution` has written it. */
export function cueTagger(path = TAGGER_PATH): CueTagger | null {
  if (loaded?.path !== path) {
    loaded = { path, model: existsSync(path) ? decodeTagger(readFileSync(path)) : null }
  }
  return loaded.model
}
