/**
 * @module
 * `buildBrief`: the cross-document summary of a list of analyses. A pure function: the same
 * analyses, in any order, give the same brief.
 */
import { createHash } from 'node:crypto'
import type { Analysis, Claim, EntityType } from '../model/analysis.js'
import {
  BRIEF_SCHEMA,
  type Brief,
  type BriefClaim,
  type BriefDocument,
  type BriefEntity,
  type BriefEvent,
  type BriefFigure,
  type BriefMeasure,
  type BriefSpeaker,
  type BriefStory,
  type BuildBriefOptions,
  type SpeakerKind,
} from './brief.js'
import { canonicalEntities, type StoryEntities } from './canonical.js'
import { clip, documentView, publicationTime as time, type DocumentView } from './document-view.js'
import { figureAgreement } from './figure-agreement.js'
import { groupStories } from './group-stories.js'
import { linkKeys, type LinkKey } from './link-keys.js'
import { reconcileStory } from './reconciled.js'

/** Main entities kept per story. */
const MAX_ENTITIES = 20
/** Shared keys shown as the reason a story's documents belong together. */
const MAX_LINKED_BY = 10
/** Length of a short document id before collisions force a longer one. */
const SHORT_REF_LENGTH = 8
/** Measures in the order an analyst reads them; others follow alphabetically. */
const MEASURE_ORDER = ['killed', 'injured', 'hospitalized', 'missing', 'attackers', 'arrested']

/**
 * Build the brief of a list of analyses: documents grouped into stories, and per story its
 * documents, main entities, events, the figures each source reports and the claims by speaker.
 *
 * @example
 * const brief = buildBrief(analyses)
 * console.log(renderBriefMarkdown(brief))
 */
export function buildBrief(analyses: readonly Analysis[], options: BuildBriefOptions = {}): Brief {
  const unique = uniqueById(analyses)
  const refs = shortRefs(unique.map((a) => a.document.id))
  const views = unique.map((analysis, i) => documentView(analysis, refs[i]!))
  const keys = views.map(linkKeys)

  let stories = groupStories(keys)
    .map((group) =>
      buildStory(
        group.map((i) => views[i]!),
        group.map((i) => keys[i]!),
      ),
    )
    .sort(
      (a, b) =>
        b.documents.length - a.documents.length ||
        compareTimes(time(a.firstPublishedAt), time(b.firstPublishedAt)) ||
        a.id.localeCompare(b.id),
    )
  if (options.storyId !== undefined) stories = stories.filter((s) => s.id === options.storyId)

  const documents = options.corpus?.documents ?? unique.length
  const withoutEntities =
    options.corpus?.withoutEntities ?? unique.filter((a) => a.entities.length === 0).length
  const notes: string[] = []
  if (documents === 0) notes.push('No documents to brief.')
  if (withoutEntities > 0) {
    notes.push(
      `${withoutEntities} of ${documents} documents have no extracted entities; ` +
        'they were grouped by recurring capitalised names in their text instead.',
    )
  }
  if (analyses.length > unique.length) {
    notes.push(
      `${analyses.length - unique.length} duplicate analyses (same document id) were ignored.`,
    )
  }
  return { schema: BRIEF_SCHEMA, documents, stories, notes }
}

function buildStory(
  members: readonly DocumentView[],
  keys: readonly (readonly LinkKey[])[],
): BriefStory {
  const order = members
    .map((view, i) => ({ view, keys: keys[i]! }))
    .sort((a, b) => compareTimes(a.view.time, b.view.time) || a.view.ref.localeCompare(b.view.ref))
  const views = order.map((o) => o.view)
  const earliest = views[0]!.analysis.document
  const titled = views.find((v) => v.analysis.document.title !== null)?.analysis.document
  const dated = views.filter((v) => v.time !== null)
  const claims = views.reduce((n, v) => n + v.analysis.claims.length, 0)
  const events = views.reduce((n, v) => n + v.analysis.events.length, 0)
  const entities = views.reduce((n, v) => n + v.analysis.entities.length, 0)
  const figures = collectFigures(views)

  const notes: string[] = []
  if (claims + events + entities === 0) {
    notes.push('Nothing was extracted from these documents yet (no entities, claims or events).')
  } else {
    if (entities === 0) notes.push('No entities were extracted.')
    if (events === 0) notes.push('No events were extracted.')
    else if (figures.length === 0) notes.push('No figures were extracted.')
    if (claims === 0) notes.push('No claims were extracted.')
  }

  const canonical = canonicalEntities(views)
  const speakers = collectSpeakers(views, canonical)
  return {
    id: storyId(earliest.id),
    title: titled?.title ?? earliest.source,
    firstPublishedAt: dated[0]?.analysis.document.publishedAt ?? null,
    lastPublishedAt: dated[dated.length - 1]?.analysis.document.publishedAt ?? null,
    documents: views.map(briefDocument),
    linkedBy: linkedBy(order.map((o) => o.keys)),
    entities: mainEntities(canonical),
    events: collectEvents(views, canonical),
    figures,
    speakers,
    notes,
    ...reconcileStory(views, speakers, canonical),
  }
}

