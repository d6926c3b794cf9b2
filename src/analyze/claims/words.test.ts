import { describe, expect, it } from 'vitest'
import { scanWords } from './words.js'

const scan = (text: string) => scanWords(text, 0, text.length)

describe('[claims] the word scanner', () => {
  it('lowers words, folds ’ and keeps marks, clitics and abbreviations as words', () => {
    const words = scan('Mr. Varga’s aide said: “We didn’t see the U.S.-made drone.”')
    expect(words.map((w) => w.lower)).toEqual([
      'mr.',
      'varga',
      "'s",
      'aide',
      'said',
      ':',
      '“',
      'we',
      "didn't",
      'see',
      'the',
      'u.s.',
      '-',
      'made',
      'drone',
      '.',
      '”',
    ])
    expect(words.filter((w) => w.upper).map((w) => w.lower)).toEqual([
      'mr.',
      'varga',
      "'s",
      'we',
      'u.s.',
    ])
    expect(words.filter((w) => !w.isWord).map((w) => w.lower)).toEqual([':', '“', '-', '.', '”'])
  })

  it('lowers words that open with a letter outside ASCII, and keeps their capital', () => {
    const words = scan('Ödön Varga and émigré groups said so')
    expect(words.map((w) => w.lower)).toEqual([
      'ödön',
      'varga',
      'and',
      'émigré',
      'groups',
      'said',
      'so',
    ])
    expect(words.map((w) => w.upper)).toEqual([true, true, false, false, false, false, false])
  })
})
