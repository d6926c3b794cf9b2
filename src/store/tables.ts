/**
 * @module
 * The annotation tables as data: one spec per table (its columns and SQL types) and the mapping
 * from an `Analysis` to rows. Saving sends each table's rows as one JSON parameter expanded by
 * `jsonb_to_recordset`, so a whole document is stored in one statement whatever its size.
 */
import type { Analysis, Provenance } from '../model/analysis.js'
import type { Span, TextSpan } from '../model/document.js'

type SqlType = 'integer' | 'text' | 'boolean' | 'double precision' | 'jsonb'

/** A JSON value as stored in jsonb columns. */
export type Json =
  string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json }

export interface SectionRow {
  readonly idx: number
  readonly kind: string
  readonly span_start: number
  readonly span_end: number
  readonly author: string | null
}
export interface RepeatRow {
  readonly idx: number
  readonly span_start: number
  readonly span_end: number
  readonly of_start: number
  readonly of_end: number
}
export interface SentenceRow {
  readonly idx: number
  readonly span_start: number
  readonly span_end: number
  readonly section: number
}
export interface EntityRow {
  readonly local_id: string
  readonly idx: number
  readonly name: string
  readonly type: string
  readonly key: string
  readonly provenance: Json
}
export interface MentionRow {
  readonly entity_id: string
  readonly idx: number
  readonly span_start: number
  readonly span_end: number
  readonly text: string
  readonly provenance: Json
}
export interface ClaimRow {
  readonly local_id: string
  readonly idx: number
  readonly speaker_start: number | null
  readonly speaker_end: number | null
  readonly speaker_text: string | null
  readonly speaker_entity: string | null
  readonly cue_start: number | null
  readonly cue_end: number | null
  readonly cue_text: string | null
  readonly content_start: number
  readonly content_end: number
  readonly content_text: string
  readonly kind: string
  readonly stance: string
  readonly hedged: boolean
  readonly sentence: number
  readonly section: string
  readonly provenance: Json
}
export interface ClaimTargetRow {
  readonly claim_id: string
  readonly idx: number
  readonly entity_id: string
}
export interface EventRow {
  readonly local_id: string
  readonly idx: number
  readonly type: string
  readonly trigger_start: number
  readonly trigger_end: number
  readonly trigger_text: string
  readonly date_start: number | null
  readonly date_end: number | null
  readonly date_text: string | null
  readonly date_value: string | null
  readonly date_relative: boolean | null
  readonly place_start: number | null
  readonly place_end: number | null
  readonly place_text: string | null
  readonly place_entity: string | null
  readonly sentence: number
  readonly provenance: Json
}
export interface EventAgentRow {
  readonly event_id: string
  readonly idx: number
  readonly entity_id: string
}
export interface FigureRow {
  readonly event_id: string
  readonly idx: number
  readonly measure: string
  readonly value: number
  readonly value_max: number | null
  readonly qualifier: string
  readonly span_start: number
  readonly span_end: number
  readonly span_text: string
  readonly sentence: number
  readonly as_of_start: number | null
  readonly as_of_end: number | null
  readonly as_of_text: string | null
  readonly as_of_value: string | null
  readonly as_of_relative: boolean | null
  readonly provenance: Json
}
export interface QuantityRow {
  readonly idx: number
  readonly span_start: number
  readonly span_end: number
  readonly span_text: string
  readonly value: number
  readonly value_max: number | null
  readonly qualifier: string
  readonly provenance: Json
}
export interface DateRow {
  readonly idx: number
  readonly span_start: number
  readonly span_end: number
  readonly span_text: string
  readonly value: string | null
  readonly relative: boolean
  readonly provenance: Json
}
export interface DiagnosticRow {
  readonly idx: number
  readonly code: string
  readonly message: string
  readonly span_start: number | null
  readonly span_end: number | null
}

/** The rows of every annotation table for one document (without `document_id`). */
export interface AnnotationRows {
  readonly sections: readonly SectionRow[]
  readonly repeats: readonly RepeatRow[]
  readonly sentences: readonly SentenceRow[]
  readonly entities: readonly EntityRow[]
  readonly mentions: readonly MentionRow[]
  readonly claims: readonly ClaimRow[]
  readonly claim_targets: readonly ClaimTargetRow[]
  readonly events: readonly EventRow[]
  readonly event_agents: readonly EventAgentRow[]
  readonly figures: readonly FigureRow[]
  readonly quantities: readonly QuantityRow[]
  readonly dates: readonly DateRow[]
  readonly diagnostics: readonly DiagnosticRow[]
}

