import { describe, expect, it } from 'vitest'
import { textToDraft } from './text-to-draft.js'

/** The comments of a thread under a fixed article head, as [author, text]. */
function comments(thread: readonly string[]): [string | null, string][] {
  const draft = textToDraft(
    ['Quay news', 'The quay reopened on Monday.', 'Comments', ...thread].join('\n'),
  )
  return draft.blocks.filter((b) => b.kind === 'comment').map((b) => [b.author ?? null, b.text])
}

describe('textToDraft: comment headers', () => {
  it.each([
    [['Mark T. says:', 'First.'], [['Mark T.', 'First.']]],
    [['Mark T. says: March 4, 2026 at 9:12 am', 'First.'], [['Mark T.', 'First.']]],
    [['Mark T. on March 4, 2026 at 9:12 am', 'First.'], [['Mark T.', 'First.']]],
    [['Mark T. | Tuesday, March 4, 2026', 'First.'], [['Mark T.', 'First.']]],
    [['Mark T.', '4 March 2026 at 21:12', 'First.'], [['Mark T.', 'First.']]],
    [['Mark T. • 5 minutes ago', 'First.'], [['Mark T.', 'First.']]],
    [
      ['Mark T. wrote:', 'First.', 'Reply', 'Jo says:', 'Second.'],
      [
        ['Mark T.', 'First.'],
        ['Jo', 'Second.'],
      ],
    ],
    // Text that merely contains a date or "says" stays text.
    [
      ['Mark T. says:', 'I agree on March 4, 2026 things changed'],
      [['Mark T.', 'I agree on March 4, 2026 things changed']],
    ],
    [['Jo says:', 'My uncle says the alarm was off'], [['Jo', 'My uncle says the alarm was off']]],
    // Text before any author line is a comment without an author.
    [['Nobody signed this.'], [[null, 'Nobody signed this.']]],
  ] as const)('%j', (thread, expected) => {
    expect(comments(thread)).toEqual(expected)
  })

  it('keeps a comment thread out of the body and the form after it in boilerplate', () => {
    const draft = textToDraft(
      'Quay news\nThe quay reopened.\n1 Comment\nJo says:\nGood.\nLeave a comment\nName\nEmail',
    )
    expect(draft.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['body', 'The quay reopened.'],
      ['boilerplate', '1 Comment'],
      ['comment', 'Good.'],
      ['boilerplate', 'Leave a comment'],
      ['boilerplate', 'Name'],
      ['boilerplate', 'Email'],
    ])
  })
})

describe('textToDraft: title and byline', () => {
  it.each([
    ['Headline here\nBy Jane Doe\nBody text.', 'Headline here', 'Jane Doe', null],
    [
      'Headline here\nPosted on March 3, 2026 by admin\nBody text.',
      'Headline here',
      'admin',
      '2026-03-03',
    ],
    [
      'Headline here\nPosted by Sam Reyes on 3 March 2026\nBody text.',
      'Headline here',
      'Sam Reyes',
      '2026-03-03',
    ],
    ['Headline here\nMarch 3, 2026\nBody text.', 'Headline here', null, '2026-03-03'],
    ['Headline here\nAuthor: Ana Ruiz\nBody text.', 'Headline here', 'Ana Ruiz', null],
    [
      'Headline here\nBy Jane Doe\n12 February 2026 | 13:45 GMT\nBody text.',
      'Headline here',
      'Jane Doe',
      '2026-02-12',
    ],
    // A short first paragraph with a date in it is not a byline.
    ['Headline here\nTruce signed March 3, 2026\nBody text.', 'Headline here', null, null],
    // A first line that ends like a sentence is body, not a title.
    ['This is a sentence.\nAnother one.', null, null, null],
    // A single line has no title.
    ['Only line', null, null, null],
  ])('%j', (text, title, author, publishedAt) => {
    const draft = textToDraft(text)
    expect({ title: draft.title, author: draft.author, publishedAt: draft.publishedAt }).toEqual({
      title,
      author,
      publishedAt,
    })
  })

  it('splits a site name off a saved <title> and drops the headline printed again', () => {
    const draft = textToDraft(
      'Quay reopens | Daily Meridian\nQuay reopens\nThe quay reopened on Monday.',
    )
    expect({ title: draft.title, site: draft.site }).toEqual({
      title: 'Quay reopens',
      site: 'Daily Meridian',
    })
    expect(draft.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['boilerplate', 'Quay reopens'],
      ['body', 'The quay reopened on Monday.'],
    ])
  })

  it('treats "By …" after the body has started as text', () => {
    const draft = textToDraft('Headline here\nFirst paragraph.\nBy Monday the port had reopened.')
    expect(draft.blocks.map((b) => b.kind)).toEqual(['body', 'body'])
  })

  it('joins hard-wrapped paragraphs', () => {
    const para =
      'The harbour master said the quay would reopen on Monday, after the\ninspection of the damaged pier is complete and the insurers have\nsigned off on the temporary repairs to the ticket hall and the ramp.'
    const draft = textToDraft(`Quay news\n\n${para}\n\n${para}\n\n${para}`)
    expect(draft.blocks.filter((b) => b.kind === 'body').map((b) => b.text)).toEqual(
      Array(3).fill(para.replace(/\n/g, ' ')),
    )
  })
})

describe('textToDraft: page chrome and social posts', () => {
  it('reads "Name @handle · date" as the byline of an untitled social post', () => {
    const draft = textToDraft(
      'Harbour Eyes @harbour_eyes · 13 Feb 2026, 21:05\n\nSmoke over the terminal right now. #MarrowBay\n\n1.2K Reposts   310 Quotes   3.4K Likes',
    )
    expect(draft.title).toBeNull()
    expect(draft.author).toBe('Harbour Eyes (@harbour_eyes)')
    expect(draft.publishedAt).toBe('2026-02-13')
    expect(draft.blocks.map((b) => b.kind)).toEqual(['byline', 'body', 'boilerplate'])
  })

  it('puts menus separated by runs of spaces and short lines above the first prose in boilerplate', () => {
    const draft = textToDraft(
      [
        'Port reopens after blast',
        'Harbour Notes',
        'Home   About   Archive   Contact',
        'Posted on February 16, 2026 by Ines Marlow',
        'The port reopened on Monday morning, a week after the explosion in the ticket hall, with police at every gate.',
        'Share   Email   Print',
      ].join('\n'),
    )
    expect(draft.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['byline', 'Posted on February 16, 2026 by Ines Marlow'],
      ['boilerplate', 'Harbour Notes'],
      ['boilerplate', 'Home   About   Archive   Contact'],
      [
        'body',
        'The port reopened on Monday morning, a week after the explosion in the ticket hall, with police at every gate.',
      ],
      ['boilerplate', 'Share   Email   Print'],
    ])
  })
})
