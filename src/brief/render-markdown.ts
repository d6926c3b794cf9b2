/**
 * @module
 * The brief as Markdown for a human analyst: one heading per story, then documents, entities,
 * events, figures and claims, every line ending in citations like `[D2 s4]` (document 2 of the
 * story's document table, sentence 4) or `[D3 s12 in a comment]`.
 */
import type {
  Brief,
  BriefClaim,
  BriefDocument,
  BriefEvent,
  BriefEventCluster,
  BriefFigure,
  BriefFinding,
  BriefResponsibility,
  BriefMeasure,
  BriefSpeaker,
  BriefStory,
  Citation,
} from './brief.js'
import { eventFamily } from '../reconcile/events.js'
import { clip } from './document-view.js'

/** Entities listed per story in Markdown (the JSON keeps more). */
const MAX_ENTITIES_SHOWN = 12
/** Citations listed on one line before "and N more". */
const MAX_CITES_PER_LINE = 8

/**
 * Render a brief as Markdown.
 *
 * @example
 * process.stdout.write(renderBriefMarkdown(buildBrief(analyses)))
 */
export function renderBriefMarkdown(brief: Brief): string {
  const lines: string[] = ['# Brief', '']
  const stories = brief.stories.length === 1 ? '1 story' : `${brief.stories.length} stories`
  const documents = brief.documents === 1 ? '1 document' : `${brief.documents} documents`
  lines.push(
    `${documents}, ${stories}. Citations: [D*n* s*i*] is sentence *i* of document *n* in the story's table.`,
  )
  lines.push('')
  for (const note of brief.notes) lines.push(`> ${note}`)
  if (brief.notes.length > 0) lines.push('')
  for (const story of brief.stories) lines.push(...renderStory(story))
  return `${lines.join('\n').trimEnd()}\n`
}

function renderStory(story: BriefStory): string[] {
  const label = new Map(story.documents.map((d, i) => [d.ref, `D${i + 1}`]))
  const cite = (c: Citation): string => {
    const at = `${label.get(c.document) ?? c.document}${c.sentence === null ? '' : ` s${c.sentence}`}`
    return c.section === 'comment' ? `${at} in a comment` : at
  }
  const cites = (cs: readonly Citation[]): string => citeList(cs.map(cite))
  const lines: string[] = [`## ${escapeInline(story.title)}`, '']

  const span = dateRange(story.firstPublishedAt, story.lastPublishedAt)
  lines.push(
    `Story \`${story.id}\`${span === '' ? '' : ` · ${span}`} · ${kindSummary(story.documents)}`,
  )
  if (story.linkedBy.length > 0) lines.push(`Linked by: ${story.linkedBy.join(', ')}`)
  lines.push('')
  for (const note of story.notes) lines.push(`> ${note}`)
  if (story.notes.length > 0) lines.push('')

  lines.push(
    '### Documents',
    '',
    '| | Published | Kind | Site | Title | Source |',
    '|---|---|---|---|---|---|',
  )
  story.documents.forEach((d, i) => lines.push(documentRow(d, i)))
  lines.push('')

  if (story.entities.length > 0) {
    lines.push('### Main entities', '')
    const shown = story.entities.slice(0, MAX_ENTITIES_SHOWN).map((e) => {
      const docs = e.documents === 1 ? '1 doc' : `${e.documents} docs`
      const aka = e.aliases.length > 0 ? `, also ${e.aliases.join(', ')}` : ''
      return `**${escapeInline(e.name)}** (${e.type}, ${docs}, ${e.mentions}×${aka})`
    })
    lines.push(shown.join(' · '), '')
  }

  if (story.events.length > 0) {
    lines.push('### Events', '', ...renderEvents(story, cites), '')
  }

  if (story.figures.length > 0) {
    lines.push('### Figures', '')
    for (const measure of story.figures) lines.push(...renderMeasure(measure, cites))
    lines.push(
      '',
      '*Every report as extracted; see "Figures by event" for copies counted once and updates.*',
      '',
    )
  }

  lines.push(...renderReconciled(story, cites))

  const named = story.speakers.filter((s) => !s.onlyInComments && s.kind !== 'unattributed')
  const commenters = story.speakers.filter((s) => s.onlyInComments && s.kind !== 'unattributed')
  const unattributed = story.speakers.filter((s) => s.kind === 'unattributed')
  if (named.length > 0) {
    lines.push('### Claims by speaker', '')
    for (const speaker of named) lines.push(...renderSpeaker(speaker, cite))
  }
  if (commenters.length > 0) {
    lines.push('### Only in comment sections', '')
    for (const speaker of commenters) lines.push(...renderSpeaker(speaker, cite))
  }
  if (unattributed.length > 0) {
    lines.push('### Unattributed', '')
    for (const claim of unattributed.flatMap((s) => s.claims)) lines.push(claimLine(claim, cite))
    lines.push('')
  }
  return lines
}

