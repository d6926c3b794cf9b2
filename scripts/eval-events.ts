/**
 * `npm run eval:events`: cross-document event coreference on ECB+ (../shared/data/ecbplus, the
 * split of Barhom et al. 2019: test = topics 36–45) with gold event mentions, scored by MUC, B³,
 * CEAF-e and CoNLL F1 (src/reconcile/coref-metrics.ts, all mentions of a split in one pool,
 * singletons included).
 *
 * Every parameter (the document-clustering threshold, the argument rules) is chosen on Dev; Test
 * is scored once with those choices, for the report. Rows:
 *   - same lemma within gold topics (for reference: the topic is in the document id);
 *   - same lemma within predicted document clusters (the published baseline, 76.4 on Test);
 *   - rules: document clusters + same lemma unless the sentences name different times, and
 *     cross-lemma joins on shared names and numbers of the sentences;
 *   - the method: the learned pair scorer of models/events/pair-model.json (logistic regression
 *     trained on ECB+ Train by `npm run train:events`, which also chose its thresholds on Dev) and
 *     average-link clustering inside predicted document clusters (`scoredCoreference`).
 * Documents are clustered from their words only (tf-idf cosine, average link); for the learned
 * scorer each cluster is also cut in two predicted subtopics when the spectral bisection of its
 * cluster-local tf-idf of words, names and numbers is cheap (`documentSubtopics`): whether two
 * mentions' documents share a predicted subtopic is a pair feature. The gold topic and subtopic
 * in the document id are not used.
 * Lemmas come from compromise (head word: the first word of a multi-word mention when it is a
 * verb, else the last). Arguments are the capitalised words and numbers of the mention's
 * sentence, times its weekday, month, year and "yesterday"-like words: no gold entity mention
 * or chain is used.
 *
 * Options: --split dev (tune and print Dev only).
 */
import { readFileSync } from 'node:fs'
import { corefScores, type CorefScores } from '../src/reconcile/coref-metrics.js'
import {
  clusterDocuments,
  documentSimilarity,
  eventCoreference,
  sameLemma,
  scoredCoreference,
  type EventCorefOptions,
  type PairModel,
} from '../src/reconcile/event-coref.js'
import { documentSubtopics } from '../src/reconcile/event-coref-subtopics.js'
import { clusterIndex, loadSplit, SYNONYMS, WEAK, type Split } from './train-events.js'

const devOnly = process.argv.includes('--split') && process.argv.includes('dev')
const model = JSON.parse(
  readFileSync(new URL('../models/events/pair-model.json', import.meta.url), 'utf8'),
) as PairModel

const THRESHOLDS = [0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3]
const OPTIONS: EventCorefOptions[] = []
for (const splitOnTime of [false, true]) {
  for (const argJoin of [Infinity, 0.3, 0.5]) {
    for (const stemPrefix of [0, 6]) {
      for (const synonyms of [undefined, SYNONYMS]) {
        for (const weakLemmas of [undefined, WEAK]) {
          OPTIONS.push({
            splitOnTime,
            argJoin,
            minSharedArgs: 2,
            stemPrefix,
            ...(synonyms === undefined ? {} : { synonyms }),
            ...(weakLemmas === undefined ? {} : { weakLemmas }),
          })
        }
      }
    }
  }
}

function describe(o: EventCorefOptions): string {
  const join = Number.isFinite(o.argJoin)
    ? `join on args J ≥ ${o.argJoin}, ≥ ${o.minSharedArgs} shared`
    : 'no cross-lemma joins'
  const stem = o.stemPrefix > 0 ? `stem prefix ${o.stemPrefix}` : 'no stem prefix'
  const synonyms = o.synonyms === undefined ? 'no synonyms' : 'synonym groups'
  const weak =
    o.weakLemmas === undefined ? 'no weak lemmas' : 'reporting verbs need a shared argument'
  return `${o.splitOnTime ? 'split on times' : 'no time split'}; ${join}; ${stem}; ${synonyms}; ${weak}`
}

