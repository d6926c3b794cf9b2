/**
 * @module
 * The brief (`claimgraph/brief@1`): a cross-document summary computed from a list of analyses.
 * `buildBrief` returns this object; `claimgraph brief --format json` prints it as is, and
 * `renderBriefMarkdown` turns it into a page for a human analyst. Fields may be added later, never
 * renamed; docs/brief.md documents every field.
 */
import type { Qualifier, ClaimKind, EntityType, Stance } from '../model/analysis.js'
import type { DocumentKind, SectionKind } from '../model/document.js'

export const BRIEF_SCHEMA = 'claimgraph/brief@1' as const

/** Where a line of the brief comes from: a document and a sentence in it. */
export interface Citation {
  /** The document's short id (`BriefDocument.ref`). */
  readonly document: string
  /** Index into the document's sentences; null when the analysis has no sentence for the span. */
  readonly sentence: number | null
  /** The sentence (or the span, when there is no sentence), whitespace collapsed, capped in length. */
  readonly text: string
  /** The kind of section it lies in: `body`, `comment`, `title`, … */
  readonly section: SectionKind
  /** The comment's author, for citations in a comment section where the page shows one. */
  readonly commentAuthor?: string
}

export interface BriefDocument {
  /** Short id: the first 8 hex characters of `id` (longer if two documents would collide). */
  readonly ref: string
  /** The document id (content hash of the normalized text). */
  readonly id: string
  readonly source: string
  readonly title: string | null
  readonly author: string | null
  readonly site: string | null
  readonly publishedAt: string | null
  readonly kind: DocumentKind
  readonly language: string
  /** What the analysis found in it (repeated paragraphs counted once). */
  readonly counts: {
    readonly sentences: number
    readonly entities: number
    readonly claims: number
    readonly events: number
    readonly figures: number
    readonly comments: number
    readonly repeats: number
  }
}

export interface BriefEntity {
  /** The `Entity.key` most documents give it (entities are joined across documents by name). */
  readonly key: string
  /** The name used by most documents (the longest on a tie). */
  readonly name: string
  readonly type: EntityType
  /** Other names the documents use for it. */
  readonly aliases: readonly string[]
  /** Number of documents that mention it. */
  readonly documents: number
  /** Number of mentions over all documents (repeated paragraphs counted once). */
  readonly mentions: number
}

export interface BriefEvent {
  readonly type: string
  readonly trigger: string
  /** ISO date where resolved. */
  readonly date: string | null
  /** The date as written ("on Friday evening"), when the text gives one. */
  readonly dateText: string | null
  readonly place: string | null
  readonly agents: readonly string[]
  readonly cite: Citation
}

export type SpeakerKind =
  /** A named entity: grouped across documents by entity key. */
  | 'entity'
  /** Named in the text but not an entity ("a witness", "officials"): grouped by the words used. */
  | 'description'
  /** A commenter speaking in their own comment. */
  | 'commenter'
  /** The document's own voice (narrated statements). */
  | 'source'
  /** Nobody: "it has been suggested that …". */
  | 'unattributed'

export interface BriefClaim {
  readonly stance: Stance
  readonly kind: ClaimKind
  readonly content: string
  /** Names of the entities the claim is about (the accused, the denied, …). */
  readonly targets: readonly string[]
  readonly hedged: boolean
  /** The speaker as written in this document ("Voskel", "the group"). */
  readonly speakerText: string | null
  /**
   * The cue as written ("accused", "has not commented on", "according to"); null for narrated
   * claims, which have none, and when the content holds it (an interrupted quotation).
   */
  readonly cue: string | null
  readonly cite: Citation
}

export interface BriefSpeaker {
  /**
   * Stable grouping key: `entity:<normalized name>`, `description:<words>`, `commenter:<name>`,
   * `source:<site or document ref>` or `unattributed`.
   */
  readonly key: string
  readonly name: string
  readonly kind: SpeakerKind
  /** The entity type most documents give the speaker (null for speakers that are not entities). */
  readonly entityType: EntityType | null
  /** Number of documents the speaker's claims come from. */
  readonly documents: number
  /** True when every claim of this speaker lies in a comment section. */
  readonly onlyInComments: boolean
  readonly claims: readonly BriefClaim[]
}

