import { describe, expect, it } from 'vitest'
import type { Analysis } from '../model/analysis.js'
import type { Brief, BriefStory } from './brief.js'
import { amberCrown, blog, flood, social, wire } from './fixtures/amber-crown.js'
import { makeAnalysis } from './fixtures/make-analysis.js'
import { buildBrief } from './index.js'
import { cueOutsideContent } from './build-brief.js'

const all: readonly Analysis[] = [...amberCrown, flood]

function storyOf(brief: Brief, source: string): BriefStory {
  const story = brief.stories.find((s) => s.documents.some((d) => d.source === source))
  if (story === undefined) throw new TypeError(`no story holds ${source}`)
  return story
}

function speaker(story: BriefStory, name: string) {
  const found = story.speakers.find((s) => s.name === name)
  if (found === undefined) throw new TypeError(`no speaker ${name}`)
  return found
}

/** Analyses with the text and sections kept and every annotation dropped (a fresh pipeline). */
function bare(analysis: Analysis): Analysis {
  return { ...analysis, entities: [], claims: [], events: [], quantities: [], dates: [] }
}

it('exports exactly the brief API', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toEqual([
    'BRIEF_SCHEMA',
    'buildBrief',
    'figureAgreement',
    'renderBriefMarkdown',
    'valueInterval',
  ])
})

describe('buildBrief: stories', () => {
  const brief = buildBrief(all)
  const story = storyOf(brief, wire.document.source)

  it('is versioned', () => {
    expect(brief.schema).toBe('claimgraph/brief@1')
    expect(brief.documents).toBe(8)
  })

  it('groups the seven Amber Crown documents into one story and keeps the flood apart', () => {
    expect(brief.stories).toHaveLength(2)
    expect(story.documents).toHaveLength(7)
    expect(storyOf(brief, flood.document.source).documents).toHaveLength(1)
    expect(brief.stories[0]).toBe(story)
  })

  it('joins one name typed differently by two documents, and events of one family', () => {
    const gpe = makeAnalysis({
      source: 'a.txt',
      body: ['Westria and Norvenia denied it. Westria and Norvenia said so again.'],
      entities: [
        { name: 'Westria', type: 'GPE' },
        { name: 'Norvenia', type: 'GPE' },
      ],
      claims: [{ speaker: 'Westria', content: 'said so again', stance: 'deny' }],
    })
    const person = makeAnalysis({
      source: 'b.txt',
      body: ['Westria spoke. Norvenia spoke. Westria and Norvenia agreed.'],
      entities: [
        { name: 'Westria', type: 'PERSON' },
        { name: 'Norvenia', type: 'GPE' },
      ],
      claims: [{ speaker: 'Westria', content: 'spoke', stance: 'deny' }],
    })
    const joined = buildBrief([gpe, person])
    expect(joined.stories).toHaveLength(1)
    expect(joined.stories[0]!.entities.map((e) => [e.name, e.documents])).toEqual([
      ['Norvenia', 2],
      ['Westria', 2],
    ])
    expect(joined.stories[0]!.speakers).toEqual([
      expect.objectContaining({ key: 'entity:westria', name: 'Westria', documents: 2 }),
    ])
    const shooting = makeAnalysis({
      source: 'c.txt',
      body: ['A shooting at the Lantern Club.'],
      events: [{ type: 'shooting', trigger: 'shooting', place: 'Lantern Club' }],
    })
    const massacre = makeAnalysis({
      source: 'd.txt',
      body: ['The massacre at the Lantern Club shocked the town.'],
      events: [{ type: 'massacre', trigger: 'massacre', place: 'Lantern Club' }],
    })
    expect(buildBrief([shooting, massacre]).stories).toHaveLength(1)
    expect(buildBrief([shooting, massacre]).stories[0]!.linkedBy).toContain(
      'attack at Lantern Club',
    )
  })

  it('says what linked the documents', () => {
    expect(story.linkedBy).toContain('attack at Amber Crown Concert Hall')
    expect(story.linkedBy).toContain('Kaldria')
  })

  it('orders documents by publication date and names the story after the earliest titled one', () => {
    expect(story.documents.map((d) => d.source)).toEqual([
      'sample/05-social-velenor-eyes.txt',
      'sample/01-northgate-wire.txt',
      'sample/03-watchtower-notes-blog.txt',
      'sample/02-daily-ledger.html',
      'sample/09-statements.jsonl#2',
      'sample/07-northgate-feed.xml#2',
      'sample/07-northgate-feed.xml#1',
    ])
    expect(story.title).toBe(wire.document.title)
    expect(story.firstPublishedAt).toBe(social.document.publishedAt)
    expect(story.lastPublishedAt).toBe('2026-03-15T15:30:00Z')
  })

  it('gives the same brief, story ids included, whatever the input order', () => {
    const reversed = buildBrief([...all].reverse())
    expect(reversed).toEqual(brief)
    expect(story.id).toMatch(/^s-[0-9a-f]{10}$/)
  })

  it('keeps a story id when later documents join', () => {
    const early = buildBrief([social, wire, blog])
    expect(early.stories[0]!.id).toBe(story.id)
  })

  it('filters by story id', () => {
    expect(buildBrief(all, { storyId: story.id }).stories).toEqual([story])
    expect(buildBrief(all, { storyId: 's-0000000000' }).stories).toEqual([])
  })

  it('ignores a second analysis of the same document, and says so', () => {
    const twice = buildBrief([...all, wire])
    expect(twice.documents).toBe(8)
    expect(twice.notes).toContain('1 duplicate analyses (same document id) were ignored.')
  })
})

