import { readFileSync } from 'node:fs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import type { NormalizedDocument } from '../model/document.js'
import type { RawInput } from '../read/raw-input.js'
import type { NormalizeOutcome } from './normalize-outcome.js'
import { normalizeRaw } from './normalize-raw.js'
import { sectionTexts } from './section-texts.js'

const fixture = (name: string): Uint8Array =>
  readFileSync(new URL(`fixtures/${name}`, import.meta.url))
const raw = (bytes: Uint8Array, source: string, mediaType: string | null = null): RawInput => ({
  bytes,
  source,
  mediaType,
})
const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8')

function only(outcomes: NormalizeOutcome[]): NormalizedDocument {
  expect(outcomes).toHaveLength(1)
  const [outcome] = outcomes
  if (outcome === undefined || !outcome.ok)
    return expect.fail(`expected a document, got ${JSON.stringify(outcome)}`)
  return outcome.doc
}

/** Sections are in order, do not overlap, and sit inside the text. */
function expectWellFormed(doc: NormalizedDocument): void {
  let previousEnd = 0
  for (const section of doc.sections) {
    expect(section.start).toBeGreaterThanOrEqual(previousEnd)
    expect(section.end).toBeGreaterThan(section.start)
    expect(section.end).toBeLessThanOrEqual(doc.text.length)
    previousEnd = section.end
  }
}

