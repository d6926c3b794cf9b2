import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { taggedSentences } from '../../../scripts/cue-tagger-training.js'
import { cueSpans, cueTagger, CueDecoder, tagCues } from './cue-tagger.js'
import { claimsLexicon } from './lexicon.js'
import { findQuotes } from './quotes.js'
import { sentencesStage } from '../sentences/index.js'

const SAMPLE = new URL('../../../sample/', import.meta.url).pathname

describe('[claims] the cue tagger', () => {
  // The stage sums a loaded model's weights straight from the words (packedEmissions); training
  // scores feature rows (cueTaggerFeatures, through taggedSentences). A template added to one and
  // not the other would split them silently: both must tag the sample corpus alike.
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
      const sentences = sentencesStage.run({
        metadata: {} as never,
        text,
        sections: [{ kind: 'body' as const, start: 0, end: text.length }],
        repeats: [],
        diagnostics: [],
      })
      const article = { name: file, text, attributions: [] }
      for (const s of taggedSentences(article, sentences, lexicon, model.bucketBits)) {
        const tags = new Uint8Array(s.n)
        decoder.viterbi(model, s.feats, s.n, tags)
        const first = s.words[0]!.start
        const near = quotes.filter((q) => q.start < s.words[s.n - 1]!.end && first < q.end)
        expect(tagCues(model, s.words, near, lexicon)).toEqual(cueSpans(tags, s.n))
        compared++
      }
    }
    expect(compared).toBeGreaterThan(100)
  })
})
