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

  private zeros = new Int32Array(64 * T)

  /**
   * Emission scores for `n` tokens from their feature rows; `base` (int16 models only) holds
   * per-token integer sums already gathered for features left out of the rows.
   */
  emit(model: NerModel, feats: Int32Array, n: number, base?: Int32Array): Float32Array {
    if (this.emissions.length < n * T) this.grow(n)
    const em = this.emissions
    em.fill(0, 0, n * T)
    // Two monomorphic loops: int16 (loaded models) and float32 (training).
    if (model.weights instanceof Int16Array) {
      emitInt16(model.weights, feats, n, em, base ?? this.zeros)
    } else emitFloat32(model.weights, feats, n, em)
    if (model.scale !== 1) for (let i = 0; i < n * T; i++) em[i] = (em[i] ?? 0) * model.scale
    return em
  }

  /** Best tag sequence into `out` (length ≥ n). */
  viterbi(model: NerModel, feats: Int32Array, n: number, out: Uint8Array, base?: Int32Array): void {
    if (n === 0) return
    const em = this.emit(model, feats, n, base)
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
    this.zeros = new Int32Array(size)
  }
}

/**
 * The hot loop for loaded models: 17 accumulators in locals (one load per weight, one store per
 * tag and token), unrolled by hand for the BILOU tag count; other tag counts take the plain loop.
 */
function emitInt16(
  w: Int16Array,
  feats: Int32Array,
  n: number,
  em: Float32Array,
  base: Int32Array,
): void {
  const F = FEATURES_PER_TOKEN
  if (T !== 17) {
    emitPlain(w, feats, n, em, base)
    return
  }
  for (let i = 0; i < n; i++) {
    const bo = i * 17
    let a0 = base[bo] ?? 0,
      a1 = base[bo + 1] ?? 0,
      a2 = base[bo + 2] ?? 0,
      a3 = base[bo + 3] ?? 0,
      a4 = base[bo + 4] ?? 0,
      a5 = base[bo + 5] ?? 0,
      a6 = base[bo + 6] ?? 0,
      a7 = base[bo + 7] ?? 0,
      a8 = base[bo + 8] ?? 0,
      a9 = base[bo + 9] ?? 0,
      a10 = base[bo + 10] ?? 0,
      a11 = base[bo + 11] ?? 0,
      a12 = base[bo + 12] ?? 0,
      a13 = base[bo + 13] ?? 0,
      a14 = base[bo + 14] ?? 0,
      a15 = base[bo + 15] ?? 0,
      a16 = base[bo + 16] ?? 0
    for (let j = i * F, end = j + F; j < end; j++) {
      const f = feats[j] ?? -1
      if (f < 0) break
      const o = f * 17
      a0 += w[o] ?? 0
      a1 += w[o + 1] ?? 0
      a2 += w[o + 2] ?? 0
      a3 += w[o + 3] ?? 0
      a4 += w[o + 4] ?? 0
      a5 += w[o + 5] ?? 0
      a6 += w[o + 6] ?? 0
      a7 += w[o + 7] ?? 0
      a8 += w[o + 8] ?? 0
      a9 += w[o + 9] ?? 0
      a10 += w[o + 10] ?? 0
      a11 += w[o + 11] ?? 0
      a12 += w[o + 12] ?? 0
      a13 += w[o + 13] ?? 0
      a14 += w[o + 14] ?? 0
      a15 += w[o + 15] ?? 0
      a16 += w[o + 16] ?? 0
    }
    const eo = i * 17
    em[eo + 0] = a0
    em[eo + 1] = a1
    em[eo + 2] = a2
    em[eo + 3] = a3
    em[eo + 4] = a4
    em[eo + 5] = a5
    em[eo + 6] = a6
    em[eo + 7] = a7
    em[eo + 8] = a8
    em[eo + 9] = a9
    em[eo + 10] = a10
    em[eo + 11] = a11
    em[eo + 12] = a12
    em[eo + 13] = a13
    em[eo + 14] = a14
    em[eo + 15] = a15
    em[eo + 16] = a16
  }
}

function emitPlain(
  w: Int16Array,
  feats: Int32Array,
  n: number,
  em: Float32Array,
  base: Int32Array,
): void {
  const F = FEATURES_PER_TOKEN
  for (let i = 0; i < n; i++) {
    const eo = i * T
    for (let t = 0; t < T; t++) em[eo + t] = base[eo + t] ?? 0
    for (let j = i * F, end = j + F; j < end; j++) {
      const f = feats[j] ?? -1
      if (f < 0) break
      const wo = f * T
      for (let t = 0; t < T; t++) em[eo + t] = (em[eo + t] ?? 0) + (w[wo + t] ?? 0)
    }
  }
}

function emitFloat32(w: Float32Array, feats: Int32Array, n: number, em: Float32Array): void {
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
}
