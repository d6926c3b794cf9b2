/**
 * @module
 * Reading analyses back, rebuilt into exactly the `Analysis` that was saved (optional fields absent
 * when they were absent, arrays in their original order). `loadAnalysis` reads one document in one
 * query (each annotation table as a JSON array); `loadAnalyses` reads many with a fixed number of
 * queries: the documents, then one query per annotation table for all of them (`= ANY(…)`).
 */
import type {
  Analysis,
  Claim,
  ClaimKind,
  DateMention,
  Entity,
  EntityType,
  Event,
  Figure,
  Provenance,
  Qualifier,
  Quantity,
  Sentence,
  Stance,
} from '../model/analysis.js'
import { ANALYSIS_SCHEMA } from '../model/analysis.js'
import type {
  Diagnostic,
  DocumentKind,
  Repeat,
  Section,
  SectionKind,
  TextSpan,
} from '../model/document.js'
import type { Driver, Queryable } from './driver.js'
import {
  ANNOTATION_TABLES,
  ANNOTATION_TABLE_NAMES,
  type AnnotationRows,
  type AnnotationTable,
  type Json,
  type MentionRow,
} from './tables.js'

interface DocumentRecord {
  readonly id: string
  readonly source: string
  readonly title: string | null
  readonly author: string | null
  readonly site: string | null
  readonly published_at_text: string | null
  readonly kind: string
  readonly language: string
  readonly text: string
  readonly schema: string
  readonly pipeline: string
}

type LoadedRow = DocumentRecord & AnnotationRows

/** Per table, the order that restores the Analysis's arrays (grouped tables by parent first). */
const ORDER: Record<AnnotationTable, string> = {
  sections: 'idx',
  repeats: 'idx',
  sentences: 'idx',
  entities: 'idx',
  mentions: 'entity_id, idx',
  claims: 'idx',
  claim_targets: 'claim_id, idx',
  events: 'idx',
  event_agents: 'event_id, idx',
  figures: 'event_id, idx',
  quantities: 'idx',
  dates: 'idx',
  diagnostics: 'idx',
}

const LOAD_SQL = `SELECT d.id, d.source, d.title, d.author, d.site, d.published_at_text, d.kind, d.language,
  d.text, d.schema, d.pipeline,
${ANNOTATION_TABLE_NAMES.map(
  (table) =>
    `  (SELECT coalesce(jsonb_agg(to_jsonb(t) - 'document_id' - 'content_search' ORDER BY ${ORDER[table]}), '[]'::jsonb)
     FROM ${table} t WHERE t.document_id = d.id) AS ${table}`,
).join(',\n')}
FROM documents d WHERE d.id = $1`

/** Provenance with its known fields first and anything added later kept. */
function provenance(json: Json): Provenance {
  const { stage, rule, confidence, ...rest } = json as {
    stage: string
    rule: string
    confidence?: number
  }
  return { stage, rule, ...(confidence === undefined ? {} : { confidence }), ...rest }
}

function span(start: number | null, end: number | null, text: string | null): TextSpan | null {
  return start === null || end === null || text === null ? null : { start, end, text }
}

/** Groups child rows by their parent's local id, keeping their order. */
function groupBy<R, K extends keyof R>(rows: readonly R[], key: K): Map<R[K], R[]> {
  const groups = new Map<R[K], R[]>()
  for (const row of rows) {
    const group = groups.get(row[key])
    if (group === undefined) groups.set(row[key], [row])
    else group.push(row)
  }
  return groups
}