describe('normalizeRaw: plain text pages', () => {
  it('separates title, byline, body, comments with authors and boilerplate in a saved blog page', () => {
    const doc = only(normalizeRaw(raw(fixture('blog-with-comments.txt'), 'blog.txt', 'text/plain')))
    expectWellFormed(doc)
    expect(doc.metadata).toMatchObject({
      source: 'blog.txt',
      title: "What the Harbor Lane fire tells us about the city's inspections",
      author: 'admin',
      publishedAt: '2026-03-03',
      kind: 'blog',
      language: 'en',
    })
    expect(
      doc.text.startsWith(
        "What the Harbor Lane fire tells us about the city's inspections\n\nPosted on March 3, 2026 by admin\n\n",
      ),
    ).toBe(true)
    const sections = sectionTexts(doc)
    expect(sections.map((s) => s.kind)).toEqual([
      'title',
      'byline',
      'boilerplate',
      'body',
      'boilerplate',
      'comment',
      'boilerplate',
      'comment',
      'boilerplate',
      'comment',
      'boilerplate',
    ])
    expect(sections[1]?.text).toBe('Posted on March 3, 2026 by admin')
    expect(sections[2]?.text).toBe('Skip to content\n\nHome | News | Opinion | About')
    expect(sections[3]?.text).toMatch(/^The fire at the Harbor Lane warehouse/)
    expect(sections[3]?.text).toMatch(/has not commented\. #HarborLane$/)
    expect(sections[4]?.text).toContain('Share this:')
    expect(sections[4]?.text).toContain('Harbor Lane residents demand answers')
    expect(sections[4]?.text).toMatch(/3 thoughts on “What the Harbor Lane fire/)
    const comments = sections.filter((s) => s.kind === 'comment')
    expect(comments).toEqual([
      {
        kind: 'comment',
        author: 'Mark T.',
        text: 'The inspection report was never published. Why not?',
      },
      {
        kind: 'comment',
        author: 'Lucy Fenwick',
        text: 'My brother lives two streets away. He says the smoke alarm in the warehouse had been broken for months.\n\nHe also says the fire started near the loading dock.',
      },
      {
        kind: 'comment',
        author: 'admin',
        text: 'Thanks Lucy, we have asked the city for the report.',
      },
    ])
    expect(sections.at(-1)?.text).toMatch(
      /^Reply\n\nLeave a Reply\n\nYour email address will not be published[\s\S]*Post Comment$/,
    )
  })

  it('puts navigation, cookie notices, sharing and related-story lists of a news page in boilerplate', () => {
    const doc = only(normalizeRaw(raw(fixture('news-with-cruft.txt'), 'news.txt')))
    expectWellFormed(doc)
    expect(doc.metadata).toMatchObject({
      title: 'Officials trade blame after blast at Marrow Bay ferry terminal',
      author: 'Helena Voss',
      publishedAt: '2026-02-12',
      kind: 'article',
    })
    const sections = sectionTexts(doc)
    expect(sections.map((s) => s.kind)).toEqual([
      'title',
      'byline',
      'boilerplate',
      'body',
      'boilerplate',
      'body',
      'boilerplate',
    ])
    expect(sections[1]?.text).toBe('By Helena Voss\nPublished 12 February 2026')
    expect(sections[2]?.text).toContain('We use cookies')
    expect(sections[2]?.text).toContain('Home | World | Europe | Politics | Business | Sport')
    expect(sections[3]?.text.split('\n\n')).toHaveLength(4)
    expect(sections[3]?.text).toMatch(/^At least 23 people were injured/)
    expect(sections[4]?.text).toBe(
      'Share this article\n\nShare on Facebook\n\nShare on X\n\nRelated stories\n\nFerry services suspended across the bay\n\nWho are the Northern Front?\n\nVeltra and Corvinia: a timeline of tensions',
    )
    expect(sections[5]?.text).toBe(
      'Police said the terminal would stay closed until at least Friday while investigators examine the site.',
    )
    expect(sections[6]?.text).toMatch(
      /^More from World\n\nStorm warnings[\s\S]*All rights reserved\.$/,
    )
    const body = sections
      .filter((s) => s.kind === 'body')
      .map((s) => s.text)
      .join('\n\n')
    expect(body).not.toMatch(/Share|Related|cookies|Tessaly/)
  })

  it('flags a repeated paragraph of a social post and keeps hashtags and handles', () => {
    const doc = only(normalizeRaw(raw(fixture('social-post-repeat.txt'), 'post.txt')))
    expect(doc.metadata.kind).toBe('social')
    expect(doc.metadata.title).toBeNull()
    expect(doc.text).toContain('#MarrowBay #Veltra')
    expect(doc.text).toContain('@DailyMeridian')
    expect(doc.repeats).toHaveLength(1)
    const [repeat] = doc.repeats
    if (repeat === undefined) return expect.fail('no repeat')
    expect(doc.text.slice(repeat.start, repeat.end)).toBe(
      doc.text.slice(repeat.of.start, repeat.of.end),
    )
    expect(repeat.of.start).toBe(0)
    expect(repeat.start).toBeGreaterThan(repeat.of.end)
  })

  it('reports a non-English text with a LANGUAGE_UNSUPPORTED diagnostic', () => {
    const doc = only(normalizeRaw(raw(fixture('french.txt'), 'fr.txt')))
    expect(doc.metadata.language).toBe('fr')
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['LANGUAGE_UNSUPPORTED'])
  })

  it('says "und" for a text too short to tell', () => {
    const doc = only(normalizeRaw(raw(utf8('Ja.'), 'short.txt')))
    expect(doc.metadata.language).toBe('und')
    expect(doc.diagnostics).toEqual([])
  })
})

