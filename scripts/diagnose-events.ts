/**
 * `npm run diagnose:events`: where cross-document event coreference on ECB+ loses, and how well
 * the learned scorer carries over to topics it was not trained on. Diagnostics only: nothing here
 * is used by the reported method, and Test is never read.
 *
 * 1. Dev, oracles: the learned scorer of models/events/pair-model.json with its predicted
 *    document clusters (the reported method), then with ECB+'s gold topics or gold subtopics in
 *    their place, to split the loss between document clustering and pair scoring; MUC, B³ and
 *    CEAF-e recall and precision for each.
 *    Then the pairs of mentions the method joins or misses, by same or different lemma and same or
 *    different document: found (joined and coreferent), missed (coreferent, not joined), wrong
 *    (joined, not coreferent).
 * 2. Train cross-validation: the train topics in two halves (alternate topic numbers); a model is
 *    fitted on each half (`fitPairModel`, `DEFAULT_FIT`) and scored on the other with the thresholds of
 *    pair-model.json (chosen on Dev), and along a sweep of link thresholds.
 *
 * Options: --no-cv (oracles only), --no-oracle (cross-validation only).
 */
import { readFileSync } from 'node:fs'
import { corefScores, type CorefScores } from '../src/reconcile/coref-metrics.js'
import {
  documentSimilarity,
  scoredCoreference,
  type PairModel,
} from '../src/reconcile/event-coref.js'
import { documentSubtopics } from '../src/reconcile/event-coref-subtopics.js'
import {
  clusterIndex,
  DEFAULT_FIT,
  fitPairModel,
  learnedClusters,
  loadSplit,
  subsetSplit,
  type Split,
} from './train-events.js'

const model = JSON.parse(
  readFileSync(new URL('../models/events/pair-model.json', import.meta.url), 'utf8'),
) as PairModel

const f = (x: number) => (100 * x).toFixed(1)
function row(name: string, s: CorefScores): string {
  const cells = [s.muc, s.bcubed, s.ceafe].flatMap((m) => [f(m.recall), f(m.precision), f(m.f1)])
  return `| ${name} | ${cells.join(' | ')} | **${f(s.conll)}** |`
}
const HEADER =
  '| setting | MUC R | MUC P | MUC F1 | B³ R | B³ P | B³ F1 | CEAF-e R | CEAF-e P | CEAF-e F1 | CoNLL F1 |\n' +
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'

/** Documents grouped by a key of their id. */
function groupDocuments(split: Split, key: (document: string) => string): string[][] {
  const groups = new Map<string, string[]>()
  for (const d of split.documents) {
    const k = key(d.id)
    groups.set(k, [...(groups.get(k) ?? []), d.id])
  }
  return [...groups.values()]
}

const goldTopic = (document: string) => document.split('_')[0]!
const goldSubtopic = (document: string) =>
  `${goldTopic(document)}${document.endsWith('plus') ? '+' : ''}`

/** The learned scorer over given document clusters and subtopic clusters. */
function withClusters(
  split: Split,
  clusters: string[][],
  subtopics: string[][],
  scorer: PairModel = model,
): string[][] {
  const sub = documentSubtopics(split.documents, subtopics, -Infinity)
  return scoredCoreference(split.mentions, clusterIndex(clusters), scorer, {
    documentSimilarity: documentSimilarity(split.documents),
    subtopics: sub,
  })
}

function oracles(dev: Split): void {
  const topics = groupDocuments(dev, goldTopic)
  const subtopics = groupDocuments(dev, goldSubtopic)
  console.log(`Dev oracles (diagnostic: gold document groups in place of predicted ones)\n`)
  console.log(HEADER)
  const method = learnedClusters(dev, model)
  console.log(row('predicted clusters and subtopics (method)', corefScores(dev.key, method)))
  console.log(
    row(
      'gold topics, predicted subtopics inside',
      corefScores(
        dev.key,
        scoredCoreference(dev.mentions, clusterIndex(topics), model, {
          documentSimilarity: documentSimilarity(dev.documents),
          subtopics: documentSubtopics(dev.documents, topics, model.subtopicCut ?? -Infinity),
        }),
      ),
    ),
  )
  console.log(
    row(
      'gold topics, gold subtopics as feature',
      corefScores(dev.key, withClusters(dev, topics, subtopics)),
    ),
  )
  console.log(
    row(
      'gold subtopics as clusters',
      corefScores(dev.key, withClusters(dev, subtopics, subtopics)),
    ),
  )
  console.log('')
  pairLoss(dev, method)
}