export type AnnotationTable = keyof AnnotationRows

type Columns<Row> = { readonly [K in keyof Row]-?: SqlType }

/** Column types per annotation table, in the order rows are inserted. */
export const ANNOTATION_TABLES: {
  readonly [T in AnnotationTable]: Columns<AnnotationRows[T][number]>
} = {
  sections: {
    idx: 'integer',
    kind: 'text',
    span_start: 'integer',
    span_end: 'integer',
    author: 'text',
  },
  repeats: {
    idx: 'integer',
    span_start: 'integer',
    span_end: 'integer',
    of_start: 'integer',
    of_end: 'integer',
  },
  sentences: { idx: 'integer', span_start: 'integer', span_end: 'integer', section: 'integer' },
  entities: {
    local_id: 'text',
    idx: 'integer',
    name: 'text',
    type: 'text',
    key: 'text',
    provenance: 'jsonb',
  },
  mentions: {
    entity_id: 'text',
    idx: 'integer',
    span_start: 'integer',
    span_end: 'integer',
    text: 'text',
    provenance: 'jsonb',
  },
  claims: {
    local_id: 'text',
    idx: 'integer',
    speaker_start: 'integer',
    speaker_end: 'integer',
    speaker_text: 'text',
    speaker_entity: 'text',
    cue_start: 'integer',
    cue_end: 'integer',
    cue_text: 'text',
    content_start: 'integer',
    content_end: 'integer',
    content_text: 'text',
    kind: 'text',
    stance: 'text',
    hedged: 'boolean',
    sentence: 'integer',
    section: 'text',
    provenance: 'jsonb',
  },
  claim_targets: { claim_id: 'text', idx: 'integer', entity_id: 'text' },
  events: {
    local_id: 'text',
    idx: 'integer',
    type: 'text',
    trigger_start: 'integer',
    trigger_end: 'integer',
    trigger_text: 'text',
    date_start: 'integer',
    date_end: 'integer',
    date_text: 'text',
    date_value: 'text',
    date_relative: 'boolean',
    place_start: 'integer',
    place_end: 'integer',
    place_text: 'text',
    place_entity: 'text',
    sentence: 'integer',
    provenance: 'jsonb',
  },
  event_agents: { event_id: 'text', idx: 'integer', entity_id: 'text' },
  figures: {
    event_id: 'text',
    idx: 'integer',
    measure: 'text',
    value: 'double precision',
    value_max: 'double precision',
    qualifier: 'text',
    span_start: 'integer',
    span_end: 'integer',
    span_text: 'text',
    sentence: 'integer',
    as_of_start: 'integer',
    as_of_end: 'integer',
    as_of_text: 'text',
    as_of_value: 'text',
    as_of_relative: 'boolean',
    provenance: 'jsonb',
  },
  quantities: {
    idx: 'integer',
    span_start: 'integer',
    span_end: 'integer',
    span_text: 'text',
    value: 'double precision',
    value_max: 'double precision',
    qualifier: 'text',
    provenance: 'jsonb',
  },
  dates: {
    idx: 'integer',
    span_start: 'integer',
    span_end: 'integer',
    span_text: 'text',
    value: 'text',
    relative: 'boolean',
    provenance: 'jsonb',
  },
  diagnostics: {
    idx: 'integer',
    code: 'text',
    message: 'text',
    span_start: 'integer',
    span_end: 'integer',
  },
}

export const ANNOTATION_TABLE_NAMES = Object.keys(ANNOTATION_TABLES) as AnnotationTable[]

function provenanceJson(provenance: Provenance): Json {
  return provenance as unknown as Json
}

function textSpan(prefix: string, span: TextSpan | null): Record<string, number | string | null> {
  return {
    [`${prefix}_start`]: span?.start ?? null,
    [`${prefix}_end`]: span?.end ?? null,
    [`${prefix}_text`]: span?.text ?? null,
  }
}

function spanColumns(span: Span): { span_start: number; span_end: number } {
  return { span_start: span.start, span_end: span.end }
}

