/**
 * @module
 * The analysis pipeline's shape: an explicit ordered list of named stages. Each stage reads the
 * normalized document and the layers earlier stages produced, and returns exactly one layer. Stages
 * are pure (no I/O) and total (messy text yields fewer annotations, never an exception).
 */
import type { NormalizedDocument } from '../model/document.js'
import type {
  Claim,
  DateMention,
  EntityType,
  Entity,
  Event,
  Provenance,
  Quantity,
  Sentence,
} from '../model/analysis.js'
import type { Diagnostic } from '../model/document.js'

/**
 * Tokens as parallel typed arrays (struct of arrays): no per-token objects on the hot path.
 * Token i covers `text.slice(starts[i], ends[i])` and lies in sentence `sentence[i]`.
 */
export interface Tokens {
  readonly count: number
  readonly starts: Uint32Array
  readonly ends: Uint32Array
  readonly sentence: Uint32Array
}

/** A typed entity mention before within-document merging into entities. */
export interface TypedMention {
  readonly start: number
  readonly end: number
  readonly type: EntityType
  readonly provenance: Provenance
}

/** Everything the stages can produce, by layer name. */
export interface Layers {
  readonly sentences: readonly Sentence[]
  readonly tokens: Tokens
  readonly mentions: readonly TypedMention[]
  readonly entities: readonly Entity[]
  readonly quantities: readonly Quantity[]
  readonly dates: readonly DateMention[]
  readonly claims: readonly Claim[]
  readonly events: readonly Event[]
  readonly diagnostics: readonly Diagnostic[]
}

export type LayerName = keyof Layers

/** One pipeline stage: `{ name, needs, provides, run } satisfies Stage<…>`. */
export interface Stage<P extends LayerName = LayerName> {
  readonly name: string
  readonly needs: readonly LayerName[]
  readonly provides: P
  run(doc: NormalizedDocument, layers: Readonly<Partial<Layers>>): Layers[P]
}

/** Read a layer a stage declared in `needs` (the pipeline guarantees it is there). */
export function need<N extends LayerName>(layers: Readonly<Partial<Layers>>, name: N): Layers[N] {
  const layer = layers[name]
  if (layer === undefined) {
    // Programmer error: the pipeline builder checks `needs`, so this cannot happen at run time.
    throw new TypeError(`layer "${name}" is not available; declare it in the stage's needs`)
  }
  return layer as Layers[N]
}
