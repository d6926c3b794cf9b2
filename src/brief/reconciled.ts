/**
 * @module
 * The cross-document part of a story: independent sources (copies counted once), events across
 * documents, figures reconciled per event and measure, responsibility, what is corroborated,
 * what rests on one source, what only commenters say, and the timeline. The logic lives in
 * src/reconcile; this file turns a story's document views into its inputs and back into brief
 * fields with citations.
 */
import type { Analysis } from '../model/analysis.js'
import { clusterEvents, type EventMention } from '../reconcile/events.js'
import { reconcileMeasure, type FigureReport } from '../reconcile/figures.js'
import {
  responsibility as layOut,
  uniqueActors,
  type ActorRef,
  type ResponsibilityClaim,
} from '../reconcile/responsibility.js'
import { independentSources } from '../reconcile/sources.js'
import type {
  BriefClaim,
  BriefEventCluster,
  BriefFinding,
  BriefReconciledMeasure,
  BriefResponsibility,
  BriefSource,
  BriefDuplicate,
  BriefSpeaker,
  BriefTimelineEntry,
  Citation,
} from './brief.js'
import type { StoryEntities } from './canonical.js'
import { clip, type DocumentView } from './document-view.js'
import { normalizeName } from './link-keys.js'

/** Measures in the order an analyst reads them; others follow alphabetically. */
const MEASURE_ORDER = ['killed', 'injured', 'hospitalized', 'missing', 'attackers', 'arrested']
/** Stances worth a line in corroborated / single-source (plain assertions are too many). */
const FINDING_STANCES = new Set(['accuse', 'deny', 'claim_responsibility', 'threaten', 'predict'])

/** Comment claims shorter than this ("Good piece") are not listed as comment-only material. */
const MIN_COMMENT_WORDS = 4

const words = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length

export interface ReconciledStory {
  readonly sources: BriefSource[]
  readonly duplicates: BriefDuplicate[]
  readonly reconciledEvents: BriefEventCluster[]
  readonly reconciledFigures: BriefReconciledMeasure[]
  readonly responsibility: BriefResponsibility[]
  readonly corroborated: BriefFinding[]
  readonly singleSource: BriefFinding[]
  readonly unattributed: BriefClaim[]
  readonly commentOnly: BriefFinding[]
  readonly timeline: BriefTimelineEntry[]
}

interface Mention extends EventMention {
  readonly view: DocumentView
  readonly event: Analysis['events'][number]
}

interface Report extends FigureReport {
  readonly cite: Citation
}

