/**
 * @module
 * Figure reconciliation: per event and measure, every value reported, with its documents and the
 * number of independent sources behind it, and a status:
 *
 * - `single_source`: one independent source reports the measure (copies count once);
 * - `consistent`: one value fits every report ("at least 50" and "52" agree);
 * - `updated`: the reports disagree, but every disagreement is a later report of a changing count
 *   ("rose to 143", or published after every report of the other value; a cumulative measure
 *   such as killed only grows, so a later, lower toll is not an update);
 * - `conflicting`: some disagreement is not an update; both sides are shown.
 */
import type { Qualifier } from '../model/analysis.js'
import { phraseList, phrasePattern } from './lexicon.js'

/** How far "about", "close to", "around" may stray, as a share of the value. */
const APPROX_TOLERANCE = 0.05

export interface FigureReport {
  readonly measure: string
  readonly value: number
  readonly valueMax?: number
  readonly qualifier: Qualifier
  /** Document id. */
  readonly document: string
  /** The independent source the document belongs to (its earliest document's id). */
  readonly source: string
  readonly publishedAt: string | null
  /** The time the figure refers to when its sentence states it ("as of Sunday"): an ISO date. */
  readonly asOf?: string | null
  /** The figure as written and the sentence around it: update cues are looked for in both. */
  readonly text: string
  readonly sentence?: string
}

export type FigureStatus = 'consistent' | 'conflicting' | 'single_source' | 'updated'

export interface ReconciledValue<R extends FigureReport = FigureReport> {
  readonly value: number
  readonly valueMax?: number
  readonly qualifier: Qualifier
  /** Documents reporting it. */
  readonly documents: readonly string[]
  /** Independent sources reporting it (copies counted once). */
  readonly independentSources: number
  /** Earliest and latest publication of a report of this value (ISO), when known. */
  readonly firstReportedAt: string | null
  readonly lastReportedAt: string | null
  /**
   * Earliest and latest time a report of this value says it refers to ("as of Sunday"), when any
   * report states one: an ISO date, month (`2026-03`) or year.
   */
  readonly firstAsOf: string | null
  readonly lastAsOf: string | null
  /** The days those stated times cover, first to last (day numbers since 1970), or null. */
  readonly asOfDays: readonly [number, number] | null
  /** True when a report marks it as a later count ("rose to"). */
  readonly update: boolean
  readonly reports: readonly R[]
}

export interface ValueConflict {
  /** Indexes into `values`. */
  readonly a: number
  readonly b: number
  /** `update`: b is a later report of a changing count; `contradiction`: it is not. */
  readonly kind: 'update' | 'contradiction'
}

export interface ReconciledMeasure<R extends FigureReport = FigureReport> {
  readonly measure: string
  readonly status: FigureStatus
  readonly independentSources: number
  /** Values ordered by first report, then value. */
  readonly values: readonly ReconciledValue<R>[]
  /** Every pair of values that cannot both be right, and whether it is an update. */
  readonly conflicts: readonly ValueConflict[]
  /**
   * The value of the latest update when the status is `updated`; else the value every report
   * fits (the most precise one) when `consistent` or `single_source`; null when conflicting.
   */
  readonly current: number | null
}

/** The interval of values a report allows. */
export function interval(r: {
  value: number
  valueMax?: number
  qualifier: Qualifier
}): [number, number] {
  const low = r.value
  const high = r.valueMax ?? r.value
  switch (r.qualifier) {
    case 'exact':
      return [low, high]
    case 'at_least':
      return [low, Infinity]
    case 'at_most':
      return [-Infinity, high]
    case 'approx': {
      const slack = Math.max(1, Math.round(high * APPROX_TOLERANCE))
      return [low - slack, high + slack]
    }
  }
}

const time = (iso: string | null) => {
  if (iso === null) return null
  const t = Date.parse(iso)
  return Number.isNaN(t) ? null : t
}

