/**
 * @module
 * Exact-match span scoring in the conlleval convention: a predicted entity counts only when its
 * start, end and type all equal a gold entity's.
 */
import type { TagSpan } from './tags.js'
import { TYPES } from './tags.js'

export interface Counts {
  tp: number
  fp: number
  fn: number
}

export interface Scores {
  readonly precision: number
  readonly recall: number
  readonly f1: number
  readonly tp: number
  readonly fp: number
  readonly fn: number
}

export class SpanScorer {
  readonly overall: Counts = { tp: 0, fp: 0, fn: 0 }
  readonly byType: Counts[] = TYPES.map(() => ({ tp: 0, fp: 0, fn: 0 }))

  add(gold: readonly TagSpan[], predicted: readonly TagSpan[]): void {
    const goldKeys = new Set(gold.map((s) => `${s.start}:${s.end}:${s.type}`))
    const predKeys = new Set(predicted.map((s) => `${s.start}:${s.end}:${s.type}`))
    for (const s of predicted) {
      const hit = goldKeys.has(`${s.start}:${s.end}:${s.type}`)
      const c = this.byType[s.type]
      if (hit) {
        this.overall.tp++
        if (c) c.tp++
      } else {
        this.overall.fp++
        if (c) c.fp++
      }
    }
    for (const s of gold) {
      if (predKeys.has(`${s.start}:${s.end}:${s.type}`)) continue
      this.overall.fn++
      const c = this.byType[s.type]
      if (c) c.fn++
    }
  }

  scores(counts: Counts = this.overall): Scores {
    const precision = counts.tp / Math.max(1, counts.tp + counts.fp)
    const recall = counts.tp / Math.max(1, counts.tp + counts.fn)
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
    return { precision, recall, f1, ...counts }
  }

  typeScores(): Record<string, Scores> {
    return Object.fromEntries(TYPES.map((t, i) => [t, this.scores(this.byType[i])]))
  }
}