describe('buildBrief: documents and entities', () => {
  const story = storyOf(buildBrief(all), wire.document.source)

  it('describes each document with a short id and counts', () => {
    const doc = story.documents.find((d) => d.source === blog.document.source)!
    expect(doc).toMatchObject({
      ref: blog.document.id.slice(0, 8),
      id: blog.document.id,
      title: 'What we know about the Amber Crown Hall massacre',
      site: 'Watchtower Notes',
      kind: 'blog',
      publishedAt: '2026-03-14',
    })
    expect(doc.counts).toMatchObject({ comments: 3, claims: 9, events: 1, figures: 3 })
  })

  it('counts a repeated paragraph once', () => {
    const doc = story.documents.find((d) => d.source === social.document.source)!
    expect(doc.counts).toMatchObject({ repeats: 1, sentences: 3, claims: 1, figures: 1 })
  })

  it('ranks main entities by documents, then mentions, and does not count boilerplate', () => {
    expect(story.entities.slice(0, 3).map((e) => e.name)).toEqual([
      'Amber Crown Concert Hall',
      'Velenor',
      'Kaldria',
    ])
    const hall = story.entities[0]!
    expect(hall).toMatchObject({ type: 'FAC', documents: 7 })
    const front = story.entities.find((e) => e.name === 'Black Meridian Front')!
    // Wire: one body mention; its "Related stories" mention is boilerplate.
    expect(front).toMatchObject({ documents: 4, mentions: 4 })
  })
})

describe('buildBrief: figures', () => {
  const story = storyOf(buildBrief(all), wire.document.source)
  const measure = (name: string) => story.figures.find((m) => m.measure === name)!

  it('lists measures in reading order, never mixing injured and hospitalized', () => {
    expect(story.figures.map((m) => m.measure)).toEqual([
      'killed',
      'injured',
      'hospitalized',
      'attackers',
      'arrested',
    ])
  })

  it('shows every source for the death toll, with the latest value', () => {
    const killed = measure('killed')
    expect(killed.reports.map((r) => r.text)).toEqual([
      'at least 100',
      'at least 139',
      'Close to 140',
      '139',
      '143',
    ])
    expect(killed).toMatchObject({ agreement: 'conflicting', documents: 5, latest: 143 })
  })

  it('marks conflicting, consistent and single-source measures', () => {
    expect(measure('injured').agreement).toBe('conflicting')
    expect(measure('attackers')).toMatchObject({ agreement: 'consistent', documents: 3, latest: 4 })
    expect(measure('arrested')).toMatchObject({ agreement: 'single_source', documents: 1 })
    expect(measure('arrested').reports[0]).toMatchObject({ event: 'arrest', value: 11 })
  })

  it('finds the toll consistent before the later update', () => {
    const early = storyOf(
      buildBrief(amberCrown.filter((a) => a !== social && !a.document.source.endsWith('#2'))),
      wire.document.source,
    )
    expect(early.figures.find((m) => m.measure === 'killed')).toMatchObject({
      agreement: 'consistent',
      latest: 139,
    })
  })
})

