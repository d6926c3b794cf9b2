/**
 * @module
 * The tagger model: a hashed weight table (bucket × tag, Float32Array at run time), BILOU
 * transition weights, and the settings the features were built with. On disk (`model.bin`):
 * "CGNER001", a uint32 length and a JSON header, the transitions as float32, then the non-zero
 * buckets as (varint delta of bucket index, TAG_COUNT int16 weights scaled by the header's `scale`).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { TAG_COUNT } from './tags.js'

export interface ModelHeader {
  readonly format: 'claimgraph-ner@1'
  readonly bucketBits: number
  readonly tags: readonly string[]
  /** int16 value v stands for v * scale. */
  readonly scale: number
  readonly buckets: number
}

export interface NerModel {
  readonly bucketBits: number
  /**
   * weights[bucket * TAG_COUNT + tag] × scale. Training uses Float32Array (scale 1); a loaded model
   * keeps the file's int16 values (half the memory, one cache line per bucket more often).
   */
  readonly weights: Float32Array | Int16Array
  readonly scale: number
  /** transitions[(prev + 1) * TAG_COUNT + next]; prev -1 is the sentence start. */
  readonly transitions: Float32Array
}

const MAGIC = 'CGNER001'

export function emptyModel(bucketBits: number): NerModel {
  return {
    bucketBits,
    weights: new Float32Array((1 << bucketBits) * TAG_COUNT),
    scale: 1,
    transitions: new Float32Array((TAG_COUNT + 1) * TAG_COUNT),
  }
}

/**
 * Serializes with int16 quantization. `clip` is the fraction of max |w| mapped to 32767 (larger weights
 * saturate); buckets whose quantized weights are all zero are dropped.
 */
export function encodeModel(model: NerModel, tags: readonly string[], clip = 1): Buffer {
  const w = model.weights
  const unit = model.scale
  let top = 0
  for (let i = 0; i < w.length; i++) top = Math.max(top, Math.abs((w[i] ?? 0) * unit))
  top = Math.max(top * clip, 1e-9)
  const scale = top / 32767
  const nb = 1 << model.bucketBits
  const body = Buffer.alloc(nb * (5 + 2 * TAG_COUNT))
  let bo = 0
  let last = 0
  let buckets = 0
  const q = new Int16Array(TAG_COUNT)
  for (let b = 0; b < nb; b++) {
    let any = false
    for (let t = 0; t < TAG_COUNT; t++) {
      const v = Math.round(((w[b * TAG_COUNT + t] ?? 0) * unit) / scale)
      q[t] = Math.max(-32767, Math.min(32767, v))
      if (q[t] !== 0) any = true
    }
    if (!any) continue
    let delta = b - last
    last = b
    while (delta >= 0x80) {
      body[bo++] = (delta & 0x7f) | 0x80
      delta >>>= 7
    }
    body[bo++] = delta
    for (let t = 0; t < TAG_COUNT; t++) bo = body.writeInt16LE(q[t] ?? 0, bo)
    buckets++
  }
  const header: ModelHeader = {
    format: 'claimgraph-ner@1',
    bucketBits: model.bucketBits,
    tags,
    scale,
    buckets,
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const out = Buffer.alloc(8 + 4 + json.length + model.transitions.length * 4 + bo)
  let o = out.write(MAGIC, 0, 'latin1')
  o = out.writeUInt32LE(json.length, o)
  o += json.copy(out, o)
  for (const v of model.transitions) o = out.writeFloatLE(v, o)
  body.copy(out, o, 0, bo)
  return out
}

export function decodeModel(bytes: Uint8Array): NerModel {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.toString('latin1', 0, 8) !== MAGIC)
    throw new TypeError('not a claimgraph NER model (bad magic)')
  const len = buf.readUInt32LE(8)
  const header = JSON.parse(buf.toString('utf8', 12, 12 + len)) as ModelHeader
  const weights = new Int16Array((1 << header.bucketBits) * TAG_COUNT)
  const transitions = new Float32Array((TAG_COUNT + 1) * TAG_COUNT)
  let o = 12 + len
  for (let i = 0; i < transitions.length; i++, o += 4) transitions[i] = buf.readFloatLE(o)
  let b = 0
  for (let k = 0; k < header.buckets; k++) {
    let delta = 0
    let shift = 0
    let byte: number
    do {
      byte = buf[o++] ?? 0
      delta |= (byte & 0x7f) << shift
      shift += 7
    } while (byte & 0x80)
    b += delta
    const base = b * TAG_COUNT
    for (let t = 0; t < TAG_COUNT; t++, o += 2) weights[base + t] = buf.readInt16LE(o)
  }
  return { bucketBits: header.bucketBits, weights, scale: header.scale, transitions }
}

export function saveModel(path: string, model: NerModel, tags: readonly string[]): number {
  const bytes = encodeModel(model, tags)
  writeFileSync(path, bytes)
  return bytes.length
}

export function loadModel(path: string): NerModel {
  return decodeModel(readFileSync(path))
}
