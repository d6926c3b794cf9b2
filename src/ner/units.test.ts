import { describe, expect, it } from 'vitest'
import { learnCaseProfile, learnClusters } from './clusters.js'
import { fnv1a, mix } from './hash.js'
import { decodeModel, emptyModel, encodeModel } from './model.js'
import { nameKey, slug } from './normalize.js'
import { allowed, fromIob, spansFromIob, spansFromTags, TAG_COUNT, TAG_NAMES } from './tags.js'
import { gazetteer } from './gazetteer.js'
import { lineCase } from './features.js'

describe('[ner] tags', () => {
  const table: [string[], string[]][] = [
    [
      ['B-PER', 'I-PER', 'O', 'B-LOC'],
      ['L-PER', 'U-LOC'],
    ],
    [['B-ORG', 'I-ORG', 'I-ORG', 'O'], ['L-ORG']],
    [['I-MISC', 'O'], ['U-MISC']],
    [
      ['B-PER', 'B-PER'],
      ['U-PER', 'U-PER'],
    ],
  ]
  it.each(table)('IOB %j → spans, BILOU and back', (iob, lastTags) => {
    const spans = spansFromIob(iob)
    const bilou = fromIob(iob)
    expect(spansFromTags(bilou)).toEqual(spans)
    const ends = spans.map((s) => TAG_NAMES[bilou[s.end - 1] ?? 0])
    expect(ends).toEqual(lastTags)
  })

  it('allows only well-formed BILOU transitions', () => {
    const B_PER = TAG_NAMES.indexOf('B-PER')
    const I_PER = TAG_NAMES.indexOf('I-PER')
    const I_ORG = TAG_NAMES.indexOf('I-ORG')
    expect(allowed(-1, B_PER)).toBe(true)
    expect(allowed(-1, I_PER)).toBe(false)
    expect(allowed(B_PER, I_PER)).toBe(true)
    expect(allowed(B_PER, I_ORG)).toBe(false)
    expect(allowed(B_PER, 0)).toBe(false)
  })
})

describe('[ner] model file', () => {
  it('round-trips weights within the quantization step and drops zero buckets', () => {
    const model = emptyModel(6)
    model.weights[3 * TAG_COUNT + 2] = 1.5
    model.weights[40 * TAG_COUNT + 0] = -0.25
    model.transitions[5] = 0.75
    const bytes = encodeModel(model, TAG_NAMES)
    const back = decodeModel(bytes)
    expect(back.bucketBits).toBe(6)
    expect((back.weights[3 * TAG_COUNT + 2] ?? 0) * back.scale).toBeCloseTo(1.5, 3)
    expect((back.weights[40 * TAG_COUNT + 0] ?? 0) * back.scale).toBeCloseTo(-0.25, 3)
    expect(back.transitions[5]).toBeCloseTo(0.75, 6)
    const header =
      12 +
      JSON.stringify({
        format: 'claimgraph-ner@1',
        bucketBits: 6,
        tags: TAG_NAMES,
        scale: 0,
        buckets: 2,
      }).length
    const transitions = model.transitions.length * 4
    // Two non-zero buckets: one varint byte and TAG_COUNT int16 weights each.
    expect(bytes.length).toBeLessThanOrEqual(header + 30 + transitions + 2 * (1 + 2 * TAG_COUNT))
  })

  it('rejects a file that is not a model', () => {
    expect(() => decodeModel(new Uint8Array(16))).toThrow(/bad magic/)
  })
})

describe('[ner] hashing and names', () => {
  it('hashes deterministically', () => {
    expect(fnv1a('Kyiv')).toBe(fnv1a('Kyiv'))
    expect(fnv1a('Kyiv')).not.toBe(fnv1a('kyiv'))
    expect(mix(1, 2)).not.toBe(mix(2, 1))
  })

  const keys: [string, string][] = [
    ['al - Qaeda', 'al-qaeda'],
    ['Al-Qaeda', 'al-qaeda'],
    ['Élysée', 'elysee'],
    ['Workers ’ Party', "workers'party"],
    ["Workers' Party", "workers'party"],
    ['  New   York ', 'new york'],
  ]
  it.each(keys)('nameKey(%j) = %j', (name, key) => {
    expect(nameKey(name)).toBe(key)
  })

  it('slugs canonical names', () => {
    expect(slug('United States')).toBe('united-states')
    expect(slug("Côte d'Ivoire")).toBe('cote-d-ivoire')
  })
})

describe('[ner] gazetteer', () => {
  const gaz = gazetteer()
  const lookups: [string, string, string][] = [
    ['U.S.', 'United States', 'GPE'],
    ['USA', 'United States', 'GPE'],
    ['Kiev', 'Kyiv', 'GPE'],
    ['ISIL', 'Islamic State', 'ORG'],
    ['ISIS-Khorasan', 'Islamic State Khorasan', 'ORG'],
    ['Great Britain', 'United Kingdom', 'GPE'],
    ['French', 'French', 'NORP'],
  ]
  it.each(lookups)('%s → %s (%s)', (name, canonical, type) => {
    const entry = gaz.lookup(name)
    expect(entry?.canonical).toBe(canonical)
    expect(entry?.type).toBe(type)
  })

  it('matches short all-caps aliases case-sensitively', () => {
    expect(gaz.lookup('us')).toBeUndefined()
    expect(gaz.lookup('is')).toBeUndefined()
    expect(gaz.lookup('IS')?.canonical).toBe('Islamic State')
  })

  it('prefers the longest match', () => {
    const found: string[] = []
    const words = 'Troops left the United Arab Emirates for New York City'.split(' ')
    gaz.match(words, (s, e, entry) =>
      found.push(`${words.slice(s, e).join(' ')}=${entry.canonical}`),
    )
    expect(found).toEqual([
      'United Arab Emirates=United Arab Emirates',
      'New York City=New York City',
    ])
  })
})

describe('[ner] unlabeled-text resources', () => {
  const text = Array.from({ length: 30 }, (_, i) =>
    i % 2 === 0
      ? 'the cat sat on the mat . Anna met Boris in Paris .'
      : 'a dog sat on a rug . Boris met Anna in Rome .',
  ).join('\n')

  it('clusters words by their neighbours, deterministically', () => {
    const a = learnClusters([text], {
      minCount: 3,
      maxWords: 100,
      contextWords: 20,
      dims: 8,
      branching: [2, 2],
      iterations: 5,
      seed: 3,
    })
    const b = learnClusters([text], {
      minCount: 3,
      maxWords: 100,
      contextWords: 20,
      dims: 8,
      branching: [2, 2],
      iterations: 5,
      seed: 3,
    })
    expect([...a]).toEqual([...b])
    expect(a.get('Paris')).toMatch(/^\d+\.\d+$/)
  })

  it('profiles how words are cased inside sentences', () => {
    const profile = learnCaseProfile([text])
    expect(profile.get('boris')).toBe(4)
    expect(profile.get('sat')).toBe(0)
  })

  it('recognises headline casing', () => {
    expect(lineCase('REBELS SEIZE TOWN'.split(' '))).toBe(1)
    expect(lineCase('Rebels Seize Town Near Donetsk'.split(' '))).toBe(2)
    expect(lineCase('Rebels seized a town near Donetsk'.split(' '))).toBe(0)
  })
})