describe('normalizeRaw: HTML', () => {
  it('extracts the article with Readability and the comment thread, with authors, from the DOM', () => {
    const doc = only(
      normalizeRaw(
        raw(
          fixture('blog-with-comments.html'),
          'https://quiet.example/2026/03/05/alder-street/',
          'text/html; charset=utf-8',
        ),
      ),
    )
    expectWellFormed(doc)
    expect(doc.metadata).toEqual({
      source: 'https://quiet.example/2026/03/05/alder-street/',
      title: 'Night of sirens on Alder Street',
      author: 'Priya Nandakumar',
      site: 'The Quiet Corner',
      publishedAt: '2026-03-05T17:20:00.000Z',
      kind: 'blog',
      language: 'en',
    })
    const sections = sectionTexts(doc)
    expect(sections.map((s) => s.kind)).toEqual(['title', 'byline', 'body', 'comment', 'comment'])
    expect(sections[1]?.text).toBe('By Priya Nandakumar')
    expect(sections[2]?.text.split('\n\n')).toHaveLength(4)
    expect(sections[2]?.text).toMatch(/^I was walking home along Alder Street/)
    expect(sections[2]?.text).toMatch(/publishes its findings\.$/)
    expect(sections.slice(3)).toEqual([
      {
        kind: 'comment',
        author: 'Tomasz W.',
        text: 'The same shop had a small fire last summer. I reported it to the council then.',
      },
      {
        kind: 'comment',
        author: 'Priya Nandakumar',
        text: 'Thank you, Tomasz. Do you remember which month that was?\n\nI would like to ask the council about it.',
      },
    ])
    expect(doc.text).not.toMatch(
      /never run|color: red|Leave a Reply|Skip to content|Share this|All rights reserved/,
    )
  })

  it('reads JSON-LD (NewsArticle in @graph) before meta tags, and survives a broken JSON-LD block', () => {
    const doc = only(normalizeRaw(raw(fixture('news-jsonld.html'), 'herald.html')))
    expect(doc.metadata).toMatchObject({
      title: 'Northern Front claim disputed by investigators',
      author: 'Ruth Okafor, Daniel Sauer',
      site: 'Coastal Herald',
      publishedAt: '2026-02-13T09:30:00.000Z',
      kind: 'article',
    })
    const sections = sectionTexts(doc)
    expect(sections.map((s) => s.kind)).toEqual(['title', 'byline', 'body'])
    expect(sections[1]?.text).toBe('By Ruth Okafor and Daniel Sauer')
    expect(sections[2]?.text).toMatch(/^Investigators in Veltra said on Thursday/)
    expect(sections[2]?.text).toMatch(/Corvinia again denied any involvement\.$/)
    expect(doc.text).not.toMatch(/Privacy policy|Opinion/)
  })

  it('uses <meta charset> to decode a Windows-1252 page', () => {
    const html =
      '<html><head><meta charset="windows-1252"><title>Caf\u00e9 talk</title></head><body><p>The caf\u00e9 owner said \u201cwe heard a bang\u201d \u2013 then silence.</p></body></html>'
    const doc = only(normalizeRaw(raw(iconv.encode(html, 'windows-1252'), 'cafe.html')))
    expect(doc.text).toContain(
      'The caf\u00e9 owner said \u201cwe heard a bang\u201d \u2013 then silence.',
    )
  })
})

describe('normalizeRaw: encodings and bad input', () => {
  const text =
    'Quay statement\nThe harbour master\u2019s office said the caf\u00e9 and the kiosk would stay shut \u2014 for now.'

  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    [
      'UTF-16LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]),
    ],
    [
      'UTF-16BE with BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]),
    ],
    ['UTF-16LE without BOM', iconv.encode(text, 'utf16le')],
    ['Windows-1252', iconv.encode(text, 'windows-1252')],
  ])('decodes %s', (_name, bytes) => {
    const doc = only(normalizeRaw(raw(bytes, 'quay.txt')))
    expect(doc.metadata.title).toBe('Quay statement')
    expect(doc.text).toBe(text.replace('\n', '\n\n'))
  })

  it('refuses binary input', () => {
    const bytes = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ])
    const [outcome] = normalizeRaw(raw(bytes, 'image.txt'))
    expect(outcome?.ok).toBe(false)
    if (outcome?.ok === false) expect(outcome.error.code).toBe('INPUT_BINARY')
  })

  it.each([
    ['an empty file', new Uint8Array(0)],
    ['only whitespace', utf8(' \n\t\n  ')],
    ['HTML without text', utf8('<html><body><script>x()</script></body></html>')],
  ])('gives INPUT_EMPTY for %s', (_name, bytes) => {
    const [outcome] = normalizeRaw(raw(bytes, 'empty.html'))
    expect(outcome?.ok).toBe(false)
    if (outcome?.ok === false) {
      expect(outcome.error.code).toBe('INPUT_EMPTY')
      expect(outcome.subject).toBe('empty.html')
    }
  })
})