/** Every annotation of `analysis` as table rows. */
export function annotationRows(analysis: Analysis): AnnotationRows {
  return {
    sections: analysis.sections.map((s, idx) => ({
      idx,
      kind: s.kind,
      ...spanColumns(s),
      author: s.author ?? null,
    })),
    repeats: analysis.repeats.map((r, idx) => ({
      idx,
      ...spanColumns(r),
      of_start: r.of.start,
      of_end: r.of.end,
    })),
    sentences: analysis.sentences.map((s, idx) => ({ idx, ...spanColumns(s), section: s.section })),
    entities: analysis.entities.map((e, idx) => ({
      local_id: e.id,
      idx,
      name: e.name,
      type: e.type,
      key: e.key,
      provenance: provenanceJson(e.provenance),
    })),
    mentions: analysis.entities.flatMap((e) =>
      e.mentions.map((m, idx) => ({
        entity_id: e.id,
        idx,
        ...spanColumns(m),
        text: m.text,
        provenance: provenanceJson(m.provenance),
      })),
    ),
    claims: analysis.claims.map((c, idx) => ({
      local_id: c.id,
      idx,
      ...(textSpan('speaker', c.speaker) as Pick<
        ClaimRow,
        'speaker_start' | 'speaker_end' | 'speaker_text'
      >),
      speaker_entity: c.speaker?.entity ?? null,
      ...(textSpan('cue', c.cue) as Pick<ClaimRow, 'cue_start' | 'cue_end' | 'cue_text'>),
      content_start: c.content.start,
      content_end: c.content.end,
      content_text: c.content.text,
      kind: c.kind,
      stance: c.stance,
      hedged: c.hedged,
      sentence: c.sentence,
      section: c.section,
      provenance: provenanceJson(c.provenance),
    })),
    claim_targets: analysis.claims.flatMap((c) =>
      c.targets.map((entity_id, idx) => ({ claim_id: c.id, idx, entity_id })),
    ),
    events: analysis.events.map((e, idx) => ({
      local_id: e.id,
      idx,
      type: e.type,
      trigger_start: e.trigger.start,
      trigger_end: e.trigger.end,
      trigger_text: e.trigger.text,
      ...(textSpan('date', e.date) as Pick<EventRow, 'date_start' | 'date_end' | 'date_text'>),
      date_value: e.date?.value ?? null,
      date_relative: e.date?.relative ?? null,
      ...(textSpan('place', e.place) as Pick<EventRow, 'place_start' | 'place_end' | 'place_text'>),
      place_entity: e.place?.entity ?? null,
      sentence: e.sentence,
      provenance: provenanceJson(e.provenance),
    })),
    event_agents: analysis.events.flatMap((e) =>
      e.agents.map((entity_id, idx) => ({ event_id: e.id, idx, entity_id })),
    ),
    figures: analysis.events.flatMap((e) =>
      e.figures.map((f, idx) => ({
        event_id: e.id,
        idx,
        measure: f.measure,
        value: f.value,
        value_max: f.valueMax ?? null,
        qualifier: f.qualifier,
        ...spanColumns(f.span),
        span_text: f.span.text,
        sentence: f.sentence,
        ...(textSpan('as_of', f.asOf ?? null) as Pick<
          FigureRow,
          'as_of_start' | 'as_of_end' | 'as_of_text'
        >),
        as_of_value: f.asOf?.value ?? null,
        as_of_relative: f.asOf?.relative ?? null,
        provenance: provenanceJson(f.provenance),
      })),
    ),
    quantities: analysis.quantities.map((q, idx) => ({
      idx,
      ...spanColumns(q),
      span_text: q.text,
      value: q.value,
      value_max: q.valueMax ?? null,
      qualifier: q.qualifier,
      provenance: provenanceJson(q.provenance),
    })),
    dates: analysis.dates.map((d, idx) => ({
      idx,
      ...spanColumns(d),
      span_text: d.text,
      value: d.value,
      relative: d.relative,
      provenance: provenanceJson(d.provenance),
    })),
    diagnostics: analysis.diagnostics.map((d, idx) => ({
      idx,
      code: d.code,
      message: d.message,
      span_start: d.span?.start ?? null,
      span_end: d.span?.end ?? null,
    })),
  }
}
