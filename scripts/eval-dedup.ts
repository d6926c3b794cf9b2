/**
 * `npm run eval:dedup`: precision, recall and F1 of near-duplicate detection (src/reconcile/minhash)
 * on a labelled set built from the fictional sample corpus, and throughput on the PolNeAR texts.
 *
 * The labelled set is generated, never stored: each sample document is rewritten programmatically
 * (seeded), and pairs are labelled by construction.
 *   positives: (original, excerpt of 40–70% of its sentences), (original, sentences shuffled),
 *              (original, ~5% of words replaced or dropped), (original, excerpt with light edits),
 *              and the known copy in the corpus (06 copies 01's first paragraph);
 *   negatives: (original, ~50% of words replaced: "edited away"), every other pair of sample
 *              documents (one event, many shared names and figures), and every variant against the
 *              other documents.
 *
 * Options: --reps N (variants of each kind per document, default 3), --limit N (PolNeAR texts).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadDocuments } from '../src/load/index.js'
import {
  copyGroups,
  DuplicateIndex,
  findDuplicates,
  fingerprint,
} from '../src/reconcile/minhash.js'

const args = process.argv.slice(2)
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name)
  return at >= 0 ? Number(args[at + 1]) : fallback
}
const reps = option('--reps', 3)
const limit = option('--limit', Infinity)

interface Text {
  id: string
  text: string
  /** Index of the sample document it derives from. */
  origin: number
  kind: string
}