/** Stable across runs: a hash of the earliest document's id. */
function storyId(documentId: string): string {
  return `s-${createHash('sha256').update(`story:${documentId}`).digest('hex').slice(0, 10)}`
}

function briefDocument(view: DocumentView): BriefDocument {
  const { analysis } = view
  const counted = <T extends { start: number; end: number }>(spans: readonly T[]) =>
    spans.filter((s) => !view.isDiscounted(s)).length
  return {
    ref: view.ref,
    ...analysis.document,
    counts: {
      sentences: counted(analysis.sentences),
      entities: analysis.entities.filter((e) => e.mentions.some((m) => !view.isDiscounted(m)))
        .length,
      claims: counted(analysis.claims.map((c) => c.content)),
      events: counted(analysis.events.map((e) => e.trigger)),
      figures: counted(analysis.events.flatMap((e) => e.figures.map((f) => f.span))),
      comments: analysis.sections.filter((s) => s.kind === 'comment').length,
      repeats: analysis.repeats.length,
    },
  }
}

function linkedBy(keys: readonly (readonly LinkKey[])[]): string[] {
  if (keys.length < 2) return []
  const counts = new Map<string, { label: string; documents: number }>()
  for (const documentKeys of keys) {
    for (const key of documentKeys) {
      const entry = counts.get(key.key) ?? { label: key.label, documents: 0 }
      entry.documents += 1
      counts.set(key.key, entry)
    }
  }
  return [...counts.values()]
    .filter((e) => e.documents >= 2)
    .sort((a, b) => b.documents - a.documents || a.label.localeCompare(b.label))
    .slice(0, MAX_LINKED_BY)
    .map((e) => e.label)
}

/**
 * Entities joined across the story's documents as canonical entities (src/brief/canonical.ts: same
 * key or name, surnames, short forms, demonyms); the key shown is the `Entity.key` most of its
 * documents give, the name and type those of the canonical entity.
 */
function mainEntities(canonical: StoryEntities): BriefEntity[] {
  const entities: BriefEntity[] = []
  for (const group of canonical.groups) {
    const keys = new Map<string, number>()
    const names = new Map<string, number>()
    const documents = new Set<DocumentView>()
    let mentions = 0
    for (const { view, entity } of group.members) {
      const counted = entity.mentions.filter((m) => !view.isDiscounted(m)).length
      if (counted === 0) continue
      documents.add(view)
      mentions += counted
      bump(names, entity.name)
      bump(keys, entity.key)
    }
    if (mentions === 0) continue
    const { name, type } = group.entity
    entities.push({
      key: rankNames(keys)[0]!,
      name,
      type,
      aliases: rankNames(names).filter((n) => n !== name),
      documents: documents.size,
      mentions,
    })
  }
  return entities
    .sort(
      (a, b) =>
        b.documents - a.documents || b.mentions - a.mentions || a.name.localeCompare(b.name),
    )
    .slice(0, MAX_ENTITIES)
}

function bump(counts: Map<string, number>, value: string): void {
  counts.set(value, (counts.get(value) ?? 0) + 1)
}

function collectEvents(views: readonly DocumentView[], canonical: StoryEntities): BriefEvent[] {
  const events: BriefEvent[] = []
  for (const view of views) {
    for (const event of view.analysis.events) {
      if (view.isDiscounted(event.trigger)) continue
      const place = event.place
      const placeEntity =
        place === null || place.entity === null ? undefined : view.entity(place.entity)
      events.push({
        type: event.type,
        trigger: event.trigger.text,
        date: event.date?.value ?? null,
        dateText: event.date?.text ?? null,
        place: placeEntity?.name ?? place?.text ?? null,
        agents: entityNames(view, event.agents, canonical, event.sentence),
        cite: view.cite(event.trigger, event.sentence),
      })
    }
  }
  return events
}