/** Rebuilds the Analysis from its rows. */
export function analysisFromRows(row: LoadedRow): Analysis {
  const mentions = groupBy<MentionRow, 'entity_id'>(row.mentions, 'entity_id')
  const targets = groupBy(row.claim_targets, 'claim_id')
  const agents = groupBy(row.event_agents, 'event_id')
  const figures = groupBy(row.figures, 'event_id')
  const sections: Section[] = row.sections.map((s) => ({
    start: s.span_start,
    end: s.span_end,
    kind: s.kind as SectionKind,
    ...(s.author === null ? {} : { author: s.author }),
  }))
  const repeats: Repeat[] = row.repeats.map((r) => ({
    start: r.span_start,
    end: r.span_end,
    of: { start: r.of_start, end: r.of_end },
  }))
  const sentences: Sentence[] = row.sentences.map((s) => ({
    start: s.span_start,
    end: s.span_end,
    section: s.section,
  }))
  const entities: Entity[] = row.entities.map((e) => ({
    id: e.local_id,
    name: e.name,
    type: e.type as EntityType,
    key: e.key,
    mentions: (mentions.get(e.local_id) ?? []).map((m) => ({
      start: m.span_start,
      end: m.span_end,
      text: m.text,
      provenance: provenance(m.provenance),
    })),
    provenance: provenance(e.provenance),
  }))
  const claims: Claim[] = row.claims.map((c) => {
    const speaker = span(c.speaker_start, c.speaker_end, c.speaker_text)
    return {
      id: c.local_id,
      speaker: speaker === null ? null : { ...speaker, entity: c.speaker_entity },
      cue: span(c.cue_start, c.cue_end, c.cue_text),
      content: { start: c.content_start, end: c.content_end, text: c.content_text },
      kind: c.kind as ClaimKind,
      stance: c.stance as Stance,
      targets: (targets.get(c.local_id) ?? []).map((t) => t.entity_id),
      hedged: c.hedged,
      sentence: c.sentence,
      section: c.section as SectionKind,
      provenance: provenance(c.provenance),
    }
  })
  const events: Event[] = row.events.map((e) => {
    const date = span(e.date_start, e.date_end, e.date_text)
    const place = span(e.place_start, e.place_end, e.place_text)
    return {
      id: e.local_id,
      type: e.type,
      trigger: { start: e.trigger_start, end: e.trigger_end, text: e.trigger_text },
      date:
        date === null ? null : { ...date, value: e.date_value, relative: e.date_relative ?? false },
      place: place === null ? null : { ...place, entity: e.place_entity },
      agents: (agents.get(e.local_id) ?? []).map((a) => a.entity_id),
      figures: (figures.get(e.local_id) ?? []).map((f): Figure => {
        const asOf = span(f.as_of_start, f.as_of_end, f.as_of_text)
        return {
          measure: f.measure,
          value: f.value,
          ...(f.value_max === null ? {} : { valueMax: f.value_max }),
          qualifier: f.qualifier as Qualifier,
          span: { start: f.span_start, end: f.span_end, text: f.span_text },
          sentence: f.sentence,
          ...(asOf === null
            ? {}
            : { asOf: { ...asOf, value: f.as_of_value, relative: f.as_of_relative ?? false } }),
          provenance: provenance(f.provenance),
        }
      }),
      sentence: e.sentence,
      provenance: provenance(e.provenance),
    }
  })
  const quantities: Quantity[] = row.quantities.map((q) => ({
    start: q.span_start,
    end: q.span_end,
    text: q.span_text,
    value: q.value,
    ...(q.value_max === null ? {} : { valueMax: q.value_max }),
    qualifier: q.qualifier as Qualifier,
    provenance: provenance(q.provenance),
  }))
  const dates: DateMention[] = row.dates.map((d) => ({
    start: d.span_start,
    end: d.span_end,
    text: d.span_text,
    value: d.value,
    relative: d.relative,
    provenance: provenance(d.provenance),
  }))
  const diagnostics: Diagnostic[] = row.diagnostics.map((d) => ({
    code: d.code,
    message: d.message,
    ...(d.span_start === null || d.span_end === null
      ? {}
      : { span: { start: d.span_start, end: d.span_end } }),
  }))
  return {
    schema: row.schema as typeof ANALYSIS_SCHEMA,
    pipeline: row.pipeline,
    document: {
      id: row.id,
      source: row.source,
      title: row.title,
      author: row.author,
      site: row.site,
      publishedAt: row.published_at_text,
      kind: row.kind as DocumentKind,
      language: row.language,
    },
    text: row.text,
    sections,
    repeats,
    sentences,
    entities,
    claims,
    events,
    quantities,
    dates,
    diagnostics,
  }
}

/** The stored Analysis of a document, or null when there is none. */
export async function loadAnalysis(db: Queryable, id: string): Promise<Analysis | null> {
  const [row] = await db.query<LoadedRow>(LOAD_SQL, [id])
  return row === undefined ? null : analysisFromRows(row)
}

