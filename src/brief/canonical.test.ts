/**
 * Canonical entities across the documents of a story (src/brief/canonical.ts): one actor is one
 * line in main entities, speakers, responsibility and claim targets. Each rule is pinned with
 * fictional documents written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { analyzeText } from '../analyze/index.js'
import type { Analysis } from '../model/analysis.js'
import type { BriefStory } from './brief.js'
import { makeAnalysis, type FixtureDocument, type FixtureEntity } from './fixtures/make-analysis.js'
import { buildBrief } from './index.js'

const KALDRIA: FixtureEntity = { name: 'Kaldria', type: 'GPE' }
const VOSTRANA: FixtureEntity = { name: 'Vostrana', type: 'GPE' }
/** A paragraph naming Kaldria and Vostrana twice, so the documents make one story. */
const CONTEXT =
  'Kaldria and Vostrana traded statements. Envoys of Kaldria and Vostrana met in Tarn.'

function doc(fixture: Omit<FixtureDocument, 'body'> & { body: readonly string[] }): Analysis {
  return makeAnalysis({
    ...fixture,
    body: [...fixture.body, CONTEXT],
    entities: [...(fixture.entities ?? []), KALDRIA, VOSTRANA],
  })
}

function onlyStory(analyses: readonly Analysis[]): BriefStory {
  const brief = buildBrief(analyses)
  expect(brief.stories).toHaveLength(1)
  // The same analyses in another order give the same brief.
  expect(buildBrief([...analyses].reverse())).toEqual(brief)
  return brief.stories[0]!
}

const entity = (story: BriefStory, name: string) => story.entities.filter((e) => e.name === name)
const speaker = (story: BriefStory, name: string) => story.speakers.filter((s) => s.name === name)
const actor = (story: BriefStory, name: string) =>
  story.responsibility.flatMap((r) => r.actors).filter((a) => a.actor === name)