function collectFigures(views: readonly DocumentView[]): BriefMeasure[] {
  const byMeasure = new Map<string, BriefFigure[]>()
  for (const view of views) {
    const seen = new Set<number>()
    for (const event of view.analysis.events) {
      for (const figure of event.figures) {
        // One span reported under two events is one report.
        if (view.isDiscounted(figure.span) || seen.has(figure.span.start)) continue
        seen.add(figure.span.start)
        const report: BriefFigure = {
          event: event.type,
          value: figure.value,
          ...(figure.valueMax === undefined ? {} : { valueMax: figure.valueMax }),
          qualifier: figure.qualifier,
          text: figure.span.text,
          publishedAt: view.analysis.document.publishedAt,
          cite: view.cite(figure.span, figure.sentence),
        }
        const reports = byMeasure.get(figure.measure) ?? []
        reports.push(report)
        byMeasure.set(figure.measure, reports)
      }
    }
  }
  return [...byMeasure.entries()]
    .sort(([a], [b]) => measureRank(a) - measureRank(b) || a.localeCompare(b))
    .map(([measure, reports]) => {
      const latest = reports.reduce<BriefFigure | null>(
        (best, r) => (isLaterReport(r, best) ? r : best),
        null,
      )
      return {
        measure,
        agreement: figureAgreement(reports.map((r) => ({ ...r, document: r.cite.document }))),
        documents: new Set(reports.map((r) => r.cite.document)).size,
        latest: latest?.value ?? null,
        reports,
      }
    })
}

/**
 * A report from a later-published document, or from a later sentence of the same document ("at
 * first 139 … the toll has since risen to 143"; in one sentence, the later told, as the figures
 * come in text order). Undated reports are never the latest.
 */
function isLaterReport(report: BriefFigure, than: BriefFigure | null): boolean {
  const t = time(report.publishedAt)
  if (t === null) return false
  if (than === null) return true
  const u = time(than.publishedAt) ?? -Infinity
  if (t !== u) return t > u
  return (
    report.cite.document === than.cite.document &&
    (report.cite.sentence ?? -1) >= (than.cite.sentence ?? -1)
  )
}

function measureRank(measure: string): number {
  const rank = MEASURE_ORDER.indexOf(measure)
  return rank === -1 ? MEASURE_ORDER.length : rank
}

interface SpeakerGroup {
  kind: SpeakerKind
  entityTypes: Map<string, number>
  names: Map<string, number>
  documents: Set<string>
  claims: BriefClaim[]
}

function collectSpeakers(views: readonly DocumentView[], canonical: StoryEntities): BriefSpeaker[] {
  const groups = new Map<string, SpeakerGroup>()
  for (const view of views) {
    for (const claim of view.analysis.claims) {
      if (view.isDiscounted(claim.content)) continue
      // A cue only the tagger found, with no speaker, answers no "who said it" and is no
      // allegation either: the brief leaves it out (it stays in the analysis and the API).
      if (claim.speaker === null && claim.provenance.rule.startsWith('tagged-cue')) continue
      const cite = view.cite(claim.content, claim.sentence)
      const holder = speakerOf(view, claim.speaker, claim.kind, cite.commentAuthor, canonical)
      const group = groups.get(holder.key) ?? {
        kind: holder.kind,
        entityTypes: new Map<string, number>(),
        names: new Map<string, number>(),
        documents: new Set<string>(),
        claims: [],
      }
      bump(group.names, holder.name)
      if (holder.entityType !== null) bump(group.entityTypes, holder.entityType)
      group.documents.add(view.ref)
      group.claims.push({
        stance: claim.stance,
        kind: claim.kind,
        content: clip(claim.content.text),
        targets: entityNames(view, claim.targets, canonical, claim.sentence),
        hedged: claim.hedged,
        speakerText: claim.speaker?.text ?? null,
        cue: cueOutsideContent(claim),
        cite: { ...cite, section: claim.section },
      })
      groups.set(holder.key, group)
    }
  }
  return [...groups.entries()]
    .map(([key, g]) => ({
      key,
      name: rankNames(g.names)[0]!,
      kind: g.kind,
      entityType: (rankNames(g.entityTypes)[0] ?? null) as EntityType | null,
      documents: g.documents.size,
      onlyInComments: g.claims.every((c) => c.cite.section === 'comment'),
      claims: g.claims,
    }))
    .sort(
      (a, b) =>
        speakerRank(a.kind) - speakerRank(b.kind) ||
        b.documents - a.documents ||
        b.claims.length - a.claims.length ||
        a.name.localeCompare(b.name),
    )
}