const f = (x: number) => (100 * x).toFixed(1)
function row(name: string, s: CorefScores): string {
  const cells = [s.muc, s.bcubed, s.ceafe].flatMap((m) => [f(m.recall), f(m.precision), f(m.f1)])
  return `| ${name} | ${cells.join(' | ')} | **${f(s.conll)}** |`
}
function header(): string {
  return (
    '| method | MUC R | MUC P | MUC F1 | B³ R | B³ P | B³ F1 | CEAF-e R | CEAF-e P | CEAF-e F1 | CoNLL F1 |\n' +
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
  )
}

function main(): void {
  const started = performance.now()
  const dev = loadSplit('Dev')

  // Tune on Dev: the clustering threshold for the baseline, then threshold × options for the method.
  let baseline = { threshold: 0, conll: -1 }
  let method = { threshold: 0, options: OPTIONS[0]!, conll: -1 }
  for (const threshold of THRESHOLDS) {
    const clusters = clusterIndex(clusterDocuments(dev.documents, threshold))
    const b = corefScores(dev.key, sameLemma(dev.mentions, clusters)).conll
    if (b > baseline.conll) baseline = { threshold, conll: b }
    for (const options of OPTIONS) {
      const m = corefScores(dev.key, eventCoreference(dev.mentions, clusters, options)).conll
      if (m > method.conll) method = { threshold, options, conll: m }
    }
  }
  console.log(
    `Tuned on Dev (${dev.mentions.length} mentions, ${dev.documents.length} documents): ` +
      `baseline document-cluster threshold ${baseline.threshold}; method threshold ` +
      `${method.threshold}, ${describe(method.options)}; learned scorer (by npm run ` +
      `train:events) document threshold ${model.documentThreshold}, names ×` +
      `${model.documentNameWeight ?? 0}, link threshold ${model.threshold} (subtopic cut ` +
      `${model.subtopicCut ?? 'none'}, chosen on Train).\n`,
  )

  const report = (name: string, split: Split) => {
    const gold = clusterIndex(
      [...new Set(split.topicOf.values())].map((t) =>
        [...split.topicOf.entries()].filter(([, x]) => x === t).map(([d]) => d),
      ),
    )
    const forBaseline = clusterIndex(clusterDocuments(split.documents, baseline.threshold))
    const forMethod = clusterIndex(clusterDocuments(split.documents, method.threshold))
    console.log(
      `ECB+ ${name}: ${split.mentions.length} gold event mentions, ${split.key.length} gold chains, ${split.documents.length} documents\n`,
    )
    console.log(header())
    console.log(
      row('same lemma, gold topics', corefScores(split.key, sameLemma(split.mentions, gold))),
    )
    console.log(
      row(
        'same lemma, document clusters (baseline)',
        corefScores(split.key, sameLemma(split.mentions, forBaseline)),
      ),
    )
    console.log(
      row(
        'lemma + time/argument rules + document clusters',
        corefScores(split.key, eventCoreference(split.mentions, forMethod, method.options)),
      ),
    )
    const topics = clusterDocuments(
      split.documents,
      model.documentThreshold,
      model.documentNameWeight ?? 0,
    )
    const learned = scoredCoreference(split.mentions, clusterIndex(topics), model, {
      documentSimilarity: documentSimilarity(split.documents),
      ...(model.subtopicCut === undefined
        ? {}
        : { subtopics: documentSubtopics(split.documents, topics, model.subtopicCut) }),
    })
    console.log(
      row(
        'learned pair scorer + average link + document clusters',
        corefScores(split.key, learned),
      ),
    )
    console.log('')
  }
  report('Dev', dev)
  if (!devOnly) {
    report('Test', loadSplit('Test'))
    console.log(
      'Published on Test (CoNLL F1): same-lemma baseline 76.4; lemma heuristic + RoBERTa cross-encoder 80.3; best about 85–86.',
    )
  }
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`)
}

main()
