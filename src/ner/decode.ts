/**
 * @module
 * Scoring and first-order Viterbi decoding over BILOU tags with hard transition constraints.
 * All buffers are typed arrays reused across sentences.
 */
import { FEATURES_PER_TOKEN } from './features.js'
import type { NerModel } from './model.js'
import { allowed, TAG_COUNT } from './tags.js'

const T = TAG_COUNT
/** allowedMask[(prev + 1) * T + next] */
const ALLOWED = new Uint8Array((T + 1) * T)
for (let p = -1; p < T; p++)
  for (let t = 0; t < T; t++) ALLOWED[(p + 1) * T + t] = allowed(p, t) ? 1 : 0
/** For each tag, the tags allowed before it: PRED_LIST[PRED_START[t] .. PRED_START[t + 1]). */
const PRED_START = new Int32Array(T + 1)
const PRED_LIST: number[] = []
for (let t = 0; t < T; t++) {
  PRED_START[t] = PRED_LIST.length
  for (let p = 0; p < T; p++) if (ALLOWED[(p + 1) * T + t]) PRED_LIST.push(p)
}
PRED_START[T] = PRED_LIST.length
const PREDS = Int32Array.from(PRED_LIST)
/** Tags that may end a sentence (O, L, U). */
const FINAL = new Uint8Array(T)
for (let t = 0; t < T; t++) FINAL[t] = allowed(t, 0) ? 1 : 0

export class Decoder {
  private emissions = new Float32Array(64 * T)
  private scores = new Float32Array(64 * T)
  private back = new Int8Array(64 * T)

  /** Emission scores for `n` tokens from their feature rows. */
  emit(model: NerModel, feats: Int32Array, n: number): Float32Array {
    if (this.emissions.length < n * T) this.grow(n)
    const em = this.emissions
    em.fill(0, 0, n * T)
    const w = model.weights
    const F = FEATURES_PER_TOKEN
    for (let i = 0; i < n; i++) {
      const eo = i * T
      for (let j = i * F, end = j + F; j < end; j++) {
        const f = feats[j] ?? -1
        if (f < 0) break
        const wo = f * T
        for (let t = 0; t < T; t++) em[eo + t] = (em[eo + t] ?? 0) + (w[wo + t] ?? 0)
      }
    }
    return em
  }

  /** Best tag sequence into `out` (length ≥ n). */
  viterbi(model: NerModel, feats: Int32Array, n: number, out: Uint8Array): void {
    if (n === 0) return
    const em = this.emit(model, feats, n)
    const tr = model.transitions
    const sc = this.scores
    const back = this.back
    for (let t = 0; t < T; t++) sc[t] = ALLOWED[t] ? (em[t] ?? 0) + (tr[t] ?? 0) : -Infinity
    for (let i = 1; i < n; i++) {
      const po = (i - 1) * T
      const co = i * T
      for (let t = 0; t < T; t++) {
        let best = -Infinity
        let arg = 0
        for (let k = PRED_START[t] ?? 0, end = PRED_START[t + 1] ?? 0; k < end; k++) {
          const p = PREDS[k] ?? 0
          const s = (sc[po + p] ?? -Infinity) + (tr[(p + 1) * T + t] ?? 0)
          if (s > best) {
            best = s
            arg = p
          }
        }
        sc[co + t] = best + (em[co + t] ?? 0)
        back[co + t] = arg
      }
    }
    let best = -Infinity
    let arg = 0
    const lo = (n - 1) * T
    for (let t = 0; t < T; t++) {
      const s = sc[lo + t] ?? -Infinity
      if (FINAL[t] && s > best) {
        best = s
        arg = t
      }
    }
    for (let i = n - 1; i >= 0; i--) {
      out[i] = arg
      arg = back[i * T + arg] ?? 0
    }
  }

  private grow(n: number): void {
    const size = n * 2 * T
    this.emissions = new Float32Array(size)
    this.scores = new Float32Array(size)
    this.back = new Int8Array(size)
  }
}
