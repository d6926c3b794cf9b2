/**
 * @module
 * The analysis pipeline: an explicit ordered list of stages, checked when it is built (every
 * stage's `needs` must be provided by an earlier stage, names must be unique).
 */
import { AppError } from '../errors.js'
import { claimsStage } from './claims/index.js'
import { datesStage } from './dates/index.js'
import { entitiesStage, mentionsStage } from './entities/index.js'
import { eventsStage } from './events/index.js'
import { quantitiesStage } from './quantities/index.js'
import { sentencesStage } from './sentences/index.js'
import type { LayerName, Stage } from './stage.js'
import { tokensStage } from './tokens/index.js'

/** The stages of `analyze`, in run order. */
export const STAGES: readonly Stage[] = [
  sentencesStage,
  tokensStage,
  mentionsStage,
  entitiesStage,
  quantitiesStage,
  datesStage,
  claimsStage,
  eventsStage,
]

const LAYER_NAMES: ReadonlySet<LayerName> = new Set<LayerName>([
  'sentences',
  'tokens',
  'mentions',
  'entities',
  'quantities',
  'dates',
  'claims',
  'events',
  'diagnostics',
])

/** A validated, ordered stage list. */
export interface Pipeline {
  readonly stages: readonly Stage[]
}

/**
 * Check and freeze an ordered stage list. A stage that needs a layer no earlier stage provides, an
 * unknown layer, or two stages with one name is a programmer error: it throws here, at build time,
 * never while analyzing a document.
 */
export function buildPipeline(stages: readonly Stage[]): Pipeline {
  const provided = new Set<LayerName>()
  const names = new Set<string>()
  for (const stage of stages) {
    if (names.has(stage.name)) {
      throw new AppError('INTERNAL', `pipeline: stage "${stage.name}" appears twice`)
    }
    names.add(stage.name)
    for (const layer of stage.needs) {
      if (!LAYER_NAMES.has(layer)) {
        throw new AppError(
          'INTERNAL',
          `pipeline: stage "${stage.name}" needs unknown layer "${layer}"`,
        )
      }
      if (!provided.has(layer)) {
        throw new AppError(
          'INTERNAL',
          `pipeline: stage "${stage.name}" needs "${layer}", which no earlier stage provides`,
        )
      }
    }
    if (!LAYER_NAMES.has(stage.provides)) {
      throw new AppError(
        'INTERNAL',
        `pipeline: stage "${stage.name}" provides unknown layer "${stage.provides}"`,
      )
    }
    if (provided.has(stage.provides)) {
      throw new AppError('INTERNAL', `pipeline: layer "${stage.provides}" is provided twice`)
    }
    provided.add(stage.provides)
  }
  return { stages: Object.freeze([...stages]) }
}

/** The default pipeline, validated once at module load. */
export const pipeline: Pipeline = buildPipeline(STAGES)