describe('normalizeRaw: Markdown, JSON, JSONL, feeds', () => {
  it('strips Markdown and takes the first # heading as title', () => {
    const doc = only(normalizeRaw(raw(fixture('article.md'), 'article.md')))
    expect(doc.metadata.title).toBe('Five questions about the Marrow Bay blast')
    expect(doc.metadata.author).toBe('Nora Quill')
    expect(sectionTexts(doc).map((s) => [s.kind, s.text])).toEqual([
      ['title', 'Five questions about the Marrow Bay blast'],
      ['byline', 'By Nora Quill'],
      [
        'body',
        'The explosion at the ferry terminal raised more questions than answers. Here are five of them.\n\nWho is the Northern Front?\n\nLittle is known about the group. Its first public message appeared in January 2026.\n\nWhere was the claim posted?\n\nWhy did it appear so early?',
      ],
    ])
  })

  it('reads JSONL records; a broken line and a record without text fail alone, naming file#line', () => {
    const outcomes = normalizeRaw(raw(fixture('records.jsonl'), 'wire.jsonl'))
    expect(
      outcomes.map((o) => (o.ok ? o.doc.metadata.source : `${o.subject} ${o.error.code}`)),
    ).toEqual([
      'wire.jsonl#1',
      'wire.jsonl#2 INPUT_MALFORMED',
      'wire.jsonl#3',
      'wire.jsonl#5 INPUT_MALFORMED',
    ])
    const [first, broken, third] = outcomes
    if (!first?.ok || broken?.ok !== false || !third?.ok) return expect.fail('unexpected outcomes')
    expect(broken.error.toLine()).toMatch(/^wire\.jsonl#2: line 2 is not valid JSON/)
    expect(first.doc.metadata).toMatchObject({
      title: 'Port reopens',
      author: 'Lena Park',
      site: 'Wire Example',
      publishedAt: '2026-02-16T07:00:00.000Z',
    })
    expect(sectionTexts(first.doc).map((s) => s.kind)).toEqual(['title', 'body'])
    expect(third.doc.metadata.publishedAt).toBe('2026-02-16')
    expect(third.doc.text).toBe(
      'Minister speaks\n\nThe interior minister said on Monday that the investigation was making progress.\n\nHe did not take questions.',
    )
  })

  it('reads a JSON array of records as source#n and a single record as the source', () => {
    const array = normalizeRaw(
      raw(
        utf8(
          '[{"title":"One","text":"First record body."},{"title":"Two","text":"Second record body."}]',
        ),
        'set.json',
      ),
    )
    expect(array.map((o) => o.ok && o.doc.metadata.source)).toEqual(['set.json#1', 'set.json#2'])
    const single = only(
      normalizeRaw(
        raw(utf8('{"title":"One","text":"Only record body.","kind":"social"}'), 'one.json'),
      ),
    )
    expect(single.metadata).toMatchObject({ source: 'one.json', title: 'One', kind: 'social' })
  })

  it('gives INPUT_MALFORMED with the parser message for broken JSON', () => {
    const [outcome] = normalizeRaw(raw(utf8('{"title": "x", '), 'bad.json'))
    expect(outcome?.ok).toBe(false)
    if (outcome?.ok === false) {
      expect(outcome.error.code).toBe('INPUT_MALFORMED')
      expect(outcome.error.toLine()).toMatch(/^bad\.json: not valid JSON \(/)
    }
  })

  it('turns each RSS item into a document; an empty item fails alone', () => {
    const outcomes = normalizeRaw(
      raw(fixture('feed.rss'), 'https://harbourwatch.example/feed', 'application/rss+xml'),
    )
    expect(outcomes).toHaveLength(3)
    const [first, second, empty] = outcomes
    if (!first?.ok || !second?.ok || empty?.ok !== false) return expect.fail('unexpected outcomes')
    expect(first.doc.metadata).toMatchObject({
      source:
        'https://harbourwatch.example/feed#https://harbourwatch.example/2026/02/terminal-reopens',
      title: 'Terminal to reopen on Monday',
      author: 'Sam Ilves',
      site: 'Harbour Watch',
      publishedAt: '2026-02-14T08:00:00.000Z',
    })
    expect(first.doc.text).toBe(
      'Terminal to reopen on Monday\n\nThe Marrow Bay ferry terminal will reopen on Monday, the port authority said on Saturday.\n\nTicket sales will move to a temporary building while the hall is repaired.',
    )
    expect(second.doc.metadata.title).toBe('Vigil draws hundreds')
    expect(empty.error.code).toBe('INPUT_EMPTY')
    expect(empty.subject).toBe(
      'https://harbourwatch.example/feed#https://harbourwatch.example/2026/02/empty',
    )
  })

  it('turns each Atom entry into a document, sniffed from a .xml file; items without links are numbered', () => {
    const outcomes = normalizeRaw(raw(fixture('feed.atom'), 'notes.xml', 'application/xml'))
    const docs = outcomes.map((o) => (o.ok ? o.doc : null))
    expect(docs.map((d) => d?.metadata.source)).toEqual([
      'notes.xml#https://baynotes.example/port-authority',
      'notes.xml#2',
    ])
    expect(docs[0]?.metadata).toMatchObject({
      author: 'Ines Marlow',
      site: 'Bay Notes',
      publishedAt: '2026-02-15T09:00:00.000Z',
    })
    expect(docs[0]?.text).toContain(
      "The port authority's statement on Saturday said nothing about the security cameras",
    )
    expect(docs[1]?.text).toBe(
      'A correction\n\nAn earlier post gave the number of injured as 23. The health authority now says 27.',
    )
  })

  it.each([
    ['truncated XML', '<rss'],
    ['XML that is not a feed', '<?xml version="1.0"?><notafeed/>'],
  ])('gives INPUT_MALFORMED for a .rss file with %s', (_name, xml) => {
    const [outcome] = normalizeRaw(raw(utf8(xml), 'bad.rss'))
    expect(outcome?.ok === false && outcome.error.toLine()).toMatch(
      /^bad\.rss: not a valid RSS or Atom feed \(/,
    )
  })
})

describe('normalizeRaw: comment markup variants', () => {
  it('reads <article class="comment"> with .comment-author and <ol class="commentlist"> with cite.fn', () => {
    const doc = only(normalizeRaw(raw(fixture('forum-comments.html'), 'forum.html')))
    expect(doc.metadata).toMatchObject({
      title: 'Letter: the bay deserves answers',
      author: 'Gwen Ashby',
      // From the page's byline, not from a comment's <time>.
      publishedAt: '2026-02-17',
      site: 'Bay Community Forum',
      kind: 'blog',
    })
    const sections = sectionTexts(doc)
    expect(sections.filter((s) => s.kind === 'comment')).toEqual([
      {
        kind: 'comment',
        author: 'Rafael D.',
        text: 'Fully agree. The footage exists, my cousin works at the port.',
      },
      { kind: 'comment', author: 'anon_bay', text: 'It was the Corvinians, everyone knows it.' },
      {
        kind: 'comment',
        author: 'Old Salt',
        text: 'The hall was closed twice last year for electrical faults.',
      },
    ])
    const body = sections
      .filter((s) => s.kind === 'body')
      .map((s) => s.text)
      .join('\n\n')
    expect(body).toMatch(/^Three weeks after the explosion/)
    expect(body).not.toMatch(/Corvinians|Post Comment|Comments \(3\)/)
  })

  it('reads plain-text threads with relative times ("Name • 2 hours ago")', () => {
    const text = [
      'Ferry update',
      'The terminal reopens on Monday, the port authority said.',
      '2 Comments',
      'Rafael D. • 2 hours ago',
      'Good news for commuters.',
      'Reply',
      'anon_bay',
      '3 days ago',
      'Too late for the shops on the quay.',
    ].join('\n')
    const doc = only(normalizeRaw(raw(utf8(text), 'thread.txt')))
    expect(sectionTexts(doc).filter((s) => s.kind === 'comment')).toEqual([
      { kind: 'comment', author: 'Rafael D.', text: 'Good news for commuters.' },
      { kind: 'comment', author: 'anon_bay', text: 'Too late for the shops on the quay.' },
    ])
  })
})

describe('normalizeRaw: formats it cannot read', () => {
  it('names a PDF given by mistake', () => {
    const bytes = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.from([0, 0xe2, 0xe3, 0xcf, 0xd3, 0]),
    ])
    const [outcome] = normalizeRaw(raw(bytes, 'report.pdf'))
    expect(outcome?.ok === false && outcome.error.toLine()).toBe(
      'report.pdf: looks like a PDF file, not text; convert it to text or HTML first',
    )
  })

  it('refuses XML that is not a feed', () => {
    const [outcome] = normalizeRaw(
      raw(
        utf8('<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>'),
        'sitemap.xml',
        'application/xml',
      ),
    )
    expect(outcome?.ok === false && outcome.error.code).toBe('INPUT_UNSUPPORTED')
  })
})

describe('normalizeRaw: Markdown front matter', () => {
  it('takes title, author, site and date from YAML front matter', () => {
    const md =
      '---\ntitle: "Port: the week after"\nauthor: Ines Marlow\nsite: Harbour Notes\ndate: 2026-02-16\n---\n\n# Port: the week after\n\nThe port reopened on Monday.\n'
    const doc = only(normalizeRaw(raw(utf8(md), 'week.md')))
    expect(doc.metadata).toMatchObject({
      title: 'Port: the week after',
      author: 'Ines Marlow',
      site: 'Harbour Notes',
      publishedAt: '2026-02-16',
    })
    expect(doc.text).toBe('Port: the week after\n\nThe port reopened on Monday.')
  })
})

describe('normalizeRaw: never fails unexpectedly', () => {
  it('ignores an unknown charset label, as browsers do', () => {
    const doc = only(
      normalizeRaw(
        raw(
          utf8(
            '<html><head><meta charset="no-such-charset"></head><body><p>Caf\u00e9 open.</p></body></html>',
          ),
          'odd.html',
        ),
      ),
    )
    expect(doc.text).toBe('Caf\u00e9 open.')
  })

  it('turns odd inputs into documents or catalog errors, never INTERNAL', () => {
    // A small deterministic generator: the same "random" bytes on every run.
    let seed = 42
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    const inputs: Uint8Array[] = [
      utf8('"just a string"'),
      utf8('[1, 2, {"text": "x"}]'),
      utf8('<div class="comment"><div class="comment"><p>deep</p></div></div>'),
      utf8('Title\n3 Comments\nReply\nReply'),
      utf8('<rss version="2.0"><channel></channel></rss>'),
      ...Array.from({ length: 50 }, () =>
        Uint8Array.from({ length: next() % 300 }, () => next() % 256),
      ),
    ]
    for (const bytes of inputs) {
      for (const source of ['x.txt', 'x.html', 'x.json', 'x.jsonl', 'x.rss', 'x.md']) {
        for (const outcome of normalizeRaw(raw(bytes, source))) {
          if (!outcome.ok) expect(outcome.error.code).not.toBe('INTERNAL')
        }
      }
    }
  })
})

describe('normalizeRaw: containers without documents', () => {
  it.each([
    [
      'feed.rss',
      '<rss version="2.0"><channel><title>Quiet</title></channel></rss>',
      'the feed has no items',
    ],
    ['set.json', '[]', 'the JSON array has no records'],
  ])('gives INPUT_EMPTY for %s', (source, text, message) => {
    const [outcome] = normalizeRaw(raw(utf8(text), source))
    expect(outcome?.ok === false && outcome.error.toLine()).toBe(`${source}: ${message}`)
  })
})

describe('normalizeRaw: things that only look like comments', () => {
  it('keeps a <span class="comment"> and a layout wrapper called "comment" in the body', () => {
    const html =
      '<html><body><div class="comment"><h1>Quay reopens</h1><p>The quay reopened on Monday <span class="comment">(updated 10:00)</span> after a week.</p></div></body></html>'
    const doc = only(normalizeRaw(raw(utf8(html), 'layout.html')))
    expect(doc.sections.map((s) => s.kind)).toEqual(['title', 'body'])
    expect(doc.text).toBe(
      'Quay reopens\n\nThe quay reopened on Monday (updated 10:00) after a week.',
    )
  })
})
