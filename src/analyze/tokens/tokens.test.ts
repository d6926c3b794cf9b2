import { describe, expect, it } from 'vitest'
import { textDocument } from '../text-document.js'
import { sentencesStage } from '../sentences/index.js'
import { tokensStage } from './index.js'

const here = '[analyze/tokens] '

function tokenize(text: string): string[] {
  const doc = textDocument(text)
  const sentences = sentencesStage.run(doc)
  const tokens = tokensStage.run(doc, { sentences })
  const out: string[] = []
  for (let i = 0; i < tokens.count; i++) out.push(text.slice(tokens.starts[i], tokens.ends[i]))
  return out
}

const cases: [string, string[]][] = [
  [
    'At least 1,200 people, 3.5 percent.',
    ['At', 'least', '1,200', 'people', ',', '3.5', 'percent', '.'],
  ],
  ['A well-known 20-year-old man', ['A', 'well-known', '20-year-old', 'man']],
  [
    "It's the mayor's car; they're here, don't go, can't stop",
    [
      'It',
      "'s",
      'the',
      'mayor',
      "'s",
      'car',
      ';',
      'they',
      "'re",
      'here',
      ',',
      'do',
      "n't",
      'go',
      ',',
      'ca',
      "n't",
      'stop',
    ],
  ],
  ['O’Brien’s plan', ['O’Brien', '’s', 'plan']],
  ["The states' rights", ['The', 'states', "'", 'rights']],
  [
    'See https://example.org/a?b=1, or www.example.com.',
    ['See', 'https://example.org/a?b=1', ',', 'or', 'www.example.com', '.'],
  ],
  ['@city_police and #PrayForAmber now', ['@city_police', 'and', '#PrayForAmber', 'now']],
  [
    'The U.S. and Mr. Vance at 9 a.m. on 2026-03-22',
    ['The', 'U.S.', 'and', 'Mr.', 'Vance', 'at', '9', 'a.m.', 'on', '2026-03-22'],
  ],
  [
    'at 10:30, on 3/22/2026, in the 1990s, the 3rd',
    ['at', '10:30', ',', 'on', '3/22/2026', ',', 'in', 'the', '1990s', ',', 'the', '3rd'],
  ],
  [
    '“Stop!” he said... -- ok?!',
    ['“', 'Stop', '!', '”', 'he', 'said', '...', '--', 'ok', '?', '!'],
  ],
  ['J. R. Halvorsen left.', ['J.', 'R.', 'Halvorsen', 'left', '.']],
  ['It ended in the U.S.', ['It', 'ended', 'in', 'the', 'U.S.']],
  ['$5 million (50%)', ['$', '5', 'million', '(', '50', '%', ')']],
  ['Kyiv’s café naïve Zürich', ['Kyiv', '’s', 'café', 'naïve', 'Zürich']],
  ['so sad 😢🙏🏽 👨‍👩‍👧 ok', ['so', 'sad', '😢', '🙏🏽', '👨‍👩‍👧', 'ok']],
]

describe('tokens', () => {
  it.each(cases)(`${here}%j`, (input, expected) => {
    expect(tokenize(input)).toEqual(expected)
  })

  it(`${here}records the sentence of each token and stays inside sentences`, () => {
    const text = 'One two. Three.\n\nFour'
    const doc = textDocument(text)
    const sentences = sentencesStage.run(doc)
    const tokens = tokensStage.run(doc, { sentences })
    expect(Array.from(tokens.sentence)).toEqual([0, 0, 0, 1, 1, 2])
    for (let i = 0; i < tokens.count; i++) {
      const s = sentences[tokens.sentence[i]!]!
      expect(tokens.starts[i]).toBeGreaterThanOrEqual(s.start)
      expect(tokens.ends[i]).toBeLessThanOrEqual(s.end)
      expect(tokens.ends[i]).toBeGreaterThan(tokens.starts[i]!)
    }
  })

  it(`${here}is total on odd input`, () => {
    for (const text of [
      "'",
      "n't",
      '\ud83d',
      '\ud83dx',
      'a\u200d',
      '-',
      "don'",
      'U.',
      '#',
      '@@',
      'www.',
    ]) {
      expect(() => tokenize(text)).not.toThrow()
    }
  })
})