describe('buildBrief: claims by speaker', () => {
  const story = storyOf(buildBrief(all), wire.document.source)

  it('joins a speaker across documents by entity key', () => {
    const voskel = speaker(story, 'Adrian Voskel')
    expect(voskel).toMatchObject({
      kind: 'entity',
      entityType: 'PERSON',
      documents: 2,
      onlyInComments: false,
    })
    expect(voskel.claims.map((c) => c.stance)).toEqual(['accuse', 'accuse', 'accuse'])
    expect(new Set(voskel.claims.flatMap((c) => c.targets))).toEqual(new Set(['Kaldria']))
    expect(voskel.claims.map((c) => c.speakerText)).toEqual([
      'Adrian Voskel',
      'Voskel',
      'Adrian Voskel',
    ])
  })

  it('lays out claims of responsibility, accusations and denials', () => {
    const front = speaker(story, 'Black Meridian Front')
    expect(front.documents).toBe(3)
    expect(front.claims.every((c) => c.stance === 'claim_responsibility')).toBe(true)
    const dravic = speaker(story, 'Ilona Dravic')
    expect(new Set(dravic.claims.flatMap((c) => c.targets))).toEqual(
      new Set(['Kaldria', 'Norvenia', 'Westria']),
    )
    for (const name of ['Emil Radovan', 'Claire Whitlock', 'Daniel Ferro']) {
      expect(speaker(story, name).claims.every((c) => c.stance === 'deny')).toBe(true)
    }
  })

  it('keeps commenters apart, as comment-only speakers', () => {
    expect(speaker(story, 'Dmitri Vale')).toMatchObject({ kind: 'commenter', onlyInComments: true })
    expect(speaker(story, 'Agnes Poll')).toMatchObject({ kind: 'commenter', onlyInComments: true })
    expect(speaker(story, 'My cousin')).toMatchObject({ kind: 'description', onlyInComments: true })
    const ministry = speaker(story, 'The health ministry')
    expect(ministry.onlyInComments).toBe(false)
    expect(ministry.claims.map((c) => c.cite.section)).toEqual(['body', 'comment'])
    expect(ministry.claims[1]!.cite.commentAuthor).toBe('Agnes Poll')
  })

  it('leaves out a claim of a cue only the tagger found, with no speaker', () => {
    const tagged = makeAnalysis({
      source: 'e.txt',
      body: ['Blaming the neighbour is an old habit in Orlen.'],
      claims: [
        {
          speaker: null,
          cue: 'Blaming',
          content: 'the neighbour is an old habit in Orlen',
          kind: 'indirect',
          rule: 'tagged-cue',
        },
      ],
    })
    expect(buildBrief([tagged]).stories.flatMap((s) => s.speakers)).toEqual([])
  })

  it('gives "we" and "I" outside quotations to the source, or to the commenter, who writes', () => {
    const analysis = makeAnalysis({
      source: 'f.txt',
      site: 'Orlen Ledger',
      body: ['We found no source for the figure in Orlen.'],
      comments: [{ author: 'Jonas Feld', text: 'I think the figure in Orlen is wrong.' }],
      claims: [
        { speaker: 'We', cue: 'found', content: 'no source for the figure in Orlen' },
        { speaker: 'I', cue: 'think', content: 'the figure in Orlen is wrong', within: 'I think' },
      ],
    })
    const speakers = buildBrief([analysis]).stories.flatMap((s) => s.speakers)
    expect(speakers.map((s) => [s.name, s.kind])).toEqual([
      ['Orlen Ledger', 'source'],
      ['Jonas Feld', 'commenter'],
    ])
  })

  it('puts the unattributed allegation last', () => {
    const last = story.speakers[story.speakers.length - 1]!
    expect(last).toMatchObject({ key: 'unattributed', kind: 'unattributed' })
    expect(last.claims).toEqual([
      expect.objectContaining({
        content: 'the gunmen had help from someone inside the hall',
        hedged: true,
      }),
    ])
  })

  it('does not count a claim made again in a repeated paragraph', () => {
    expect(speaker(story, 'People outside').claims).toHaveLength(1)
  })

  it('cites a known document and the sentence the claim is in', () => {
    const texts = new Map(all.map((a) => [a.document.id.slice(0, 8), a]))
    for (const s of story.speakers) {
      for (const claim of s.claims) {
        const analysis = texts.get(claim.cite.document)!
        const sentence = analysis.sentences[claim.cite.sentence!]!
        expect(analysis.text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ')).toBe(
          claim.cite.text,
        )
        expect(claim.cite.text).toContain(claim.content.slice(0, 20))
      }
    }
  })
})

describe('buildBrief: nothing extracted yet', () => {
  it('briefs no documents', () => {
    expect(buildBrief([])).toEqual({
      schema: 'claimgraph/brief@1',
      documents: 0,
      stories: [],
      notes: ['No documents to brief.'],
    })
  })

  it('still groups documents, by recurring names, and says nothing was extracted', () => {
    const brief = buildBrief(all.map(bare))
    const story = storyOf(brief, wire.document.source)
    expect(story.documents.length).toBeGreaterThanOrEqual(6)
    expect(storyOf(brief, flood.document.source)).not.toBe(story)
    expect(story.notes).toEqual([
      'Nothing was extracted from these documents yet (no entities, claims or events).',
    ])
    expect(story).toMatchObject({ entities: [], events: [], figures: [], speakers: [] })
    expect(brief.notes[0]).toMatch(/^8 of 8 documents have no extracted entities/)
  })

  it('survives analyses with no sentences and no sections', () => {
    const raw = makeAnalysis({ source: 'raw.txt', body: ['Storm in Velenor. Velenor flooded.'] })
    const brief = buildBrief([{ ...raw, sections: [], sentences: [] }])
    expect(brief.stories).toHaveLength(1)
    expect(brief.stories[0]!.title).toBe('raw.txt')
  })
})

describe('cueOutsideContent', () => {
  const span = (text: string, start: number) => ({ start, end: start + text.length, text })
  it.each([
    // "Pell said Orlen said it would retaliate": the content's own "said" does not hide the cue.
    [
      'a cue before its content',
      span('said', 5),
      span('Orlen said it would retaliate', 10),
      'said',
    ],
    [
      'a cue inside an interrupted quotation',
      span('Kovan said', 12),
      span('“We will stay,” Kovan said, “and rebuild.”', 0),
      null,
    ],
    ['a narrated claim', null, span('Wake up', 0), null],
  ])('%s', (_name, cue, content, expected) => {
    expect(cueOutsideContent({ cue, content })).toBe(expected)
  })
})
