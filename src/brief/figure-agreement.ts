/**
 * @module
 * A first look at figure reconciliation (issue 5 deepens it): does one value fit every report of a
 * measure? Each report is read as an interval ("at least 139" → [139, ∞), "close to 140" →
 * [133, 147]) and the reports agree when the intervals share a point.
 */
import type { Qualifier } from '../model/analysis.js'
import { interval } from '../reconcile/figures.js'
import type { FigureAgreement } from './brief.js'

export interface ReportedValue {
  readonly value: number
  readonly valueMax?: number
  readonly qualifier: Qualifier
  /** Which document reported it: reports from one document alone are `single_source`. */
  readonly document: string
}

/** The interval of values a report allows (the one rule, shared with figure reconciliation). */
export function valueInterval(report: Omit<ReportedValue, 'document'>): [number, number] {
  return interval(report)
}

/**
 * `conflicting` when no one value fits every report (even within one document: an article and a
 * comment under it can disagree); otherwise `single_source` when one document reports the measure,
 * `consistent` when several do.
 */
export function figureAgreement(reports: readonly ReportedValue[]): FigureAgreement {
  let low = -Infinity
  let high = Infinity
  for (const report of reports) {
    const [a, b] = valueInterval(report)
    low = Math.max(low, a)
    high = Math.min(high, b)
  }
  if (low > high) return 'conflicting'
  return new Set(reports.map((r) => r.document)).size <= 1 ? 'single_source' : 'consistent'
}
