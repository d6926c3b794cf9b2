/**
 * Training of the cue tagger (`src/analyze/claims/cue-tagger.ts`), called by
 * `scripts/train-attribution.ts`: a structured averaged perceptron (Collins 2002, lazy averaging)
 * over BIO tags of every word of every sentence of PolNeAR train, gold from the cue fragments.
 * Deterministic: documents are visited in a seeded order.
 */
import type { Span } from '../src/model/document.js'
import type { Sentence } from '../src/model/analysis.js'
import type { ClaimsLexicon } from '../src/analyze/claims/lexicon.js'
import type { PolnearArticle } from '../src/analyze/claims/polnear.js'
import {
  allowedAfter,
  CueDecoder,
  cueSpans,
  cueTaggerFeatures,
  emptyTagger,
  FEATURES_PER_WORD,
  TAG_B,
  TAG_COUNT,
  TAG_I,
  TAG_O,
  type CueTagger,
} from '../src/analyze/claims/cue-tagger.js'
import { findQuotes } from '../src/analyze/claims/quotes.js'
import { scanWords, type Word } from '../src/analyze/claims/words.js'

/** One sentence, ready to train on or to score: its feature rows, gold tags and gold cue spans. */
export interface TaggedSentence {
  readonly n: number
  readonly feats: Int32Array
  readonly gold: Uint8Array
  readonly words: readonly Word[]
}

/** Gold BIO tags of a sentence's words: each cue fragment is a cue of its own. */
export function goldTags(words: readonly Word[], cues: readonly Span[]): Uint8Array {
  const tags = new Uint8Array(words.length)
  for (const f of cues) {
    let inside = false
    words.forEach((w, i) => {
      if (w.start >= f.start && w.end <= f.end) {
        tags[i] = inside ? TAG_I : TAG_B
        inside = true
      } else if (w.start >= f.end) inside = false
    })
  }
  return tags
}

/** The sentences of an article with features and gold tags. */
export function taggedSentences(
  article: PolnearArticle,
  sentences: readonly Sentence[],
  lexicon: ClaimsLexicon,
  bucketBits: number,
): TaggedSentence[] {
  const { text } = article
  const quotes = findQuotes(text)
  const cues = article.attributions.flatMap((a) => a.cue)
  const out: TaggedSentence[] = []
  for (const s of sentences) {
    const words = scanWords(text, s.start, s.end)
    if (words.length === 0) continue
    const near = quotes.filter((q) => q.start < s.end && s.start < q.end)
    const feats = cueTaggerFeatures(
      words,
      near,
      lexicon,
      bucketBits,
      new Int32Array(words.length * FEATURES_PER_WORD),
    ).slice(0, words.length * FEATURES_PER_WORD)
    const inside = cues.filter((f) => f.start < s.end && s.start < f.end)
    out.push({ n: words.length, feats, gold: goldTags(words, inside), words })
  }
  return out
}

export interface TaggerTraining {
  readonly bucketBits: number
  readonly epochs: number
  readonly seed: number
  readonly log: (line: string) => void
}

/** A structured averaged perceptron over the documents' sentences. */
export function trainCueTagger(
  docs: readonly (readonly TaggedSentence[])[],
  settings: TaggerTraining,
): CueTagger {
  const model = emptyTagger(settings.bucketBits)
  const totals = new Float64Array(model.weights.length)
  const totalTransitions = new Float64Array(model.transitions.length)
  const decoder = new CueDecoder()
  let pred = new Uint8Array(256)
  let c = 1
  let seed = settings.seed
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const order = docs.map((_, i) => i)
  const F = FEATURES_PER_WORD
  const T = TAG_COUNT
  const w = model.weights
  const tr = model.transitions
  /** Adds `delta` to the weight of tag `tag` (B or I; O is fixed at 0) for word i's features. */
  const update = (s: TaggedSentence, i: number, tag: number, delta: number): void => {
    if (tag === TAG_O) return
    for (let j = i * F, end = j + F; j < end; j++) {
      const f = s.feats[j]!
      if (f < 0) break
      const k = f * 2 + tag - 1
      w[k] = w[k]! + delta
      totals[k] = totals[k]! + c * delta
    }
  }
  const updateTransition = (prev: number, next: number, delta: number): void => {
    const k = (prev + 1) * T + next
    tr[k] = tr[k]! + delta
    totalTransitions[k] = totalTransitions[k]! + c * delta
  }
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    let wrong = 0
    let tokens = 0
    for (const d of order) {
      for (const s of docs[d]!) {
        if (pred.length < s.n) pred = new Uint8Array(s.n * 2)
        decoder.viterbi(model, s.feats, s.n, pred)
        tokens += s.n
        for (let i = 0; i < s.n; i++) {
          const g = s.gold[i]!
          const p = pred[i]!
          const gp = i > 0 ? s.gold[i - 1]! : -1
          const pp = i > 0 ? pred[i - 1]! : -1
          if (g !== p) {
            wrong++
            update(s, i, g, 1)
            update(s, i, p, -1)
          }
          // A gold I after a gold O (a fragment cut inside a word run) cannot be learned.
          if ((g !== p || gp !== pp) && allowedAfter(gp, g)) {
            updateTransition(gp, g, 1)
            updateTransition(pp, p, -1)
          }
        }
        c++
      }
    }
    settings.log(`cue tagger epoch ${epoch + 1}: ${wrong} wrong tags of ${tokens}`)
  }
  for (let i = 0; i < w.length; i++) w[i] = w[i]! - totals[i]! / c
  for (let i = 0; i < tr.length; i++) tr[i] = tr[i]! - totalTransitions[i]! / c
  return model
}

/** Exact cue-span precision, recall and F1 of the tagger alone on scored sentences. */
export function scoreTagger(
  model: CueTagger,
  sentences: readonly TaggedSentence[],
): { p: number; r: number; f: number } {
  const decoder = new CueDecoder()
  let pred = new Uint8Array(256)
  let tp = 0
  let np = 0
  let ng = 0
  for (const s of sentences) {
    if (pred.length < s.n) pred = new Uint8Array(s.n * 2)
    decoder.viterbi(model, s.feats, s.n, pred)
    const got = cueSpans(pred, s.n).map(([a, b]) => `${a}:${b}`)
    const want = new Set(cueSpans(s.gold, s.n).map(([a, b]) => `${a}:${b}`))
    np += got.length
    ng += want.size
    for (const g of got) if (want.has(g)) tp++
  }
  const p = np === 0 ? 0 : tp / np
  const r = ng === 0 ? 0 : tp / ng
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) }
}