export interface BriefFigure {
  /** The type of the event the figure belongs to ("attack", "arrest"). */
  readonly event: string
  readonly value: number
  readonly valueMax?: number
  readonly qualifier: Qualifier
  /** The figure as written ("at least 139"). */
  readonly text: string
  readonly publishedAt: string | null
  readonly cite: Citation
}

/**
 * A preview of figure reconciliation: `conflicting` when no one value fits every report (139 and
 * 143); else `single_source` when only one document reports the measure, `consistent` when several
 * do ("at least 139", "139" and "close to 140"). Copies and later updates are not told apart yet.
 */
export type FigureAgreement = 'consistent' | 'conflicting' | 'single_source'

export interface BriefMeasure {
  /** killed | injured | hospitalized | attackers | arrested | … */
  readonly measure: string
  readonly agreement: FigureAgreement
  /** Number of documents reporting the measure. */
  readonly documents: number
  /**
   * The value reported by the most recently published document, the last it gives when it gives
   * several (null when no date is known).
   */
  readonly latest: number | null
  /** Every report, ordered by publication date, then document. */
  readonly reports: readonly BriefFigure[]
}

export interface BriefStory {
  /** Stable across runs: derived from the id of the story's earliest document. */
  readonly id: string
  /** The title of the earliest document that has one (else the earliest document's source). */
  readonly title: string
  readonly firstPublishedAt: string | null
  readonly lastPublishedAt: string | null
  /** Ordered by publication date (undated last), then by id. */
  readonly documents: readonly BriefDocument[]
  /** What joined the documents: shared entity names and event places, most widely shared first. */
  readonly linkedBy: readonly string[]
  /** Main entities: by number of documents, then mentions. */
  readonly entities: readonly BriefEntity[]
  readonly events: readonly BriefEvent[]
  readonly figures: readonly BriefMeasure[]
  /** Claims grouped by speaker: named speakers by number of documents, then the others. */
  readonly speakers: readonly BriefSpeaker[]
  /** Plain-language notes about gaps ("no claims were extracted"). */
  readonly notes: readonly string[]
  /**
   * Independent sources: documents that copy one another, share a long title or a site count as
   * one source, named by its earliest known document. Only sources of two or more documents.
   */
  readonly sources: readonly BriefSource[]
  /** Copies and long shared passages found by MinHash, the earlier document as `original`. */
  readonly duplicates: readonly BriefDuplicate[]
  /** The story's event mentions grouped into events (cross-document event coreference). */
  readonly reconciledEvents: readonly BriefEventCluster[]
  /** Figures reconciled per event and measure, with independent-source counts and a status. */
  readonly reconciledFigures: readonly BriefReconciledMeasure[]
  /** Who claims, who is accused by whom, who denies: per attack-like event. */
  readonly responsibility: readonly BriefResponsibility[]
  /** Figures and claims reported by two or more independent sources (comments not counted). */
  readonly corroborated: readonly BriefFinding[]
  /** Figures and claims that rest on one independent source. */
  readonly singleSource: readonly BriefFinding[]
  /** Allegations in article text that nobody is named as making ("it is alleged that …"). */
  readonly unattributed: readonly BriefClaim[]
  /** What appears only in comment sections: commenters' claims and figures no article gives. */
  readonly commentOnly: readonly BriefFinding[]
  /** The story's events in date order (undated last). */
  readonly timeline: readonly BriefTimelineEntry[]
}

export interface BriefSource {
  /** `ref` of the earliest known document. */
  readonly earliest: string
  readonly members: readonly {
    readonly document: string
    /** Why it joins the source: `copy` (MinHash), `title` (same long title), `site`. */
    readonly reason?: 'copy' | 'title' | 'site'
  }[]
}

