import { describe, expect, it } from 'vitest'
import { findClaims } from './index.js'
import { layersOf, type GivenEntity } from './fixtures/test-layers.js'

// Fictional cast; every sentence below is written for these tests.
const CAST: readonly GivenEntity[] = [
  { name: 'Orlen', type: 'GPE' },
  { name: 'Tessaly', type: 'GPE' },
  { name: 'Mira Kovan', type: 'PERSON', aliases: ['Kovan'] },
  { name: 'Ilona Dravic', type: 'PERSON', aliases: ['Dravic'] },
]

/** Each claim as "speaker → entity | cue | content | kind | stance | hedged | targets". */
function claimsOf(text: string): string[] {
  const { doc, sentences, entities } = layersOf(text, CAST)
  const name = (id: string | null): string => entities.find((e) => e.id === id)?.name ?? '-'
  return findClaims(doc, sentences, entities).map((c) =>
    [
      `${c.speaker?.text ?? '-'} → ${name(c.speaker?.entity ?? null)}`,
      c.cue?.text ?? '-',
      c.content.text,
      c.kind,
      c.stance,
      c.hedged ? 'hedged' : 'not hedged',
      c.targets.map(name).join(','),
    ].join(' | '),
  )
}

describe('[claims] cue phrases whose head word is no cue on its own', () => {
  it.each([
    [
      'The interior minister raised the possibility that Tessaly had financed the gunmen.',
      'The interior minister → - | raised the possibility | that Tessaly had financed the gunmen | indirect | accuse | hedged | Tessaly',
    ],
    [
      'Kovan has raised the prospect of new sanctions against Orlen.',
      'Kovan → Mira Kovan | has raised the prospect | new sanctions against Orlen | indirect | assert | hedged | ',
    ],
    [
      'Kovan did not rule out a second attack on the capital.',
      'Kovan → Mira Kovan | did not rule out | a second attack on the capital | indirect | assert | hedged | ',
    ],
  ])('%s', (text, expected) => {
    expect(claimsOf(text)).toEqual([expected])
  })

  it('withholds: "did not name", "refused to identify" (negated, provenance says so)', () => {
    const { doc, sentences, entities } = layersOf(
      'The ministry did not name the suspects. Kovan refused to identify the gunmen.',
      CAST,
    )
    expect(
      findClaims(doc, sentences, entities).map(
        (c) => `${c.cue?.text} | ${c.content.text} | ${c.provenance.rule}`,
      ),
    ).toEqual([
      'did not name | the suspects | phrase-cue+negated',
      'refused to identify | the gunmen | phrase-cue+negated',
    ])
  })

  it('ends its content where an attribution of its own starts, and takes the phrase speaker', () => {
    expect(
      claimsOf(
        'Kovan raised the possibility that the port would close, and Orlen said it would not.',
      ),
    ).toEqual([
      'Kovan → Mira Kovan | raised the possibility | that the port would close | indirect | assert | hedged | ',
      'Orlen → Orlen | said | it would not | indirect | assert | not hedged | ',
    ])
    expect(claimsOf('Talks with Orlen have raised the prospect of a deal.')[0]).toMatch(
      /^Talks with Orlen → /,
    )
  })

  it('leaves the head word alone elsewhere', () => {
    expect(claimsOf('The council raised taxes in May.')).toEqual([])
  })
})

describe('[claims] a block quotation after "X said:"', () => {
  it('is the direct content of the speaker and cue that end the paragraph before it', () => {
    expect(
      claimsOf(
        'President Ilona Dravic said:\n\nWe will find those who did this.\n\nThe hall is shut.',
      ),
    ).toEqual([
      'President Ilona Dravic → Ilona Dravic | said: | We will find those who did this. | direct | assert | not hedged | ',
    ])
  })

  it('takes adjuncts and an addressee between cue and colon, without the colon in the cue', () => {
    expect(claimsOf('Kovan told reporters in Orlen on Sunday:\n\nThe hall was locked.')).toEqual([
      'Kovan → Mira Kovan | told | The hall was locked. | direct | assert | not hedged | ',
    ])
    expect(claimsOf('Dravic said in her address:\n\nNobody will be spared.')).toEqual([
      'Dravic → Ilona Dravic | said | Nobody will be spared. | direct | assert | not hedged | ',
    ])
  })

  it('is not read after a clause of its own before the colon, nor for a paragraph of marks', () => {
    expect(
      claimsOf('Kovan said on Monday the hall had three doors:\n\nTwo were locked.').map(
        (c) => c.split(' | ')[2],
      ),
    ).toEqual(['the hall had three doors'])
    expect(claimsOf('Kovan told reporters:\n\n…')).toEqual([])
  })

  it('is not read after a colon that lists things, nor after words other than adjuncts', () => {
    expect(claimsOf('The ministry listed its demands:\n\nAn inquiry and the files.')).not.toContain(
      expect.stringContaining('An inquiry'),
    )
    expect(
      claimsOf('Kovan said the hall had three doors:\n\nTwo were locked.').map(
        (c) => c.split(' | ')[2],
      ),
    ).not.toContain('Two were locked.')
  })
})

describe('[claims] a question after its speaker and cue', () => {
  it('is not given to the pronoun that opens the next sentence', () => {
    expect(
      claimsOf('A reporter asked the minister: “Do you have any proof?” He refused to answer.')[0],
    ).toBe('A reporter → - | asked | “Do you have any proof?” | direct | question | not hedged | ')
  })

  it('still goes with a name after it ("“Why now?” Kovan asked.")', () => {
    expect(claimsOf('“Why now?” Kovan asked.')).toEqual([
      'Kovan → Mira Kovan | asked | “Why now?” | direct | question | not hedged | ',
    ])
  })
})

describe('[claims] a bloc word before a group noun', () => {
  it('leaves the group a speaker of its own kind ("Western intelligence officials")', () => {
    const text = 'Western intelligence officials believe Tessaly supplied the rifles.'
    const { doc, sentences, entities } = layersOf(text, [
      ...CAST,
      { name: 'Western', type: 'NORP' },
    ])
    const [claim] = findClaims(doc, sentences, entities)
    expect(claim?.speaker).toMatchObject({ text: 'Western intelligence officials', entity: null })
  })
})
