import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.js'
import { buildPipeline, STAGES } from './pipeline.js'
import type { Stage } from './stage.js'

const here = '[analyze/pipeline] '

describe('pipeline', () => {
  it(`${here}runs the stages in the documented order`, () => {
    expect(STAGES.map((s) => s.name)).toEqual([
      'sentences',
      'tokens',
      'mentions',
      'entities',
      'quantities',
      'dates',
      'claims',
      'events',
    ])
    expect(() => buildPipeline(STAGES)).not.toThrow()
  })

  it(`${here}rejects unmet, unknown and duplicate needs when built`, () => {
    const [sentences, tokens] = STAGES as [Stage, Stage]
    expect(() => buildPipeline([tokens, sentences])).toThrow(AppError)
    expect(() => buildPipeline([sentences, sentences])).toThrow(/twice/)
    const unknown = { ...tokens, name: 'x', needs: ['nope'] } as unknown as Stage
    expect(() => buildPipeline([sentences, unknown])).toThrow(/unknown layer "nope"/)
    expect(() => buildPipeline([sentences, tokens, { ...tokens, name: 'tokens2' }])).toThrow(
      /provided twice/,
    )
  })
})