function renderReconciled(story: BriefStory, cites: (cs: readonly Citation[]) => string): string[] {
  const lines: string[] = []
  const label = new Map(story.documents.map((d, i) => [d.ref, `D${i + 1}`]))
  const doc = (ref: string) => label.get(ref) ?? ref
  const sourcesText = (n: number) => (n === 1 ? '1 independent source' : `${n} independent sources`)

  if (story.sources.length > 0 || story.duplicates.length > 0) {
    lines.push('### Sources and copies', '')
    for (const d of story.duplicates) {
      const what = d.kind === 'copy' ? 'copies' : 'shares a long passage with'
      lines.push(
        `- ${doc(d.copy)} ${what} ${doc(d.original)} (${Math.round(d.containment * 100)}% of the smaller text; earliest known: ${doc(d.original)}) [${doc(d.original)}, ${doc(d.copy)}]`,
      )
    }
    for (const source of story.sources) {
      const members = source.members
        .slice(1)
        .map((m) => `${doc(m.document)}${m.reason === undefined ? '' : ` (${m.reason})`}`)
      const all = source.members.map((m) => doc(m.document)).join(', ')
      lines.push(
        `- One source: ${doc(source.earliest)} (earliest known), with ${members.join(', ')} [${all}]`,
      )
    }
    lines.push('')
  }

  if (story.timeline.length > 0) {
    lines.push('### Timeline', '')
    for (const entry of story.timeline) {
      const when = entry.date ?? 'undated'
      const later =
        entry.daysAfterFirst !== null && entry.daysAfterFirst > 0
          ? ` (${entry.daysAfterFirst} day${entry.daysAfterFirst === 1 ? '' : 's'} later)`
          : ''
      const where = entry.place === null ? '' : ` at ${escapeInline(entry.place)}`
      lines.push(`- ${when}${later}: **${entry.type}**${where} [${cites(entry.cites)}]`)
    }
    lines.push('')
  }

  if (story.reconciledFigures.length > 0) {
    lines.push('### Figures by event', '')
    const events = new Map(story.reconciledEvents.map((e) => [e.id, e]))
    for (const m of story.reconciledFigures) {
      const event = events.get(m.event)
      const current =
        m.current === null ? '' : `; ${m.status === 'updated' ? 'latest' : 'best'} ${m.current}`
      lines.push(
        `- **${m.measure}**: ${m.status.replace('_', ' ')} (${event?.type ?? m.event}; ${sourcesText(m.independentSources)}${current})`,
      )
      m.values.forEach((v, i) => {
        const against = m.conflicts
          .filter((c) => c.kind === 'contradiction' && (c.a === i || c.b === i))
          .map((c) => m.values[c.a === i ? c.b : c.a]!.label)
        const updates = m.conflicts.filter((c) => c.kind === 'update' && c.b === i)
        const notes = [
          sourcesText(v.independentSources),
          v.asOf === undefined ? null : `as of ${v.asOf}`,
          updates.length > 0
            ? `later report, updates ${updates.map((c) => m.values[c.a]!.label).join(', ')}`
            : null,
          against.length > 0 ? `contradicts ${against.join(', ')}` : null,
        ].filter((n) => n !== null)
        lines.push(`  - ${v.label} (${notes.join('; ')}) [${cites(v.cites)}]`)
      })
    }
    lines.push('')
  }

  for (const r of story.responsibility) {
    lines.push(`### Responsibility: ${r.status}`, '')
    const who = (list: BriefResponsibility['actors'][number]['claimedBy']) =>
      list
        .map(
          (a) =>
            `${escapeInline(a.speaker)}${a.withoutEvidence ? ' (no evidence cited)' : ''} [${cites(a.cites)}]`,
        )
        .join('; ')
    for (const a of r.actors) {
      lines.push(`**${escapeInline(a.actor)}**`, '')
      if (a.claimedBy.length > 0) lines.push(`- claimed by: ${who(a.claimedBy)}`)
      if (a.accusedBy.length > 0) lines.push(`- accused by: ${who(a.accusedBy)}`)
      if (a.deniedBy.length > 0) lines.push(`- denied by: ${who(a.deniedBy)}`)
      lines.push('')
    }
    lines.push('')
  }

  const finding = (f: BriefFinding) =>
    `- ${escapeInline(f.text)} (${sourcesText(f.independentSources)}) [${cites(f.cites)}]`
  if (story.corroborated.length > 0) {
    lines.push('### Corroborated by two or more independent sources', '')
    lines.push(...story.corroborated.map(finding), '')
  }
  if (story.singleSource.length > 0) {
    lines.push('### Resting on one source', '')
    lines.push(...story.singleSource.map(finding), '')
  }
  return lines
}