/** Counts of found, missed and wrong pairs by lemma relation and document. */
function pairLoss(split: Split, response: string[][]): void {
  const clusterOf = new Map<string, number>()
  response.forEach((c, i) => c.forEach((id) => clusterOf.set(id, i)))
  const counts = new Map<string, { found: number; missed: number; wrong: number }>()
  const ms = split.mentions
  for (let i = 0; i < ms.length; i++) {
    for (let j = i + 1; j < ms.length; j++) {
      const a = ms[i]!
      const b = ms[j]!
      const gold = split.chainOf.get(a.id) === split.chainOf.get(b.id)
      const joined = clusterOf.get(a.id) === clusterOf.get(b.id)
      if (!gold && !joined) continue
      const kind =
        `${a.lemma === b.lemma ? 'same lemma' : 'different lemmas'}, ` +
        `${a.document === b.document ? 'one document' : 'two documents'}`
      const c = counts.get(kind) ?? { found: 0, missed: 0, wrong: 0 }
      if (gold && joined) c.found++
      else if (gold) c.missed++
      else c.wrong++
      counts.set(kind, c)
    }
  }
  console.log('| mention pairs (method) | found | missed | wrong |\n| --- | ---: | ---: | ---: |')
  for (const [kind, c] of [...counts].sort(([x], [y]) => (x < y ? -1 : 1))) {
    console.log(`| ${kind} | ${c.found} | ${c.missed} | ${c.wrong} |`)
  }
  console.log('')
}

const LINKS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]

function crossValidation(train: Split): void {
  const topics = [...new Set(train.topicOf.values())].sort((a, b) => a - b)
  const halves = [0, 1].map((r) => new Set(topics.filter((_, i) => i % 2 === r)))
  console.log(
    `Train 2-fold cross-validation (fit on one half of the train topics, score the other; ` +
      `document threshold ${model.documentThreshold}, names ×${model.documentNameWeight ?? 0}, ` +
      `link threshold ${model.threshold} from pair-model.json)\n`,
  )
  console.log(HEADER)
  const sweeps: number[][] = []
  const conll: number[] = []
  for (const [k, held] of halves.entries()) {
    const fitted = fitPairModel(subsetSplit(train, halves[1 - k]!), {
      ...DEFAULT_FIT,
      verbose: false,
    })
    const tuned: PairModel = {
      ...fitted,
      threshold: model.threshold,
      documentThreshold: model.documentThreshold,
      documentNameWeight: model.documentNameWeight ?? 0,
      ...(model.subtopicCut === undefined ? {} : { subtopicCut: model.subtopicCut }),
    }
    const test = subsetSplit(train, held)
    const s = corefScores(test.key, learnedClusters(test, tuned))
    conll.push(s.conll)
    console.log(row(`fold ${k + 1}: topics ${[...held].join(' ')}`, s))
    const subtopics = groupDocuments(test, goldSubtopic)
    console.log(
      row(
        `fold ${k + 1}, gold subtopics as clusters (oracle)`,
        corefScores(test.key, withClusters(test, subtopics, subtopics, tuned)),
      ),
    )
    sweeps.push(LINKS.map((t) => corefScores(test.key, learnedClusters(test, tuned, t)).conll))
  }
  console.log(`\nMean CoNLL F1 ${f(conll.reduce((a, b) => a + b, 0) / conll.length)}`)
  console.log(
    `Link threshold sweep (fold 1 / fold 2): ` +
      LINKS.map((t, i) => `${t}: ${f(sweeps[0]![i]!)} / ${f(sweeps[1]![i]!)}`).join(', '),
  )
}

function main(): void {
  const argv = process.argv.slice(2)
  if (!argv.includes('--no-oracle')) oracles(loadSplit('Dev'))
  if (!argv.includes('--no-cv')) crossValidation(loadSplit('Train'))
}

main()
