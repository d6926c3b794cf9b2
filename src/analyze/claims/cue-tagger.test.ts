import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  cueSpans,
  cueTagger,
  cueTaggerFeatures,
  CueDecoder,
  FEATURES_PER_WORD,
  tagCues,
} from './cue-tagger.js'
import { claimsLexicon } from './lexicon.js'
import { findQuotes } from './quotes.js'
import { scanWords } from './words.js'
import { sentencesStage } from '../sentences/index.js'

const SAMPLE = new URL('../../../sample/', import.meta.url).pathname

describe('[claims] the cue tagger', () => {
  // The stage sums a loaded model's weights straight from the words (packedEmissions); training
  // scores feature rows (cueTaggerFeatures). A template added to one and not the other would
  // split them silently: both must tag the sample corpus alike.
  it('tags alike from the words and from the training feature rows', () => {
    const model = cueTagger()
    expect(model).not.toBeNull()
    if (model === null) return
    const lexicon = claimsLexicon()
    const decoder = new CueDecoder()
    let compared = 0
    for (const file of readdirSync(SAMPLE).filter((f) => /\.(txt|md)$/.test(f))) {
      const text = readFileSync(join(SAMPLE, file), 'utf8')
      const quotes = findQuotes(text)
      const doc = {
        metadata: {} as never,
        text,
        sections: [{ kind: 'body' as const, start: 0, end: text.length }],
        repeats: [],
        diagnostics: [],
      }
      for (const s of sentencesStage.run(doc)) {
        const words = scanWords(text, s.start, s.end)
        if (words.length === 0) continue
        const near = quotes.filter((q) => q.start < s.end && s.start < q.end)
        const feats = cueTaggerFeatures(
          words,
          near,
          lexicon,
          model.bucketBits,
          new Int32Array(words.length * FEATURES_PER_WORD),
        )
        const tags = new Uint8Array(words.length)
        decoder.viterbi(model, feats, words.length, tags)
        expect(tagCues(model, words, near, lexicon)).toEqual(cueSpans(tags, words.length))
        compared++
      }
    }
    expect(compared).toBeGreaterThan(100)
  })
})
