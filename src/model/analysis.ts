/**
 * @module
 * The analysis contract (`claimgraph/analysis@1`): what `analyze` returns per document and what
 * `claimgraph analyze` prints. Fields may be added later, never renamed. The JSON Schema in
 * `schema/analysis.schema.json` describes the same shape.
 */
import type { DocumentKind, Diagnostic, Repeat, Section, Span, TextSpan } from './document.js'

export const ANALYSIS_SCHEMA = 'claimgraph/analysis@1' as const

export const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'MISC'] as const
export type EntityType = (typeof ENTITY_TYPES)[number]

export const CLAIM_KINDS = ['direct', 'indirect', 'mixed', 'according_to', 'narrated'] as const
export type ClaimKind = (typeof CLAIM_KINDS)[number]

export const STANCES = [
  'assert',
  'accuse',
  'deny',
  'claim_responsibility',
  'question',
  'predict',
  'threaten',
] as const
export type Stance = (typeof STANCES)[number]

export const QUALIFIERS = ['exact', 'at_least', 'at_most', 'approx'] as const
export type Qualifier = (typeof QUALIFIERS)[number]

/** Which stage and rule produced an annotation ("why does it say that?"). */
export interface Provenance {
  readonly stage: string
  readonly rule: string
  /** 0..1 where the rule or model can say; omitted otherwise. */
  readonly confidence?: number
}

export interface Sentence extends Span {
  /** Index of the section the sentence lies in. */
  readonly section: number
}

export interface Mention extends Span {
  readonly text: string
  readonly provenance: Provenance
}

export interface Entity {
  /** Document-local id ("E1", "E2", …). */
  readonly id: string
  /** The fullest name seen in the document ("Emmanuel Macron"). */
  readonly name: string
  readonly type: EntityType
  /** Canonical key for joining across documents (type + normalized name, aliases resolved). */
  readonly key: string
  readonly mentions: readonly Mention[]
  readonly provenance: Provenance
}

export interface Speaker extends TextSpan {
  /** Document-local entity id, or null when the speaker is not a named entity ("a witness"). */
  readonly entity: string | null
}

export interface Claim {
  readonly id: string
  /** null: nobody is named ("it is alleged that …"). */
  readonly speaker: Speaker | null
  readonly cue: TextSpan | null
  readonly content: TextSpan
  readonly kind: ClaimKind
  readonly stance: Stance
  /** Document-local entity ids the claim is about (the accused, the denied, …). */
  readonly targets: readonly string[]
  readonly hedged: boolean
  /** Index into `sentences` of the sentence the claim starts in. */
  readonly sentence: number
  /** Kind of section the claim lies in: lets the brief tell articles from their commenters. */
  readonly section: Section['kind']
  readonly provenance: Provenance
}

export interface Figure {
  /** killed | injured | hospitalized | missing | attackers | arrested | … */
  readonly measure: string
  readonly value: number
  /** Upper bound for ranges ("dozens" = 24..99, "between 10 and 12"). */
  readonly valueMax?: number
  readonly qualifier: Qualifier
  readonly span: TextSpan
  readonly sentence: number
  /** The time the figure refers to, when its sentence states it ("as of Sunday", "by Monday"). */
  readonly asOf?: EventDate
  readonly provenance: Provenance
}

export interface EventDate extends TextSpan {
  /** ISO 8601 date where resolved, else null. */
  readonly value: string | null
  /** True when the text is relative ("yesterday", "on Friday") and could not be resolved. */
  readonly relative: boolean
}

export interface EventPlace extends TextSpan {
  readonly entity: string | null
}

export interface Event {
  readonly id: string
  /** attack | shooting | bombing | arson | hostage_taking | cyberattack | arrest | … */
  readonly type: string
  readonly trigger: TextSpan
  readonly date: EventDate | null
  readonly place: EventPlace | null
  readonly agents: readonly string[]
  readonly figures: readonly Figure[]
  readonly sentence: number
  readonly provenance: Provenance
}

/** A number found in the text, with or without a known measure. */
export interface Quantity extends TextSpan {
  readonly value: number
  readonly valueMax?: number
  readonly qualifier: Qualifier
  readonly provenance: Provenance
}

/** A date or time expression. */
export interface DateMention extends EventDate {
  readonly provenance: Provenance
}

export interface AnalyzedDocumentInfo {
  /** Content hash of the normalized text (hex sha-256, first 32 chars). */
  readonly id: string
  readonly source: string
  readonly title: string | null
  readonly author: string | null
  readonly site: string | null
  readonly publishedAt: string | null
  readonly kind: DocumentKind
  readonly language: string
}

/** One analyzed document, exactly as `claimgraph analyze` prints it. */
export interface Analysis {
  readonly schema: typeof ANALYSIS_SCHEMA
  /** Version of the analysis pipeline; a stored document analyzed by an older one is re-analyzed. */
  readonly pipeline: string
  readonly document: AnalyzedDocumentInfo
  readonly text: string
  readonly sections: readonly Section[]
  readonly repeats: readonly Repeat[]
  readonly sentences: readonly Sentence[]
  readonly entities: readonly Entity[]
  readonly claims: readonly Claim[]
  readonly events: readonly Event[]
  readonly quantities: readonly Quantity[]
  readonly dates: readonly DateMention[]
  readonly diagnostics: readonly Diagnostic[]
}