/** Reconcile the reports of one measure of one event. */
export function reconcileMeasure<R extends FigureReport>(
  measure: string,
  reports: readonly R[],
): ReconciledMeasure<R> {
  const byValue = new Map<string, R[]>()
  for (const r of reports) {
    const key = `${r.qualifier}:${r.value}:${r.valueMax ?? ''}`
    const list = byValue.get(key) ?? []
    list.push(r)
    byValue.set(key, list)
  }
  const updateCue = phrasePattern('update-cues.txt')
  const values = [...byValue.values()]
    .map((list): ReconciledValue<R> => {
      const times = list
        .map((r) => ({ r, t: time(r.publishedAt) }))
        .filter((x): x is { r: R; t: number } => x.t !== null)
        .sort((a, b) => a.t - b.t)
      const stated = list
        .flatMap((r) => {
          const range = r.asOf === undefined || r.asOf === null ? null : statedRange(r.asOf)
          return range === null ? [] : [{ asOf: r.asOf!, range }]
        })
        .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
      const first = list[0]!
      return {
        value: first.value,
        ...(first.valueMax === undefined ? {} : { valueMax: first.valueMax }),
        qualifier: first.qualifier,
        documents: [...new Set(list.map((r) => r.document))],
        independentSources: new Set(list.map((r) => r.source)).size,
        firstReportedAt: times[0]?.r.publishedAt ?? null,
        lastReportedAt: times[times.length - 1]?.r.publishedAt ?? null,
        firstAsOf: stated[0]?.asOf ?? null,
        lastAsOf: stated[stated.length - 1]?.asOf ?? null,
        asOfDays:
          stated.length === 0
            ? null
            : [stated[0]!.range[0], Math.max(...stated.map((x) => x.range[1]))],
        update: list.some((r) => updateCue.test(r.text) || updateCue.test(r.sentence ?? '')),
        reports: list,
      }
    })
    .sort(
      (a, b) =>
        (time(a.firstReportedAt) ?? Infinity) - (time(b.firstReportedAt) ?? Infinity) ||
        a.value - b.value,
    )

  const cumulative = phraseList('cumulative-measures.txt').includes(measure.toLowerCase())
  const conflicts: ValueConflict[] = []
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const [a0, a1] = interval(values[i]!)
      const [b0, b1] = interval(values[j]!)
      if (Math.max(a0, b0) <= Math.min(a1, b1)) continue
      const later = laterOf(values[i]!, values[j]!, cumulative)
      if (later === null) conflicts.push({ a: i, b: j, kind: 'contradiction' })
      else if (later === 0) conflicts.push({ a: j, b: i, kind: 'update' })
      else conflicts.push({ a: i, b: j, kind: 'update' })
    }
  }

  const sources = new Set(reports.map((r) => r.source)).size
  let status: FigureStatus
  if (conflicts.some((c) => c.kind === 'contradiction')) status = 'conflicting'
  else if (conflicts.length > 0) status = 'updated'
  else status = sources <= 1 ? 'single_source' : 'consistent'

  return {
    measure,
    status,
    independentSources: sources,
    values,
    conflicts,
    current: currentValue(values, conflicts, status),
  }
}

/**
 * Which of two incompatible values is a later report of the other. When the text states the time
 * of both ("as of Sunday", "by Monday"), the one that refers to a later time. Otherwise the one
 * marked by an update cue, or else the one first reported after every report of the other. A
 * cumulative count never goes down. null: neither (a contradiction).
 */
function laterOf(a: ReconciledValue, b: ReconciledValue, cumulative: boolean): 0 | 1 | null {
  const rises = (from: ReconciledValue, to: ReconciledValue) =>
    !cumulative || interval(to)[1] >= interval(from)[1]
  const statedA = a.asOfDays
  const statedB = b.asOfDays
  if (statedA !== null && statedB !== null) {
    // One refers to a later period than every report of the other: that order decides. Periods
    // that overlap (one day, "Sunday morning" and "Sunday evening") are left to the cues and
    // publication times below.
    if (statedA[0] > statedB[1]) return rises(b, a) ? 0 : null
    if (statedB[0] > statedA[1]) return rises(a, b) ? 1 : null
  }
  const after = (x: ReconciledValue, y: ReconciledValue) => {
    const firstX = time(x.firstReportedAt)
    const lastY = time(y.lastReportedAt)
    return firstX !== null && lastY !== null && firstX > lastY
  }
  const startsNoEarlier = (x: ReconciledValue, y: ReconciledValue) => {
    const firstX = time(x.firstReportedAt)
    const firstY = time(y.firstReportedAt)
    return firstX !== null && firstY !== null && firstX >= firstY
  }
  const aLater = (a.update && startsNoEarlier(a, b)) || after(a, b)
  const bLater = (b.update && startsNoEarlier(b, a)) || after(b, a)
  if (aLater && !bLater && rises(b, a)) return 0
  if (bLater && !aLater && rises(a, b)) return 1
  return null
}

/** The days a stated time covers, as [first, last] day numbers: a date, a month or a year. */
function statedRange(value: string): [number, number] | null {
  const day = (y: number, m: number, d: number) => Math.round(Date.UTC(y, m - 1, d) / 86_400_000)
  let match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (match !== null) {
    const d = day(Number(match[1]), Number(match[2]), Number(match[3]))
    return [d, d]
  }
  match = /^(\d{4})-(\d{2})$/.exec(value)
  if (match !== null) {
    const [y, m] = [Number(match[1]), Number(match[2])]
    return [day(y, m, 1), day(y, m + 1, 1) - 1]
  }
  match = /^(\d{4})$/.exec(value)
  if (match !== null) return [day(Number(match[1]), 1, 1), day(Number(match[1]) + 1, 1, 1) - 1]
  return null
}

function currentValue(
  values: readonly ReconciledValue[],
  conflicts: readonly ValueConflict[],
  status: FigureStatus,
): number | null {
  if (values.length === 0 || status === 'conflicting') return null
  if (status === 'updated') {
    // The value no other value updates.
    const superseded = new Set(conflicts.map((c) => c.a))
    const latest = new Set(conflicts.map((c) => c.b).filter((b) => !superseded.has(b)))
    return latest.size === 1 ? values[[...latest][0]!]!.value : null
  }
  // The narrowest report is the best single value.
  const width = (v: ReconciledValue) => {
    const [lo, hi] = interval(v)
    return hi - lo
  }
  return [...values].sort(
    (a, b) => width(a) - width(b) || b.documents.length - a.documents.length,
  )[0]!.value
}
