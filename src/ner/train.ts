/**
 * @module
 * Structured averaged perceptron (Collins 2002) over the hashed features with Viterbi decoding.
 * Averaging uses the lazy trick: alongside each weight w we keep u += c·Δ, and the averaged weight
 * is w − u / c at the end.
 */
import { Decoder } from './decode.js'
import { FEATURES_PER_TOKEN, type DocContext, type FeatureExtractor } from './features.js'
import { emptyModel, type NerModel } from './model.js'
import { rng } from './clusters.js'
import { spansFromTags, TAG_COUNT } from './tags.js'
import { recordSpans } from './tagger.js'

export interface TrainSentence {
  readonly words: readonly string[]
  readonly gold: Uint8Array
  readonly doc?: DocContext
}

export interface TrainSettings {
  readonly bucketBits: number
  readonly epochs: number
  readonly seed: number
}

export class PerceptronTrainer {
  readonly model: NerModel
  private readonly totals: Float64Array
  private readonly totalTransitions: Float64Array
  private c = 1
  private readonly decoder = new Decoder()
  private pred = new Uint8Array(256)
  private feats: Int32Array = new Int32Array(256 * FEATURES_PER_TOKEN)

  constructor(
    private readonly extractor: FeatureExtractor,
    readonly settings: TrainSettings,
  ) {
    this.model = emptyModel(settings.bucketBits)
    this.totals = new Float64Array(this.model.weights.length)
    this.totalTransitions = new Float64Array(this.model.transitions.length)
  }

  /**
   * One pass over the documents in a seeded random order, each document's sentences in order (the
   * prediction history needs it); returns the token error rate.
   */
  epoch(docs: readonly (readonly TrainSentence[])[], epochIndex: number): number {
    const order = docs.map((_, i) => i)
    const random = rng(this.settings.seed + epochIndex)
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      const tmp = order[i] ?? 0
      order[i] = order[j] ?? 0
      order[j] = tmp
    }
    let errors = 0
    let tokens = 0
    for (const index of order) {
      const doc = docs[index] ?? []
      for (const s of doc) s.doc?.resetHistory()
      for (const s of doc) {
        errors += this.update(s)
        tokens += s.words.length
        this.c++
      }
    }
    return errors / Math.max(1, tokens)
  }

  private update(s: TrainSentence): number {
    const n = s.words.length
    if (n === 0) return 0
    if (this.pred.length < n) this.pred = new Uint8Array(n * 2)
    this.feats = this.extractor.extract(s.words, this.feats, s.doc)
    this.decoder.viterbi(this.model, this.feats, n, this.pred)
    if (s.doc !== undefined) recordSpans(s.doc, s.words, spansFromTags(this.pred, n))
    let wrong = 0
    for (let i = 0; i < n; i++) if (this.pred[i] !== s.gold[i]) wrong++
    if (wrong === 0) return 0
    const w = this.model.weights
    const u = this.totals
    const c = this.c
    const F = FEATURES_PER_TOKEN
    const T = TAG_COUNT
    for (let i = 0; i < n; i++) {
      const g = s.gold[i] ?? 0
      const p = this.pred[i] ?? 0
      if (g !== p) {
        for (let j = i * F, end = j + F; j < end; j++) {
          const f = this.feats[j] ?? -1
          if (f < 0) break
          w[f * T + g] = (w[f * T + g] ?? 0) + 1
          u[f * T + g] = (u[f * T + g] ?? 0) + c
          w[f * T + p] = (w[f * T + p] ?? 0) - 1
          u[f * T + p] = (u[f * T + p] ?? 0) - c
        }
      }
      const gp = i > 0 ? (s.gold[i - 1] ?? 0) : -1
      const pp = i > 0 ? (this.pred[i - 1] ?? 0) : -1
      if (g !== p || gp !== pp) {
        const tr = this.model.transitions
        const ut = this.totalTransitions
        tr[(gp + 1) * T + g] = (tr[(gp + 1) * T + g] ?? 0) + 1
        ut[(gp + 1) * T + g] = (ut[(gp + 1) * T + g] ?? 0) + c
        tr[(pp + 1) * T + p] = (tr[(pp + 1) * T + p] ?? 0) - 1
        ut[(pp + 1) * T + p] = (ut[(pp + 1) * T + p] ?? 0) - c
      }
    }
    return wrong
  }

  /** The averaged model (a copy; training can go on). */
  averaged(): NerModel {
    const out = emptyModel(this.settings.bucketBits)
    const c = this.c
    const w = this.model.weights
    for (let i = 0; i < w.length; i++) out.weights[i] = (w[i] ?? 0) - (this.totals[i] ?? 0) / c
    const tr = this.model.transitions
    for (let i = 0; i < tr.length; i++)
      out.transitions[i] = (tr[i] ?? 0) - (this.totalTransitions[i] ?? 0) / c
    return out
  }
}
