import { describe, expect, it } from 'vitest'
import { groupStories } from './group-stories.js'
import type { LinkKey } from './link-keys.js'

/** `Name!` is a salient name, `Name` a name mentioned in passing, `@Place` an event there. */
function keys(spec: string): LinkKey[] {
  return spec
    .split(' ')
    .filter((word) => word !== '')
    .map((word) =>
      word.startsWith('@')
        ? { key: `event:attack@${word.slice(1)}`, kind: 'event', salient: true, label: word }
        : {
            key: `name:${word.replace('!', '')}`,
            kind: 'entity',
            salient: word.endsWith('!'),
            label: word,
          },
    )
}

describe('groupStories', () => {
  it.each([
    ['two shared salient names join', ['Kaldria! Velenor!', 'Kaldria! Velenor!'], [[0, 1]]],
    [
      'a salient pair mentioned in passing elsewhere joins',
      ['Kaldria! Velenor!', 'Kaldria Velenor Tarn'],
      [[0, 1]],
    ],
    ['one shared name does not', ['Kaldria! Velenor!', 'Kaldria! Ostmark!'], [[0], [1]]],
    ['names in passing on both sides do not', ['Kaldria Velenor', 'Kaldria Velenor'], [[0], [1]]],
    ['one event at one place joins', ['@hall', 'Ostmark! @hall'], [[0, 1]]],
    ['joins are transitive', ['A! B!', 'C! D!', 'A B C D'], [[0, 1, 2]]],
    ['nothing to link: every document alone', ['', '', ''], [[0], [1], [2]]],
  ] as const)('%s', (_, docs, expected) => {
    expect(groupStories(docs.map(keys))).toEqual(expected)
  })
})
