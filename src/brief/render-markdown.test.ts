import { readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { amberCrown, flood } from './fixtures/amber-crown.js'
import { buildBrief, renderBriefMarkdown } from './index.js'

const GOLDEN = new URL('./fixtures/amber-crown.brief.md', import.meta.url)

describe('renderBriefMarkdown', () => {
  const markdown = renderBriefMarkdown(buildBrief([...amberCrown, flood]))

  it('matches the golden page (UPDATE_GOLDEN=1 rewrites it; review the diff)', async () => {
    if (process.env['UPDATE_GOLDEN'] === '1') await writeFile(GOLDEN, markdown)
    expect(markdown).toBe(await readFile(GOLDEN, 'utf8'))
  })

  it('has one heading per story and the sections an analyst scans for', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'))
    expect(headings.filter((h) => h.startsWith('## '))).toEqual([
      '## Gunmen kill at least 139 at Velenor concert hall; Vostrana blames neighbour Kaldria',
      '## Floods close the Rhenvale bridge in Ostmark',
    ])
    for (const section of [
      'Documents',
      'Main entities',
      'Events',
      'Figures',
      'Claims by speaker',
      'Only in comment sections',
      'Unattributed',
    ]) {
      expect(headings).toContain(`### ${section}`)
    }
  })

  it('ends every claim, figure and event line with a citation of a listed document', () => {
    const lines = markdown
      .split('\n')
      .filter((line) => /^\s*- /.test(line) && !/^- \*\*\w+\*\*: /.test(line))
    expect(lines.length).toBeGreaterThan(30)
    for (const line of lines)
      expect(line).toMatch(
        /\[D\d+( s\d+)?( in a comment)?(, D\d+( s\d+)?( in a comment)?)*( and \d+ more)?\]$/,
      )
  })

  it('nests each report under the event at its place when one sentence tells of two', () => {
    const brief = buildBrief([flood])
    const story = brief.stories[0]!
    const [report] = story.events
    const [event] = story.reconciledEvents
    const elsewhere = { ...report!, place: 'Quillon' }
    const page = renderBriefMarkdown({
      ...brief,
      stories: [
        {
          ...story,
          events: [report!, elsewhere],
          reconciledEvents: [event!, { ...event!, id: 'ev2', place: 'Quillon' }],
        },
      ],
    })
    const lines = page.split('\n')
    const second = lines.findIndex((l) => l.startsWith(`- **${event!.type}** at Quillon`))
    expect(lines[second + 1]).toMatch(new RegExp(`^  - \\*\\*${report!.type}\\*\\* at Quillon`))
    expect(lines.filter((l) => l.startsWith('  - '))).toHaveLength(2)
  })

  it('renders a brief with nothing in it', () => {
    expect(renderBriefMarkdown(buildBrief([]))).toBe(
      "# Brief\n\n0 documents, 0 stories. Citations: [D*n* s*i*] is sentence *i* of document *n* in the story's table.\n\n> No documents to brief.\n",
    )
  })

  it('keeps document text from breaking the Markdown', () => {
    const [first] = amberCrown
    const odd = { ...first!, document: { ...first!.document, title: 'A | B *bold* `code`' } }
    const page = renderBriefMarkdown(buildBrief([odd]))
    expect(page).toContain('## A | B \\*bold\\* \\`code\\`')
    expect(page).toContain('| A \\| B \\*bold\\* \\`code\\` |')
  })
})