/** mulberry32: a small seeded generator, so the labelled set is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const sentencesOf = (text: string) =>
  text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)

function excerpt(text: string, rand: () => number): string {
  const sentences = sentencesOf(text)
  const share = 0.4 + rand() * 0.3
  const length = Math.max(1, Math.round(sentences.length * share))
  const start = Math.floor(rand() * (sentences.length - length + 1))
  return sentences.slice(start, start + length).join(' ')
}

function shuffle(text: string, rand: () => number): string {
  const sentences = sentencesOf(text)
  for (let i = sentences.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[sentences[i], sentences[j]] = [sentences[j]!, sentences[i]!]
  }
  return sentences.join(' ')
}

function edit(text: string, share: number, vocabulary: readonly string[], rand: () => number) {
  return text
    .split(/\s+/)
    .flatMap((word) => {
      if (rand() >= share) return [word]
      const r = rand()
      if (r < 0.3) return []
      return [vocabulary[Math.floor(rand() * vocabulary.length)]!]
    })
    .join(' ')
}

const words = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length

async function sampleTexts(): Promise<{ texts: Text[]; sources: string[] }> {
  const sampleDir = new URL('../sample/', import.meta.url).pathname
  const texts: Text[] = []
  const sources: string[] = []
  for await (const outcome of loadDocuments([sampleDir])) {
    if (!outcome.ok) continue
    sources.push(outcome.doc.metadata.source)
    texts.push({
      id: `doc${texts.length}`,
      text: outcome.doc.text,
      origin: texts.length,
      kind: 'original',
    })
  }
  return { texts, sources }
}

async function main(): Promise<void> {
  const { texts: originals, sources } = await sampleTexts()
  const vocabulary = [...new Set(originals.flatMap((t) => t.text.split(/\s+/)))].filter((w) =>
    /^\p{L}+$/u.test(w),
  )
  const rand = rng(20260313)
  const variants: Text[] = []
  const add = (origin: number, kind: string, text: string) => {
    if (words(text) >= 25) variants.push({ id: `${kind}${variants.length}`, text, origin, kind })
  }
  for (const original of originals) {
    for (let r = 0; r < reps; r++) {
      add(original.origin, 'excerpt', excerpt(original.text, rand))
      add(original.origin, 'shuffle', shuffle(original.text, rand))
      add(original.origin, 'light_edit', edit(original.text, 0.05, vocabulary, rand))
      add(
        original.origin,
        'excerpt_edit',
        edit(excerpt(original.text, rand), 0.03, vocabulary, rand),
      )
      add(original.origin, 'edited_away', edit(original.text, 0.5, vocabulary, rand))
    }
  }

  // The corpus's own copy: 06 copies 01's first paragraph (docs/sample-corpus.md).
  const wire = sources.findIndex((s) => s.endsWith('01-northgate-wire.txt'))
  const post = sources.findIndex((s) => s.endsWith('06-social-newsdesk-syndicated.txt'))
  const knownCopy = (a: number, b: number) =>
    (a === wire && b === post) || (a === post && b === wire)

  const labels = new Map<string, { positive: boolean; kind: string }>()
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)
  for (let i = 0; i < originals.length; i++) {
    for (let j = i + 1; j < originals.length; j++) {
      const positive = knownCopy(i, j)
      labels.set(pairKey(originals[i]!.id, originals[j]!.id), {
        positive,
        kind: positive ? 'corpus_copy' : 'other_document',
      })
    }
  }
  for (const variant of variants) {
    const positive = variant.kind !== 'edited_away'
    labels.set(pairKey(variant.id, originals[variant.origin]!.id), { positive, kind: variant.kind })
    for (const original of originals) {
      if (original.origin === variant.origin || knownCopy(original.origin, variant.origin)) continue
      labels.set(pairKey(variant.id, original.id), { positive: false, kind: 'variant_vs_other' })
    }
  }

  const index = new DuplicateIndex()
  const predicted = new Set<string>()
  for (const text of [...originals, ...variants]) {
    for (const link of index.add({ id: text.id, text: text.text })) {
      predicted.add(pairKey(link.original, link.copy))
    }
  }

  const byKind = new Map<string, { tp: number; fp: number; fn: number; tn: number }>()
  const total = { tp: 0, fp: 0, fn: 0, tn: 0 }
  for (const [key, label] of labels) {
    const hit = predicted.has(key)
    const cell = hit ? (label.positive ? 'tp' : 'fp') : label.positive ? 'fn' : 'tn'
    const row = byKind.get(label.kind) ?? { tp: 0, fp: 0, fn: 0, tn: 0 }
    row[cell]++
    total[cell]++
    byKind.set(label.kind, row)
  }
  const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1) : '–')
  console.log(
    `Labelled set: ${originals.length} sample documents, ${variants.length} variants, ` +
      `${labels.size} labelled pairs (${total.tp + total.fn} positive)\n`,
  )
  console.log('| pairs | labelled positive | n | detected |')
  console.log('| --- | --- | ---: | ---: |')
  for (const [kind, row] of [...byKind.entries()].sort()) {
    const positive = row.tp + row.fn > 0
    const n = row.tp + row.fn + row.fp + row.tn
    console.log(`| ${kind} | ${positive ? 'yes' : 'no'} | ${n} | ${row.tp + row.fp} |`)
  }
  const prf = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) => {
    const precision = tp / (tp + fp)
    const recall = tp / (tp + fn)
    return [precision, recall, (2 * precision * recall) / (precision + recall)].map(pct)
  }
  console.log(`\n| links | precision | recall | F1 |\n| --- | ---: | ---: | ---: |`)
  console.log(`| every pair (DuplicateIndex) | ${prf(total).join(' | ')} |`)

  // As the brief reads them: each document linked once per copy group, copies joined into groups
  // (so a pair is a copy when its two documents share a group).
  const all = [...originals, ...variants].map((t) => ({ id: t.id, text: t.text }))
  const links = findDuplicates(all)
  const grouped = new Set(
    links.filter((l) => l.kind === 'passage').map((l) => pairKey(l.original, l.copy)),
  )
  for (const group of copyGroups(all, links)) {
    for (const a of group.members)
      for (const b of group.members) if (a < b) grouped.add(pairKey(a, b))
  }
  const briefTotal = { tp: 0, fp: 0, fn: 0 }
  for (const [key, label] of labels) {
    const hit = grouped.has(key)
    if (hit && label.positive) briefTotal.tp++
    else if (hit) briefTotal.fp++
    else if (label.positive) briefTotal.fn++
  }
  console.log(`| once per copy group (the brief) | ${prf(briefTotal).join(' | ')} |`)

  // Throughput on a real news corpus.
  const root = new URL('../../shared/data/polnear/', import.meta.url).pathname
  const files = ['train', 'dev', 'test']
    .flatMap((split) =>
      readdirSync(join(root, split, 'text'))
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => join(root, split, 'text', f)),
    )
    .slice(0, limit)
  const bodies = files.map((f) => readFileSync(f, 'utf8'))
  const chars = bodies.reduce((n, b) => n + b.length, 0)
  const wordCount = bodies.reduce((n, b) => n + words(b), 0)
  const started = performance.now()
  const prints = bodies.map((text, i) => fingerprint({ id: String(i), text }))
  const fingerprinted = performance.now()
  const polnear = new DuplicateIndex()
  let copies = 0
  let passages = 0
  for (const print of prints) {
    for (const link of polnear.add(print)) {
      if (link.kind === 'copy') copies++
      else passages++
    }
  }
  const done = performance.now()
  const seconds = (done - started) / 1000
  console.log(
    `\nPolNeAR texts: ${files.length} documents, ${wordCount.toLocaleString('en')} words, ` +
      `${(chars / 1e6).toFixed(1)} M characters`,
  )
  console.log('\n| step | ms | documents/s | words/s |\n| --- | ---: | ---: | ---: |')
  const row = (name: string, ms: number) =>
    console.log(
      `| ${name} | ${ms.toFixed(0)} | ${Math.round((files.length * 1000) / ms)} | ` +
        `${Math.round((wordCount * 1000) / ms).toLocaleString('en')} |`,
    )
  row('fingerprint (shingles, 128 MinHash, windows)', fingerprinted - started)
  row('LSH index + verify', done - fingerprinted)
  row('total', done - started)
  console.log(
    `\nFound ${copies} copy links and ${passages} shared-passage links in PolNeAR ` +
      `(${seconds.toFixed(2)} s, one thread).`,
  )
}

await main()
