/**
 * Time of each analysis stage as `analyze` runs them, round after round over the same documents:
 * how much the claims stage adds to the rest of `analyze` (issue 4's budget: at most 30 %). Used
 * by `npm run eval:attribution` (the evaluation split) and `npm run bench` (all 1,008 texts).
 */
import type { NormalizedDocument } from '../src/model/document.js'

export interface TimedStage {
  readonly name: string
  readonly provides: string
  run(doc: NormalizedDocument, layers: Record<string, unknown>): unknown
}

export interface StageRound {
  readonly totalMs: number
  readonly stageMs: ReadonlyMap<string, number>
  /** The claims stage's time over the rest of the round's (0.3 = 30 % added). */
  readonly claimsShare: number
}

/** `rounds` timed passes of every stage over `docs`; the median round by the claims share. */
export function stageRounds(
  stages: readonly TimedStage[],
  docs: readonly NormalizedDocument[],
  rounds: number,
): { readonly rounds: readonly StageRound[]; readonly median: StageRound } {
  const out: StageRound[] = []
  for (let round = 0; round < rounds; round++) {
    const stageMs = new Map<string, number>()
    const started = performance.now()
    for (const doc of docs) {
      const layers: Record<string, unknown> = {
        mentions: [],
        entities: [],
        quantities: [],
        dates: [],
      }
      for (const stage of stages) {
        const t = performance.now()
        layers[stage.provides] = stage.run(doc, layers)
        stageMs.set(stage.name, (stageMs.get(stage.name) ?? 0) + performance.now() - t)
      }
    }
    const totalMs = performance.now() - started
    const claims = stageMs.get('claims') ?? 0
    out.push({ totalMs, stageMs, claimsShare: claims / (totalMs - claims) })
  }
  const sorted = [...out].sort((a, b) => a.claimsShare - b.claimsShare)
  return { rounds: out, median: sorted[sorted.length >> 1] as StageRound }
}

/** The lines both scripts print: words/s and the claims stage's share of the median round. */
export function stageLines(
  result: ReturnType<typeof stageRounds>,
  docs: number,
  words: number,
): string[] {
  const { median, rounds } = result
  const claimsMs = median.stageMs.get('claims') ?? 0
  const pct = (x: number): string => (100 * x).toFixed(1)
  return [
    `analyze: ${docs} documents, ${words} words in ${(median.totalMs / 1000).toFixed(2)} s = ${Math.round(words / (median.totalMs / 1000)).toLocaleString('en')} words/s (one core, the median of ${rounds.length} rounds)`,
    `claims stage: ${(claimsMs / 1000).toFixed(3)} s = ${pct(median.claimsShare)} % added to the rest of analyze (rounds: ${rounds
      .map((r) => r.claimsShare)
      .sort((a, b) => a - b)
      .map(pct)
      .join(', ')} %)`,
    `stages (ms, median round): ${[...median.stageMs].map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')}`,
  ]
}