const ANY_IDS = 'ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))'

/** The documents as one JSON array: far cheaper to read back than as rows when texts are long. */
const DOCUMENTS_SQL = `SELECT coalesce(json_agg(r), '[]'::json) AS rows FROM (
  SELECT d.id, d.source, d.title, d.author, d.site, d.published_at_text, d.kind, d.language, d.text,
    d.schema, d.pipeline
  FROM documents d WHERE d.id = ${ANY_IDS}) r`

/**
 * Per annotation table, its rows for many documents as one JSON array (json, not jsonb: cheaper to
 * build), ordered by document and then as `loadAnalysis` orders them.
 */
const TABLE_SQL = Object.fromEntries(
  ANNOTATION_TABLE_NAMES.map((table) => {
    const columns = Object.keys(ANNOTATION_TABLES[table]).join(', ')
    return [
      table,
      `SELECT coalesce(json_agg(r ORDER BY r.document_id, ${ORDER[table]
        .split(', ')
        .map((c) => `r.${c}`)
        .join(', ')}), '[]'::json) AS rows
FROM (SELECT document_id, ${columns} FROM ${table} WHERE document_id = ${ANY_IDS}) r`,
    ]
  }),
) as Record<AnnotationTable, string>

type RowWithDocument = { readonly document_id: string }

/** A json column: parsed by the driver, or text when it leaves json alone. */
function jsonRows<R>(value: R[] | string | undefined): R[] {
  if (value === undefined) return []
  return typeof value === 'string' ? (JSON.parse(value) as R[]) : value
}

/**
 * The stored Analyses of `ids`, in the order of `ids`; ids not stored are left out, and an id
 * given twice is returned once. Each is exactly what `loadAnalysis` returns for it. Runs one query
 * for the documents and one per annotation table, however many ids there are.
 */
export async function loadAnalyses(db: Queryable, ids: readonly string[]): Promise<Analysis[]> {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return []
  const param = JSON.stringify(wanted)
  const documents = jsonRows<DocumentRecord>(
    (await db.query<{ rows: DocumentRecord[] | string }>(DOCUMENTS_SQL, [param]))[0]?.rows,
  )
  if (documents.length === 0) return []
  const tables = new Map<AnnotationTable, Map<string, RowWithDocument[]>>()
  for (const table of ANNOTATION_TABLE_NAMES) {
    const [result] = await db.query<{ rows: RowWithDocument[] | string }>(TABLE_SQL[table], [param])
    tables.set(table, groupBy(jsonRows(result?.rows), 'document_id'))
  }
  const byId = new Map(documents.map((d) => [d.id, d]))
  const analyses: Analysis[] = []
  for (const id of wanted) {
    const document = byId.get(id)
    if (document === undefined) continue
    const row = { ...document } as Record<string, unknown>
    for (const table of ANNOTATION_TABLE_NAMES) row[table] = tables.get(table)!.get(id) ?? []
    analyses.push(analysisFromRows(row as unknown as LoadedRow))
  }
  return analyses
}

/**
 * `loadAnalyses` in one read-only snapshot: its queries run in one REPEATABLE READ transaction, so
 * a document re-analyzed meanwhile is read wholly old or wholly new, never half of each.
 */
export function loadAnalysesInSnapshot(db: Driver, ids: readonly string[]): Promise<Analysis[]> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY')
    return loadAnalyses(tx, ids)
  })
}

/**
 * Every stored analysis in id order, a page of `pageSize` documents at a time, each page read by
 * `loadAnalysesInSnapshot` (a fixed number of queries per page); memory stays at one page.
 */
export async function* pagedAnalyses(db: Driver, pageSize = 100): AsyncGenerator<Analysis> {
  let after = ''
  for (;;) {
    const page = await db.query<{ id: string }>(
      'SELECT id FROM documents WHERE id > $1 ORDER BY id LIMIT $2',
      [after, pageSize],
    )
    // A document deleted since the page was read is left out.
    yield* await loadAnalysesInSnapshot(
      db,
      page.map((r) => r.id),
    )
    if (page.length < pageSize) return
    after = page[page.length - 1]!.id
  }
}