function documentRow(d: BriefDocument, i: number): string {
  const cells = [
    `D${i + 1} \`${d.ref}\``,
    d.publishedAt === null ? '—' : shortDate(d.publishedAt),
    d.kind,
    escapeCell(d.site ?? '—'),
    escapeCell(d.title === null ? '—' : clip(d.title, 90)),
    escapeCell(d.source),
  ]
  return `| ${cells.join(' | ')} |`
}

function renderMeasure(
  measure: BriefMeasure,
  cites: (cs: readonly Citation[]) => string,
): string[] {
  const docs = measure.documents === 1 ? '1 document' : `${measure.documents} documents`
  const latest = measure.latest === null ? '' : `; latest ${measure.latest}`
  const lines = [
    `- **${measure.measure}**: ${measure.agreement.replace('_', ' ')} (${docs}${latest})`,
  ]
  // One line per value: "at least 139" from four documents is one line, however it was worded.
  const byValue = new Map<string, BriefFigure[]>()
  for (const report of measure.reports) {
    const key = figureValue(report)
    const group = byValue.get(key)
    if (group === undefined) byValue.set(key, [report])
    else group.push(report)
  }
  const usual = mostCommon(measure.reports.map((r) => r.event))
  for (const [value, reports] of byValue) {
    const events = [...new Set(reports.map((r) => r.event))].filter((e) => e !== usual)
    const event = events.length > 0 ? ` (${events.join(', ')})` : ''
    const wordings = [
      ...new Map(reports.map((r) => r.text.replace(/\s+/g, ' ')).map((w) => [w.toLowerCase(), w])),
    ]
      .filter(([lower]) => lower !== value)
      .map(([, w]) => w)
      .slice(0, 2)
    const written =
      wordings.length > 0 ? ` (${wordings.map((w) => `"${escapeInline(w)}"`).join(', ')})` : ''
    lines.push(`  - ${value}${written}${event} [${cites(reports.map((r) => r.cite))}]`)
  }
  return lines
}

/** "at least 139", "139", "about 140", "at most 20", "24–99". */
function figureValue(figure: BriefFigure): string {
  const value =
    figure.valueMax === undefined ? `${figure.value}` : `${figure.value}–${figure.valueMax}`
  const prefix = { exact: '', at_least: 'at least ', at_most: 'at most ', approx: 'about ' }[
    figure.qualifier
  ]
  return `${prefix}${value}`
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts.entries()].sort(([, a], [, b]) => b - a)[0]?.[0]
}

function renderSpeaker(speaker: BriefSpeaker, cite: (c: Citation) => string): string[] {
  const what = speaker.entityType ?? speaker.kind
  const docs = speaker.documents === 1 ? '1 doc' : `${speaker.documents} docs`
  const lines = [`**${escapeInline(speaker.name)}** (${what}, ${docs})`, '']
  for (const claim of speaker.claims) lines.push(claimLine(claim, cite))
  lines.push('')
  return lines
}

function claimLine(claim: BriefClaim, cite: (c: Citation) => string): string {
  const targets = claim.targets.length > 0 ? ` → ${claim.targets.join(', ')}` : ''
  const flags = [claim.kind, claim.hedged ? 'hedged' : null].filter((f) => f !== null).join(', ')
  // The cue says what the speaker did ("has not commented on", "denied"): shown before the content.
  const cue = claim.cue === null ? '' : `${escapeInline(claim.cue)} `
  return `- ${claim.stance}${targets}: ${cue}“${escapeInline(claim.content)}” (${flags}) [${cite(claim.cite)}]`
}

/**
 * Each event across sources (`reconciledEvents`), then under it its reports as extracted, grouped
 * by type and place ("shooting at the hall", "arson"). A report no event holds (lists cut) comes last.
 */
