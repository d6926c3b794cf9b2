/**
 * @module
 * The run-time tagger: model + clusters + gazetteer → name spans for a sentence's words.
 */
import { existsSync } from 'node:fs'
import { modelPath } from '../data-path.js'
import { readCaseProfile, readClusters } from './clusters.js'
import { Decoder } from './decode.js'
import {
  FeatureExtractor,
  FEATURES_PER_TOKEN,
  type DocContext,
  type FeatureResources,
  type GazMatch,
} from './features.js'
import { gazetteer, type Gazetteer } from './gazetteer.js'
import { loadModel, type NerModel } from './model.js'
import { dataLines } from './data-files.js'
import { nameKey } from './normalize.js'
import { spansFromTags, TAG_COUNT, TYPES, type TagSpan } from './tags.js'

/** Feature resources as the shipped model was trained with them. */
export function featureResources(): FeatureResources {
  return {
    clusters: readClusters(modelPath('ner/clusters.tsv')),
    caseProfile: readCaseProfile(modelPath('ner/case.tsv')),
    gazetteer: gazetteer(),
    titles: new Set(
      dataLines('entities/titles.txt').map((t) => nameKey(t.trim()).replace(/\.$/, '')),
    ),
  }
}

export class Tagger {
  private readonly decoder = new Decoder()
  private feats: Int32Array = new Int32Array(256 * FEATURES_PER_TOKEN)
  private tags = new Uint8Array(256)
  private base = new Int32Array(256 * TAG_COUNT)
  /** For int16 (loaded) models: an extractor that caches word-only feature sums for this model. */
  private readonly frozen: FeatureExtractor | undefined

  constructor(
    readonly model: NerModel,
    readonly extractor: FeatureExtractor,
  ) {
    this.frozen =
      model.weights instanceof Int16Array ? extractor.withFrozenWeights(model.weights) : undefined
  }

  /** BILOU tag ids for the words (a view valid until the next call). */
  tagIds(words: readonly string[], doc?: DocContext): Uint8Array {
    const n = words.length
    if (this.tags.length < n) this.tags = new Uint8Array(n * 2)
    if (n === 0) return this.tags.subarray(0, 0)
    if (this.frozen !== undefined) {
      if (this.base.length < n * TAG_COUNT) this.base = new Int32Array(n * 2 * TAG_COUNT)
      this.feats = this.frozen.extractFrozen(words, this.feats, this.base, doc)
      this.decoder.viterbi(this.model, this.feats, n, this.tags, this.base)
    } else {
      this.feats = this.extractor.extract(words, this.feats, doc)
      this.decoder.viterbi(this.model, this.feats, n, this.tags)
    }
    return this.tags.subarray(0, n)
  }

  /** Gazetteer matches in the words of the last `tagIds` or `spans` call. */
  lastMatches(): readonly GazMatch[] {
    return (this.frozen ?? this.extractor).matches
  }

  /** The gazetteer the features use. */
  get gazetteer(): Gazetteer {
    return this.extractor.gazetteer
  }

  /**
   * Name spans (type is an index into TYPES). With a document context, call in document order:
   * each sentence's predictions feed the prediction history used for later sentences.
   */
  spans(words: readonly string[], doc?: DocContext): TagSpan[] {
    const spans = spansFromTags(this.tagIds(words, doc), words.length)
    if (doc !== undefined) recordSpans(doc, words, spans)
    return spans
  }
}

export { TYPES }

const typesBuffer: number[] = []
/** Adds a sentence's predicted spans to the document's prediction history. */
export function recordSpans(
  doc: DocContext,
  words: readonly string[],
  spans: readonly TagSpan[],
): void {
  typesBuffer.length = words.length
  typesBuffer.fill(-1)
  for (const s of spans) for (let i = s.start; i < s.end; i++) typesBuffer[i] = s.type
  doc.record(words, typesBuffer)
}

let shared: Tagger | null | undefined

/** The shipped tagger, loaded on first use; null when `models/ner/model.bin` is absent. */
export function sharedTagger(): Tagger | null {
  if (shared !== undefined) return shared
  const file = modelPath('ner/model.bin')
  if (
    ![file, modelPath('ner/clusters.tsv'), modelPath('ner/case.tsv')].every((f) => existsSync(f))
  ) {
    shared = null
    return shared
  }
  const model = loadModel(file)
  shared = new Tagger(model, new FeatureExtractor(featureResources(), model.bucketBits))
  return shared
}