describe('canonical entities across documents', () => {
  it('joins entities by their alias-resolved key (the real pipeline: Hizbollah is Hezbollah)', () => {
    const a = analyzeText(
      'Hizbollah denied any role in the bombing in Velenor on Monday. The group said Kaldria and ' +
        'Vostrana should look elsewhere. Officials in Kaldria and Vostrana did not comment.',
      {
        source: 'a.txt',
        title: 'Hizbollah denies role in Velenor bombing',
        publishedAt: '2026-05-04',
      },
    )
    const b = analyzeText(
      'Officials in Vostrana said on Tuesday that Hezbollah had been behind the bombing in Velenor. ' +
        'Hezbollah rejected the accusation. Kaldria called for calm, and Vostrana closed its border ' +
        'with Kaldria.',
      {
        source: 'b.txt',
        title: 'Vostrana blames Hezbollah for Velenor bombing',
        publishedAt: '2026-05-05',
      },
    )
    const key = (x: Analysis, name: string) => x.entities.find((e) => e.name === name)?.key
    expect(key(a, 'Hizbollah')).toBe(key(b, 'Hezbollah'))
    const story = onlyStory([a, b])
    expect(story.entities.filter((e) => /H[ie]zbollah/.test(e.name))).toEqual([
      expect.objectContaining({ name: 'Hezbollah', aliases: ['Hizbollah'], documents: 2 }),
    ])
    expect(story.speakers.filter((s) => /H[ie]zbollah/.test(s.name))).toEqual([
      expect.objectContaining({ key: 'entity:hezbollah', name: 'Hezbollah', documents: 2 }),
    ])
    expect(actor(story, 'Hezbollah')[0]!.deniedBy).toEqual([
      expect.objectContaining({ speaker: 'Hezbollah', documents: 2 }),
    ])
  })

  it('joins hand-made entities by key whatever their names and types', () => {
    const a = doc({
      source: 'a.txt',
      publishedAt: '2026-05-04',
      body: ['The Pale Lanterns said they had no part in it.'],
      entities: [{ name: 'Pale Lanterns', type: 'ORG', key: 'org:pale-lanterns' }],
      claims: [
        {
          speaker: 'The Pale Lanterns',
          entity: 'Pale Lanterns',
          content: 'they had no part in it',
        },
      ],
    })
    const b = doc({
      source: 'b.txt',
      publishedAt: '2026-05-05',
      body: ['Pale Lantern fighters said the march would go on.'],
      entities: [{ name: 'Pale Lantern', type: 'MISC', key: 'org:pale-lanterns' }],
      claims: [
        {
          speaker: 'Pale Lantern fighters',
          entity: 'Pale Lantern',
          content: 'the march would go on',
        },
      ],
    })
    const story = onlyStory([a, b])
    expect(entity(story, 'Pale Lanterns')).toEqual([
      expect.objectContaining({ type: 'ORG', aliases: ['Pale Lantern'], documents: 2 }),
    ])
    expect(entity(story, 'Pale Lantern')).toEqual([])
    expect(speaker(story, 'Pale Lanterns')[0]!.claims).toHaveLength(2)
  })

  it('never joins two names through an empty key', () => {
    const a = doc({
      source: 'a.txt',
      publishedAt: '2026-05-04',
      body: ['Selvik Harbour Union members marched.'],
      entities: [{ name: 'Selvik Harbour Union', type: 'ORG', key: '' }],
    })
    const b = doc({
      source: 'b.txt',
      publishedAt: '2026-05-05',
      body: ['Tarn Rail Board members watched.'],
      entities: [{ name: 'Tarn Rail Board', type: 'ORG', key: '' }],
    })
    const story = onlyStory([a, b])
    expect(entity(story, 'Selvik Harbour Union')).toHaveLength(1)
    expect(entity(story, 'Tarn Rail Board')).toHaveLength(1)
  })

  describe('a surname in one document joins the full name in another', () => {
    const full = doc({
      source: 'full.txt',
      publishedAt: '2026-05-04',
      body: ['Interior Minister Mara Ilves accused Kaldria of arming the gunmen.'],
      entities: [{ name: 'Mara Ilves', type: 'PERSON' }],
      claims: [
        {
          speaker: 'Mara Ilves',
          content: 'Kaldria of arming the gunmen',
          stance: 'accuse',
          targets: ['Kaldria'],
        },
      ],
    })
    const surname = doc({
      source: 'surname.txt',
      publishedAt: '2026-05-05',
      body: ['Ilves repeated that Kaldria was behind the attack. Critics mocked Ilves.'],
      entities: [{ name: 'Ilves', type: 'MISC' }],
      claims: [
        {
          speaker: 'Ilves',
          content: 'Kaldria was behind the attack',
          stance: 'accuse',
          targets: ['Kaldria'],
        },
        { speaker: 'Critics', content: 'Ilves', stance: 'accuse', targets: ['Ilves'] },
      ],
    })

    it('as one entity, one speaker, one accuser and one target', () => {
      const story = onlyStory([full, surname])
      expect(entity(story, 'Mara Ilves')).toEqual([
        expect.objectContaining({ type: 'PERSON', aliases: ['Ilves'], documents: 2, mentions: 3 }),
      ])
      expect(entity(story, 'Ilves')).toEqual([])
      expect(speaker(story, 'Mara Ilves')).toEqual([
        expect.objectContaining({ key: 'entity:mara ilves', documents: 2 }),
      ])
      expect(speaker(story, 'Ilves')).toEqual([])
      expect(actor(story, 'Kaldria')[0]!.accusedBy).toEqual([
        expect.objectContaining({ speaker: 'Mara Ilves', documents: 2 }),
      ])
      expect(actor(story, 'Mara Ilves')[0]!.accusedBy).toEqual([
        expect.objectContaining({ speaker: 'Critics' }),
      ])
      const critics = speaker(story, 'Critics')[0]!
      expect(critics.claims[0]!.targets).toEqual(['Mara Ilves'])
    })

    it('but not when two full names of the story end in it', () => {
      const other = doc({
        source: 'other.txt',
        publishedAt: '2026-05-06',
        body: ['Jaan Ilves, the mayor of Tarn, said Kaldria had not replied.'],
        entities: [{ name: 'Jaan Ilves', type: 'PERSON' }],
        claims: [{ speaker: 'Jaan Ilves', content: 'Kaldria had not replied' }],
      })
      const story = onlyStory([full, surname, other])
      expect(entity(story, 'Ilves')).toHaveLength(1)
      expect(entity(story, 'Mara Ilves')[0]!.aliases).toEqual([])
      expect(speaker(story, 'Ilves')).toHaveLength(1)
      expect(speaker(story, 'Jaan Ilves')).toHaveLength(1)
    })
  })

  it('joins a short form to the one longer name of the same type', () => {
    const a = doc({
      source: 'a.txt',
      publishedAt: '2026-05-04',
      body: ['Gunmen attacked Tarn Central Station on Monday.'],
      entities: [{ name: 'Tarn Central Station', type: 'FAC' }],
    })
    const b = doc({
      source: 'b.txt',
      publishedAt: '2026-05-05',
      body: ['Trains still avoid Tarn Station, a day after the attack on Tarn Station.'],
      entities: [{ name: 'Tarn Station', type: 'FAC' }],
    })
    const story = onlyStory([a, b])
    expect(entity(story, 'Tarn Central Station')).toEqual([
      expect.objectContaining({ aliases: ['Tarn Station'], documents: 2, mentions: 3 }),
    ])
    expect(entity(story, 'Tarn Station')).toEqual([])
  })

  it('keeps a short form apart when a document names both as two entities', () => {
    // "Tarn Station" and "Tarn Central Station" side by side in one document are two places.
    const a = doc({
      source: 'a.txt',
      publishedAt: '2026-05-04',
      body: ['Gunmen attacked Tarn Central Station; Tarn Station, across the river, stayed open.'],
      entities: [
        { name: 'Tarn Central Station', type: 'FAC' },
        { name: 'Tarn Station', type: 'FAC' },
      ],
    })
    const b = doc({
      source: 'b.txt',
      publishedAt: '2026-05-05',
      body: ['Trains still avoid Tarn Central Station a day after the attack.'],
      entities: [{ name: 'Tarn Central Station', type: 'FAC' }],
    })
    const story = onlyStory([a, b])
    expect(entity(story, 'Tarn Central Station')).toEqual([
      expect.objectContaining({ aliases: [], documents: 2 }),
    ])
    expect(entity(story, 'Tarn Station')).toEqual([expect.objectContaining({ documents: 1 })])
  })

  it('maps a demonym only to a place, and a known demonym only to its own country', () => {
    // The gazetteer knows "Nigerian": it is not the "Niger" of the story; "Jordanian" is no person.
    const a = doc({
      source: 'a.txt',
      publishedAt: '2026-05-04',
      body: ['Nigerian troops crossed into Niger, said Jordan Pell, a Jordanian reporter.'],
      entities: [
        { name: 'Nigerian', type: 'NORP' },
        { name: 'Niger', type: 'GPE' },
        { name: 'Jordan', type: 'PERSON' },
        { name: 'Jordanian', type: 'NORP' },
      ],
    })
    const story = onlyStory([a])
    expect(entity(story, 'Niger')).toEqual([expect.objectContaining({ aliases: [] })])
    expect(entity(story, 'Jordan')).toEqual([expect.objectContaining({ aliases: [] })])
  })

  describe('a nationality word maps to its country', () => {
    const country = doc({
      source: 'country.txt',
      publishedAt: '2026-05-04',
      body: ['Vostrana accused Kaldria of staging the attack.'],
      entities: [],
      claims: [
        {
          speaker: 'Vostrana',
          content: 'Kaldria of staging the attack',
          stance: 'accuse',
          targets: ['Kaldria'],
        },
      ],
    })
    const demonym = makeAnalysis({
      source: 'demonym.txt',
      publishedAt: '2026-05-05',
      body: [
        'Vostranian officials repeated that Kaldria was to blame.',
        'Kaldria accused Vostranian intelligence of staging the attack itself.',
        'Kaldria also accused Vostranian citizens of spreading rumours.',
        CONTEXT,
      ],
      entities: [{ name: 'Vostranian', type: 'NORP' }, KALDRIA, VOSTRANA],
      claims: [
        {
          speaker: 'Vostranian officials',
          entity: 'Vostranian',
          content: 'Kaldria was to blame',
          stance: 'accuse',
          targets: ['Kaldria'],
        },
        {
          speaker: 'Kaldria accused',
          entity: 'Kaldria',
          content: 'Vostranian intelligence of staging the attack itself',
          stance: 'accuse',
          targets: ['Vostranian'],
        },
        {
          speaker: 'Kaldria also',
          entity: 'Kaldria',
          content: 'Vostranian citizens of spreading rumours',
          stance: 'accuse',
          targets: ['Vostranian'],
        },
      ],
    })

    it('derived from the country named in the story ("Vostranian" → Vostrana)', () => {
      const story = onlyStory([country, demonym])
      expect(entity(story, 'Vostrana')).toEqual([
        expect.objectContaining({ type: 'GPE', aliases: ['Vostranian'], documents: 2 }),
      ])
      expect(entity(story, 'Vostranian')).toEqual([])
      expect(speaker(story, 'Vostrana')).toEqual([
        expect.objectContaining({ key: 'entity:vostrana', entityType: 'GPE', documents: 2 }),
      ])
      expect(speaker(story, 'Vostranian')).toEqual([])
      expect(actor(story, 'Kaldria')[0]!.accusedBy).toEqual([
        expect.objectContaining({ speaker: 'Vostrana', documents: 2 }),
      ])
      // Used as an actor ("Vostranian intelligence"), it is the country; its citizens are not.
      const accused = actor(story, 'Vostrana')
      expect(accused).toHaveLength(1)
      expect(accused[0]!.accusedBy).toEqual([
        expect.objectContaining({ speaker: 'Kaldria', documents: 1 }),
      ])
      expect(accused[0]!.accusedBy[0]!.cites).toHaveLength(1)
      const targets = speaker(story, 'Kaldria')[0]!.claims.map((c) => c.targets)
      expect(targets).toEqual([['Vostrana'], ['Vostranian']])
    })

    it("by the demonyms of the countries' data where the story names the country", () => {
      const russia: FixtureEntity = { name: 'Russia', type: 'GPE' }
      const a = doc({
        source: 'a.txt',
        publishedAt: '2026-05-04',
        body: ['Russia said it had no part in the attack.'],
        entities: [russia],
        claims: [{ speaker: 'Russia', content: 'it had no part in the attack', stance: 'deny' }],
      })
      const b = doc({
        source: 'b.txt',
        publishedAt: '2026-05-05',
        body: ['Russian officials said Kaldria was to blame.'],
        entities: [{ name: 'Russian', type: 'NORP' }],
        claims: [
          {
            speaker: 'Russian officials',
            entity: 'Russian',
            content: 'Kaldria was to blame',
            stance: 'accuse',
            targets: ['Kaldria'],
          },
        ],
      })
      const story = onlyStory([a, b])
      expect(entity(story, 'Russia')).toEqual([
        expect.objectContaining({ aliases: ['Russian'], documents: 2 }),
      ])
      expect(speaker(story, 'Russia')).toEqual([expect.objectContaining({ documents: 2 })])
      // Without the country in the story, the word stays what it is.
      const alone = onlyStory([b, doc({ source: 'c.txt', body: ['Nothing else.'] })])
      expect(entity(alone, 'Russian')).toHaveLength(1)
    })
  })

  it('takes a metonym that speaks as the government it stands for', () => {
    const russia: FixtureEntity = { name: 'Russia', type: 'GPE' }
    const kremlin = doc({
      source: 'kremlin.txt',
      publishedAt: '2026-05-04',
      body: ['The Kremlin said Russia had no part in the attack.'],
      entities: [{ name: 'Kremlin', type: 'FAC' }, russia],
      claims: [
        {
          speaker: 'The Kremlin',
          entity: 'Kremlin',
          content: 'Russia had no part in the attack',
          stance: 'deny',
          targets: ['Russia'],
        },
      ],
    })
    const marked: Analysis = {
      ...kremlin,
      entities: kremlin.entities.map((e) =>
        e.name === 'Kremlin'
          ? { ...e, provenance: { stage: 'entities', rule: 'gazetteer+metonym:gpe:russia' } }
          : e,
      ),
    }
    const other = doc({
      source: 'other.txt',
      publishedAt: '2026-05-05',
      body: ['Russia rejected the accusation.'],
      entities: [russia],
      claims: [{ speaker: 'Russia', content: 'the accusation', stance: 'deny' }],
    })
    const story = onlyStory([marked, other])
    expect(speaker(story, 'Russia')).toEqual([expect.objectContaining({ documents: 2 })])
    expect(speaker(story, 'Kremlin')).toEqual([])
    // As a place it is still an entity of its own.
    expect(entity(story, 'Kremlin')).toHaveLength(1)
  })
})