const FIRST_PERSON: ReadonlySet<string> = new Set(['i', 'we'])

/** Named and described speakers first, then the sources' own voice, commenters, nobody. */
function speakerRank(kind: SpeakerKind): number {
  return { entity: 0, description: 0, source: 1, commenter: 2, unattributed: 3 }[kind]
}

function speakerOf(
  view: DocumentView,
  speaker: Analysis['claims'][number]['speaker'],
  kind: Analysis['claims'][number]['kind'],
  commentAuthor: string | undefined,
  canonical: StoryEntities,
): { key: string; name: string; kind: SpeakerKind; entityType: EntityType | null } {
  // "We found no source for this", "I find the speed … troubling": the author's (or the
  // commenter's) own voice, as the analysis leaves "I" and "we" unresolved outside quotations.
  const firstPerson = speaker !== null && FIRST_PERSON.has(speaker.text.trim().toLowerCase())
  if (speaker !== null && !firstPerson) {
    const entity = speaker.entity === null ? undefined : canonical.speaker(view, speaker.entity)
    if (entity !== undefined) {
      return {
        key: `entity:${entity.key}`,
        name: entity.name,
        kind: 'entity',
        entityType: entity.type,
      }
    }
    const words = clip(speaker.text, 80)
    return {
      key: `description:${words.toLowerCase()}`,
      name: words,
      kind: 'description',
      entityType: null,
    }
  }
  if (commentAuthor !== undefined) {
    const name = commentAuthor.trim()
    return { key: `commenter:${name.toLowerCase()}`, name, kind: 'commenter', entityType: null }
  }
  if (kind === 'narrated' || firstPerson) {
    const { site, author, title } = view.analysis.document
    const name = site ?? author ?? title ?? view.ref
    const key = `source:${site === null ? view.ref : site.toLowerCase()}`
    return { key, name, kind: 'source', entityType: null }
  }
  return { key: 'unattributed', name: '(unattributed)', kind: 'unattributed', entityType: null }
}

/**
 * The names of a claim's targets or an event's agents as the story's canonical entities ("Ilona
 * Dravic" where this document says "Dravic"); a nationality word not used as an actor keeps its own
 * name.
 */
function entityNames(
  view: DocumentView,
  ids: readonly string[],
  canonical: StoryEntities,
  sentence: number,
): string[] {
  const names = ids
    .map((id) => canonical.target(view, id, sentence)?.name ?? view.entity(id)?.name)
    .filter((n): n is string => n !== undefined)
  return [...new Set(names)]
}

/** Names by how many documents use them, the longest first on a tie. */
function rankNames(names: ReadonlyMap<string, number>): string[] {
  return [...names.entries()]
    .sort(([a, na], [b, nb]) => nb - na || b.length - a.length || a.localeCompare(b))
    .map(([name]) => name)
}

function uniqueById(analyses: readonly Analysis[]): Analysis[] {
  const seen = new Set<string>()
  return analyses.filter((a) => (seen.has(a.document.id) ? false : (seen.add(a.document.id), true)))
}

/** The shortest prefix length (at least 8) at which every id is unique. */
function shortRefs(ids: readonly string[]): string[] {
  for (let length = SHORT_REF_LENGTH; ; length += 4) {
    const refs = ids.map((id) => id.slice(0, length))
    const longest = Math.max(0, ...ids.map((id) => id.length))
    if (new Set(refs).size === refs.length || length >= longest) return refs
  }
}

/** Dated before undated, earlier before later. */
function compareTimes(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
  return a - b
}

/**
 * The cue as written when it stands outside the content ("accused", "has not commented on");
 * null when there is none or the content holds it ("“…,” Dravic said. “…”").
 */
export function cueOutsideContent(claim: Pick<Claim, 'cue' | 'content'>): string | null {
  const { cue, content } = claim
  if (cue === null || (cue.start >= content.start && cue.end <= content.end)) return null
  return cue.text.replace(/\s+/g, ' ')
}
