/**
 * The content perceptron's fast scorer adds the same weights as the feature strings the training
 * reads. Sentences are fictional.
 */
import { describe, expect, it } from 'vitest'
import {
  boundaryFeatures,
  boundaryScore,
  contentEnd,
  contentModel,
  isBoundary,
  scoreBoundary,
} from './content-model.js'
import { scanWords } from './words.js'

const SENTENCES = [
  'Varga warned against smugglers from Velenor, Kaldria and Tessaly, who crossed in May.',
  'Brell wants to build a bridge over the Orla, but her plan would need money from Kestria.',
  'Varga said the council approved the plan, and then signed it on Monday — in public.',
  'Brell praised the harbour (which he built) as a model for Kaldria, while others were silent.',
]

describe('boundaryScore', () => {
  const model = contentModel()
  it.runIf(model !== null).each(SENTENCES)('equals the feature strings’ score: %s', (text) => {
    const words = scanWords(text, 0, text.length)
    const last = words.length - 2
    for (const first of [1, 2]) {
      for (let b = first + 1; b <= last; b++) {
        if (!isBoundary(words, b) || model === null) continue
        for (const clause of ['clause', 'np'] as const) {
          const fast = boundaryScore(model, words, first, last, b, 'said', clause)
          const slow = scoreBoundary(model, boundaryFeatures(words, first, last, b, 'said', clause))
          expect(fast).toBeCloseTo(slow, 9)
        }
      }
    }
  })
})

describe('contentEnd', () => {
  const model = contentModel()
  // The features read the sentence's rest as the training does: where a content may run to (a
  // clause with a cue of its own that follows) does not move the boundary it stops at before.
  it.runIf(model !== null).each(SENTENCES)(
    'stops where it would with a later limit: %s',
    (text) => {
      const words = scanWords(text, 0, text.length)
      if (model === null) return
      const whole = contentEnd(model, words, 1, words.length - 2, 'said', () => false)
      for (let limit = whole + 1; limit < words.length - 1; limit++)
        expect(contentEnd(model, words, 1, limit, 'said', () => false)).toBe(whole)
    },
  )
})