export function reconcileStory(
  views: readonly DocumentView[],
  speakers: readonly BriefSpeaker[],
  canonical: StoryEntities,
): ReconciledStory {
  const byId = new Map(views.map((v) => [v.analysis.document.id, v]))
  const refOf = (id: string) => byId.get(id)!.ref
  const found = independentSources(
    views.map((v) => ({
      id: v.analysis.document.id,
      text: countedText(v),
      title: v.analysis.document.title,
      site: v.analysis.document.site,
      publishedAt: v.analysis.document.publishedAt,
    })),
  )
  const sourceOf = (view: DocumentView) => found.sourceOf.get(view.analysis.document.id)!
  const sources: BriefSource[] = found.sources
    .filter((s) => s.members.length > 1)
    .map((s) => ({
      earliest: refOf(s.earliest),
      members: s.members.map((m) =>
        m.reason === undefined
          ? { document: refOf(m.id) }
          : { document: refOf(m.id), reason: m.reason },
      ),
    }))
  const duplicates: BriefDuplicate[] = found.duplicates.map((d) => ({
    original: refOf(d.original),
    copy: refOf(d.copy),
    kind: d.kind,
    containment: Math.round(d.containment * 1000) / 1000,
  }))

  // Events across documents.
  const mentions: Mention[] = []
  for (const view of views) {
    for (const event of view.analysis.events) {
      if (view.isDiscounted(event.trigger)) continue
      const placeEntity = event.place?.entity == null ? undefined : view.entity(event.place.entity)
      const place = placeEntity?.name ?? event.place?.text ?? null
      mentions.push({
        view,
        event,
        type: event.type,
        date: event.date?.value ?? null,
        place,
        placeLevel: placeEntity?.type === 'FAC' ? 'venue' : 'area',
        agents: event.agents.map((id) => normalizeName(view.entity(id)?.name ?? id)),
        document: view.analysis.document.id,
      })
    }
  }
  const clusters = clusterEvents(mentions).sort(
    (a, b) =>
      (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') ||
      b.mentions.length - a.mentions.length,
  )
  const firstDay = clusters.find((c) => c.date !== null)?.date ?? null
  const reconciledEvents: BriefEventCluster[] = clusters.map((c, i) => ({
    id: `ev${i + 1}`,
    family: c.family,
    type: c.type,
    date: c.date,
    place: c.place,
    documents: new Set(c.mentions.map((m) => m.document)).size,
    independentSources: new Set(c.mentions.map((m) => sourceOf(m.view))).size,
    cites: c.mentions.map((m) => m.view.cite(m.event.trigger, m.event.sentence)),
  }))
  const timeline: BriefTimelineEntry[] = reconciledEvents.map((e) => ({
    event: e.id,
    type: e.type,
    date: e.date,
    place: e.place,
    daysAfterFirst:
      e.date === null || firstDay === null
        ? null
        : Math.round((Date.parse(e.date) - Date.parse(firstDay)) / 86_400_000),
    cites: e.cites,
  }))

  // Figures per event and measure.
  const reconciledFigures: BriefReconciledMeasure[] = []
  const figureFindings: { finding: BriefFinding; commentOnly: boolean }[] = []
  clusters.forEach((cluster, i) => {
    const byMeasure = new Map<string, Report[]>()
    const reported = new Set<string>()
    for (const { view, event } of cluster.mentions) {
      for (const figure of event.figures) {
        if (view.isDiscounted(figure.span)) continue
        // One span reported under two events of the cluster is one report.
        const once = `${figure.measure}\u0000${view.ref}\u0000${figure.span.text}\u0000${figure.asOf?.value ?? ''}`
        if (reported.has(once)) continue
        reported.add(once)
        const cite = view.cite(figure.span, figure.sentence)
        const reports = byMeasure.get(figure.measure) ?? []
        reports.push({
          measure: figure.measure,
          value: figure.value,
          ...(figure.valueMax === undefined ? {} : { valueMax: figure.valueMax }),
          qualifier: figure.qualifier,
          document: view.ref,
          source: sourceOf(view),
          publishedAt: view.analysis.document.publishedAt,
          asOf: figure.asOf?.value ?? null,
          text: figure.span.text,
          sentence: cite.text,
          cite,
        })
        byMeasure.set(figure.measure, reports)
      }
    }
    const measures = [...byMeasure.entries()].sort(
      ([a], [b]) => measureRank(a) - measureRank(b) || a.localeCompare(b),
    )
    for (const [measure, reports] of measures) {
      const r = reconcileMeasure(measure, reports)
      // Sources are counted without comments: a commenter is not a source of the article's.
      const values = r.values.map((v) => {
        const articleReports = v.reports.filter((x) => x.cite.section !== 'comment')
        const label = valueLabel(v)
        const independent = new Set(articleReports.map((x) => x.source)).size
        const finding: BriefFinding = {
          kind: 'figure',
          text: `${measure}: ${label} (${cluster.type})`,
          documents: v.documents.length,
          independentSources: independent,
          cites: v.reports.map((x) => x.cite),
        }
        figureFindings.push({ finding, commentOnly: articleReports.length === 0 })
        return {
          value: v.value,
          ...(v.valueMax === undefined ? {} : { valueMax: v.valueMax }),
          qualifier: v.qualifier,
          label,
          documents: v.documents,
          independentSources: v.independentSources,
          update: v.update,
          firstReportedAt: v.firstReportedAt,
          ...(v.lastAsOf === null ? {} : { asOf: v.lastAsOf }),
          cites: v.reports.map((x) => x.cite),
        }
      })
      reconciledFigures.push({
        event: `ev${i + 1}`,
        measure,
        status: r.status,
        independentSources: r.independentSources,
        current: r.current,
        values,
        conflicts: r.conflicts.map((c) => ({ a: c.a, b: c.b, kind: c.kind })),
      })
    }
  })

  // Responsibility, for the main attack-like event (claims are not tied to one event yet).
  const claims: ResponsibilityClaim<Citation>[] = []
  const claimFindings = new Map<
    string,
    { text: string; documents: Set<string>; sources: Set<string>; cites: Citation[] }
  >()
  for (const view of views) {
    for (const claim of view.analysis.claims) {
      if (view.isDiscounted(claim.content)) continue
      const cite = { ...view.cite(claim.content, claim.sentence), section: claim.section }
      const speaker = actorOf(view, claim.speaker, canonical)
      // Canonical entities, so one actor is one line; a nationality word ("Vostranian") is an actor
      // only when used as one ("Vostranian intelligence"), and then it is its country.
      const targets = uniqueActors(
        claim.targets
          .map((id) => canonical.target(view, id, claim.sentence))
          .filter((e) => e !== null)
          .map((e) => ({ key: e.key, name: e.name, type: e.type })),
      )
      claims.push({
        stance: claim.stance,
        speaker,
        ...(claim.speaker === null ? {} : { speakerText: claim.speaker.text }),
        targets,
        content: claim.content.text,
        sentence: `${cite.text} ${sentenceText(view, claim.sentence + 1)}`,
        section: claim.section,
        document: view.ref,
        source: sourceOf(view),
        cite,
      })
      if (speaker === null || claim.section === 'comment' || !FINDING_STANCES.has(claim.stance)) {
        continue
      }
      const target = targets.length > 0 ? ` → ${targets.map((t) => t.name).join(', ')}` : ''
      const key = `${speaker.key}|${claim.stance}|${targets
        .map((t) => t.key)
        .sort()
        .join(',')}`
      const entry = claimFindings.get(key) ?? {
        text: `${speaker.name} ${claim.stance.replace('_', ' ')}${target}`,
        documents: new Set<string>(),
        sources: new Set<string>(),
        cites: [],
      }
      entry.documents.add(view.ref)
      entry.sources.add(sourceOf(view))
      entry.cites.push(cite)
      claimFindings.set(key, entry)
    }
  }
  const main = reconciledEvents.findIndex((e) => e.family === 'attack')
  const laidOut = layOut(claims)
  const responsibility: BriefResponsibility[] =
    laidOut.actors.length === 0
      ? []
      : [
          {
            event: main === -1 ? (reconciledEvents[0]?.id ?? 'ev0') : reconciledEvents[main]!.id,
            status: laidOut.status,
            actors: laidOut.actors.map((a) => ({
              actor: a.actor.name,
              claimedBy: a.claimedBy.map(attribution),
              accusedBy: a.accusedBy.map(attribution),
              deniedBy: a.deniedBy.map(attribution),
            })),
          },
        ]

  const findings = [
    ...figureFindings.filter((f) => !f.commentOnly).map((f) => f.finding),
    ...[...claimFindings.values()].map((e) => ({
      kind: 'claim' as const,
      text: e.text,
      documents: e.documents.size,
      independentSources: e.sources.size,
      cites: e.cites,
    })),
  ]
  const corroborated = findings
    .filter((f) => f.independentSources >= 2)
    .sort((a, b) => b.independentSources - a.independentSources)
  const singleSource = findings.filter((f) => f.independentSources < 2)

  const unattributed = speakers
    .filter((s) => s.kind === 'unattributed')
    .flatMap((s) => s.claims)
    .filter((c) => c.cite.section !== 'comment')
  const commentOnly: BriefFinding[] = [
    ...speakers
      .flatMap((s) => s.claims.map((c) => ({ s, c })))
      .filter(({ c }) => c.cite.section === 'comment' && words(c.content) >= MIN_COMMENT_WORDS)
      .map(({ s, c }) => ({
        kind: 'claim' as const,
        text: `${c.cite.commentAuthor ?? s.name}: ${c.stance}${
          c.targets.length > 0 ? ` → ${c.targets.join(', ')}` : ''
        }: “${clip(c.content, 160)}”`,
        documents: 1,
        independentSources: 1,
        cites: [c.cite],
      })),
    ...figureFindings.filter((f) => f.commentOnly).map((f) => f.finding),
  ]

  return {
    sources,
    duplicates,
    reconciledEvents,
    reconciledFigures,
    responsibility,
    corroborated,
    singleSource,
    unattributed,
    commentOnly,
    timeline,
  }
}

function attribution(a: {
  speaker: ActorRef
  documents: number
  independentSources: number
  withoutEvidence: boolean
  cites: readonly Citation[]
}) {
  return {
    speaker: a.speaker.name,
    documents: a.documents,
    independentSources: a.independentSources,
    withoutEvidence: a.withoutEvidence,
    cites: a.cites,
  }
}

function actorOf(
  view: DocumentView,
  speaker: Analysis['claims'][number]['speaker'],
  canonical: StoryEntities,
) {
  if (speaker === null) return null
  const entity = speaker.entity === null ? undefined : canonical.speaker(view, speaker.entity)
  if (entity !== undefined) return { key: entity.key, name: entity.name }
  const name = clip(speaker.text, 80).replace(/^(the|a|an)\s+/i, '')
  return { key: normalizeName(name), name }
}

/** Actors once each, in order ("Dravic" and "Ilona Dravic" in one claim are one). */
function sentenceText(view: DocumentView, index: number): string {
  const sentence = view.analysis.sentences[index]
  return sentence === undefined ? '' : view.analysis.text.slice(sentence.start, sentence.end)
}

/** The document's counted text: boilerplate and repeated paragraphs left out. */
function countedText(view: DocumentView): string {
  const { text, sections } = view.analysis
  return sections
    .filter((s) => s.kind !== 'boilerplate')
    .map((s) => text.slice(s.start, s.end))
    .join('\n')
}

function valueLabel(v: { value: number; valueMax?: number; qualifier: string }): string {
  const value = v.valueMax === undefined ? `${v.value}` : `${v.value}–${v.valueMax}`
  const prefix =
    { exact: '', at_least: 'at least ', at_most: 'at most ', approx: 'about ' }[v.qualifier] ?? ''
  return `${prefix}${value}`
}

function measureRank(measure: string): number {
  const rank = MEASURE_ORDER.indexOf(measure)
  return rank === -1 ? MEASURE_ORDER.length : rank
}