function renderEvents(story: BriefStory, cites: (cs: readonly Citation[]) => string): string[] {
  // A report belongs to an event of its family citing its sentence (one sentence may tell of an
  // attack and of an arrest); of two such events ("attacks in Dravnik and Quillon"), to the one
  // at its place.
  const at = (c: Citation, family: string) =>
    `${c.document}\u0000${c.sentence ?? ''}\u0000${family}`
  const eventsAt = new Map<string, BriefEventCluster[]>()
  for (const e of story.reconciledEvents) {
    for (const c of new Set(e.cites.map((c) => at(c, e.family)))) {
      eventsAt.set(c, [...(eventsAt.get(c) ?? []), e])
    }
  }
  const eventOfReport = (report: BriefEvent) => {
    const events = eventsAt.get(at(report.cite, eventFamily(report.type))) ?? []
    const place = report.place?.toLowerCase()
    return (events.find((e) => e.place?.toLowerCase() === place) ?? events[0])?.id
  }
  const reports = (events: readonly BriefEvent[], indent: string) =>
    groupEvents(events).map((group) => {
      const first = group[0]!
      const where = first.place === null ? '' : ` at ${escapeInline(first.place)}`
      const agents = [...new Set(group.flatMap((e) => e.agents))]
      const by = agents.length > 0 ? `; agents: ${agents.join(', ')}` : ''
      return `${indent}- **${first.type}**${where}${eventDates(group)}${by} [${cites(group.map((e) => e.cite))}]`
    })
  const lines: string[] = []
  for (const event of story.reconciledEvents) {
    const where = event.place === null ? '' : ` at ${escapeInline(event.place)}`
    const when = event.date === null ? '' : `, ${event.date}`
    const documents = event.documents === 1 ? '1 document' : `${event.documents} documents`
    const sources =
      event.independentSources === 1
        ? '1 independent source'
        : `${event.independentSources} independent sources`
    lines.push(
      `- **${event.type}**${where}${when}: ${documents}, ${sources} [${cites(event.cites)}]`,
    )
    lines.push(
      ...reports(
        story.events.filter((e) => eventOfReport(e) === event.id),
        '  ',
      ),
    )
  }
  lines.push(
    ...reports(
      story.events.filter((e) => eventOfReport(e) === undefined),
      '',
    ),
  )
  return lines
}

/** Events of the same type at the same place, in first-report order. */
function groupEvents(events: readonly BriefEvent[]): BriefEvent[][] {
  const groups = new Map<string, BriefEvent[]>()
  for (const event of events) {
    const key = `${event.type}\u0000${event.place?.toLowerCase() ?? ''}`
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [event])
    else group.push(event)
  }
  return [...groups.values()]
}

/** ", 2026-03-13" or ", 2026-03-13 (3), 2026-03-14 (1)"; unresolved dates are quoted as written. */
function eventDates(events: readonly BriefEvent[]): string {
  const counts = new Map<string, number>()
  for (const e of events) {
    const date = e.date ?? (e.dateText === null ? null : `"${e.dateText}"`)
    if (date !== null) counts.set(date, (counts.get(date) ?? 0) + 1)
  }
  if (counts.size === 0) return ''
  if (counts.size === 1) return `, ${[...counts.keys()][0]}`
  const dates = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b))
  return `, ${dates.map(([date, n]) => `${date} (${n})`).join(', ')}`
}

function citeList(labels: readonly string[]): string {
  const unique = [...new Set(labels)]
  const shown = unique.slice(0, MAX_CITES_PER_LINE).join(', ')
  const more = unique.length - MAX_CITES_PER_LINE
  return more > 0 ? `${shown} and ${more} more` : shown
}

function kindSummary(documents: readonly BriefDocument[]): string {
  const counts = new Map<string, number>()
  for (const d of documents) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1)
  const kinds = [...counts.entries()].map(([kind, n]) => `${n} ${kind}`).join(', ')
  const total = documents.length === 1 ? '1 document' : `${documents.length} documents`
  return `${total} (${kinds})`
}

function dateRange(first: string | null, last: string | null): string {
  if (first === null || last === null) return ''
  const a = first.slice(0, 10)
  const b = last.slice(0, 10)
  return a === b ? a : `${a} to ${b}`
}

/** "2026-03-13T23:40:00+01:00" → "2026-03-13 23:40" (the time as the source gives it). */
function shortDate(iso: string): string {
  return iso.length > 10 ? iso.slice(0, 16).replace('T', ' ') : iso
}

function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|')
}

/** Keep text from the documents from turning into Markdown structure. */
function escapeInline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>])/g, '\\$1')
}