export interface BriefDuplicate {
  readonly original: string
  readonly copy: string
  /** `copy`: most of the smaller document is in the other; `passage`: a long passage is shared. */
  readonly kind: 'copy' | 'passage'
  /** Shared shingles / shingles of the smaller document, 0..1. */
  readonly containment: number
}

export interface BriefEventCluster {
  /** Story-local id: `ev1`, `ev2`, … in timeline order. */
  readonly id: string
  /** `attack` (attack, shooting, arson, massacre, claim …), `arrest`, … */
  readonly family: string
  /** The most common type among the mentions. */
  readonly type: string
  readonly date: string | null
  readonly place: string | null
  readonly documents: number
  readonly independentSources: number
  readonly cites: readonly Citation[]
}

export interface BriefFigureValue {
  readonly value: number
  readonly valueMax?: number
  readonly qualifier: Qualifier
  /** "at least 139", "139", "about 140". */
  readonly label: string
  /** Document refs. */
  readonly documents: readonly string[]
  readonly independentSources: number
  /** True when a report marks it as a later count ("rose to"). */
  readonly update: boolean
  readonly firstReportedAt: string | null
  /** The latest time its reports say it refers to ("as of Sunday"), an ISO date, when stated. */
  readonly asOf?: string
  readonly cites: readonly Citation[]
}

/** `updated`: values differ only because later reports update a changing count. */
export type FigureStatus = FigureAgreement | 'updated'

export interface BriefReconciledMeasure {
  /** `BriefEventCluster.id`. */
  readonly event: string
  readonly measure: string
  readonly status: FigureStatus
  readonly independentSources: number
  /** The latest update (`updated`), or the value all reports fit; null when conflicting. */
  readonly current: number | null
  readonly values: readonly BriefFigureValue[]
  /** Pairs of values (indexes into `values`) that cannot both hold, and why. */
  readonly conflicts: readonly {
    readonly a: number
    readonly b: number
    readonly kind: 'update' | 'contradiction'
  }[]
}

export interface BriefAttribution {
  readonly speaker: string
  readonly documents: number
  readonly independentSources: number
  /** The text says the claim cites no evidence ("without providing evidence"). */
  readonly withoutEvidence: boolean
  readonly cites: readonly Citation[]
}

export interface BriefResponsibleActor {
  readonly actor: string
  readonly claimedBy: readonly BriefAttribution[]
  readonly accusedBy: readonly BriefAttribution[]
  readonly deniedBy: readonly BriefAttribution[]
}

export interface BriefResponsibility {
  /** `BriefEventCluster.id`. */
  readonly event: string
  /** `contested`: sources point at more than one actor. */
  readonly status: 'contested' | 'claimed' | 'alleged' | 'unknown'
  readonly actors: readonly BriefResponsibleActor[]
}

export interface BriefFinding {
  readonly kind: 'figure' | 'claim'
  /** "killed: 139 (attack)", "Adrian Voskel accuse → Kaldria", "Jonas Feld: …". */
  readonly text: string
  readonly documents: number
  readonly independentSources: number
  readonly cites: readonly Citation[]
}

export interface BriefTimelineEntry {
  /** `BriefEventCluster.id`. */
  readonly event: string
  readonly type: string
  readonly date: string | null
  readonly place: string | null
  /** Days after the story's first dated event (null when undated). */
  readonly daysAfterFirst: number | null
  readonly cites: readonly Citation[]
}

export interface Brief {
  readonly schema: typeof BRIEF_SCHEMA
  readonly documents: number
  readonly stories: readonly BriefStory[]
  readonly notes: readonly string[]
}

export interface BuildBriefOptions {
  /** Keep only the story with this id (an empty `stories` list when there is none). */
  readonly storyId?: string
  /**
   * The whole store the analyses were taken from, when they are only part of it (one story's
   * documents, see `storyBrief`): `Brief.documents` and the notes about documents without entities
   * then count the whole store, as a brief over every stored analysis would.
   */
  readonly corpus?: { readonly documents: number; readonly withoutEntities: number }
}
