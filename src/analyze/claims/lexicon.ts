/**
 * @module
 * The claims stage's lexicons, read once from `data/claims/` (hand-written) and
 * `models/attribution/` (learned by `npm run train:attribution`). Data, not code.
 */
import { existsSync, readFileSync } from 'node:fs'
import type { EntityType, Stance } from '../../model/analysis.js'
import { ENTITY_TYPES, STANCES } from '../../model/analysis.js'
import { dataPath, modelPath } from '../../data-path.js'

/** How a cue verb takes its arguments. */
export type CueFrame = 'say' | 'tell' | 'accuse' | 'ask' | 'describe'
const FRAMES: readonly CueFrame[] = ['say', 'tell', 'accuse', 'ask', 'describe']

export interface CueEntry {
  readonly stance: Stance
  readonly frame: CueFrame
  /** 'data' for hand-written cues, 'model' for cues learned from PolNeAR train. */
  readonly origin: 'data' | 'model'
  /** For learned cues: how often the word is a cue in PolNeAR train (0..1). */
  readonly precision?: number
}

export interface AllegationPattern {
  readonly pattern: RegExp
  readonly stance: Stance
  /** Strings one of which every match contains (any case): a sentence without any is not tried. */
  readonly hint: RegExp
}

export interface PhraseCue extends AllegationPattern {
  /** The speaker withholds what follows ("did not name the suspects"). */
  readonly negated: boolean
}

export interface ClaimsLexicon {
  readonly cues: ReadonlyMap<string, CueEntry>
  /** Hedge words and phrases, lowercase, split into words. */
  readonly hedges: readonly (readonly string[])[]
  /** Any hedge phrase as a whole-word, case-insensitive pattern. */
  readonly hedgePattern: RegExp
  readonly speakerNouns: ReadonlyMap<string, readonly EntityType[]>
  readonly genericSpeakers: ReadonlySet<string>
  readonly allegations: readonly AllegationPattern[]
  /** Cue phrases whose head is no cue alone ("raised the possibility"), with a speaker before. */
  readonly phraseCues: readonly PhraseCue[]
  /** Any phrase cue's pre-test strings: a sentence without one has no phrase cue. */
  readonly phraseCueHint: RegExp
  /** Cues that may come before their speaker ("…, said the minister"). */
  readonly inverted: ReadonlySet<string>
  /** Words that join the cue when they follow it ("said in a statement", "called for"). */
  readonly extensions: ReadonlyMap<string, readonly (readonly string[])[]>
  /** Nouns that are cues after a possessor ("X's claim that …"), with the clause they take. */
  readonly nounCues: ReadonlyMap<string, 'that' | 'to' | 'both'>
  /** Matches any cue form, "according", or an allegation noun: a sentence without it has no claim. */
  readonly trigger: RegExp
}

/** The learned part, as written by scripts/train-attribution.ts. */
export interface LearnedCues {
  readonly format: 'claimgraph/attribution-cues@1'
  /** Cues accepted by the stage: form → learned stance hint. */
  readonly cues: Readonly<Record<string, { readonly count: number; readonly precision: number }>>
  /** Particles PolNeAR keeps in the cue after a head word: head → ["of", "out of", …]. */
  readonly extensions?: Readonly<Record<string, readonly string[]>>
}

function lines(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t').map((cell) => cell.trim()))
}

function isStance(value: string | undefined): value is Stance {
  return (STANCES as readonly string[]).includes(value ?? '')
}

function isFrame(value: string | undefined): value is CueFrame {
  return (FRAMES as readonly string[]).includes(value ?? '')
}

function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value)
}

/**
 * Rows of pattern, stance and pre-test strings (allegations.tsv, phrase-cues.tsv), each with the
 * cells after those three.
 */
function patternsOf(path: string): { pattern: AllegationPattern; more: string[] }[] {
  const out: { pattern: AllegationPattern; more: string[] }[] = []
  for (const [pattern, stance, hint, ...more] of lines(path)) {
    if (pattern === undefined || !isStance(stance)) continue
    const anyOf = (hint ?? '')
      .split('|')
      .map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|')
    out.push({
      // Without pre-test strings, the pattern is its own pre-test (an empty one would pass all).
      pattern: {
        pattern: new RegExp(pattern, 'giu'),
        stance,
        hint: anyOf === '' ? new RegExp(pattern, 'iu') : new RegExp(anyOf, 'i'),
      },
      more,
    })
  }
  return out
}

/** Build a lexicon from hand-written rows and optional learned cues (exported for tests). */
export function buildLexicon(
  dir: (file: string) => string,
  learned: LearnedCues | null,
): ClaimsLexicon {
  const cues = new Map<string, CueEntry>()
  for (const [form, stance, frame] of lines(dir('cues.tsv'))) {
    if (form === undefined || !isStance(stance) || !isFrame(frame)) continue
    cues.set(form.toLowerCase(), { stance, frame, origin: 'data' })
  }
  if (learned !== null) {
    const notCues = new Set(lines(dir('not-cues.txt')).map(([w]) => (w ?? '').toLowerCase()))
    for (const form of Object.keys(learned.cues)) {
      // Single-word learned cues only; hand-written entries win; literal violence verbs never.
      if (form.includes(' ') || cues.has(form) || notCues.has(form)) continue
      cues.set(form, {
        stance: 'assert',
        frame: 'say',
        origin: 'model',
        precision: learned.cues[form]?.precision ?? 0,
      })
    }
  }
  const hedges = lines(dir('hedges.txt')).map(([phrase]) =>
    (phrase ?? '').toLowerCase().split(/\s+/),
  )
  const speakerNouns = new Map<string, EntityType[]>()
  for (const [noun, types] of lines(dir('speaker-nouns.tsv'))) {
    if (noun === undefined || types === undefined) continue
    speakerNouns.set(
      noun.toLowerCase(),
      types
        .split(',')
        .map((t) => t.trim())
        .filter(isEntityType),
    )
  }
  const genericSpeakers = new Set(
    lines(dir('generic-speakers.txt')).map(([w]) => (w ?? '').toLowerCase()),
  )
  const allegations = patternsOf(dir('allegations.tsv')).map((row) => row.pattern)
  const phraseFile = dir('phrase-cues.tsv')
  const phraseCues: PhraseCue[] = existsSync(phraseFile)
    ? patternsOf(phraseFile).map(({ pattern, more }) => ({
        ...pattern,
        negated: more[0] === 'yes',
      }))
    : []
  const extensions = new Map<string, string[][]>()
  for (const [form, following] of lines(dir('cue-extensions.tsv'))) {
    if (form === undefined || following === undefined) continue
    const list = extensions.get(form) ?? []
    list.push(following.toLowerCase().split(/\s+/))
    // Longest first, so "in a recent interview" wins over shorter ones.
    list.sort((a, b) => b.length - a.length)
    extensions.set(form, list)
  }
  // Learned extensions after the hand-written ones of the same head (those win when both match:
  // the lists are sorted longest first and hand-written phrases are the longer ones).
  for (const [form, following] of Object.entries(learned?.extensions ?? {})) {
    const list = extensions.get(form) ?? []
    for (const f of following) {
      const ext = f.split(' ')
      if (!list.some((x) => x.join(' ') === f)) list.push(ext)
    }
    list.sort((a, b) => b.length - a.length)
    extensions.set(form, list)
  }
  const hedgePattern = new RegExp(
    `\\b(?:${hedges
      .map((h) => h.join('\\s+'))
      .sort((a, b) => b.length - a.length)
      .join('|')})\\b`,
    'i',
  )
  const inverted = new Set(lines(dir('inverted-cues.txt')).map(([w]) => (w ?? '').toLowerCase()))
  const nounCues = new Map<string, 'that' | 'to' | 'both'>()
  const nounFile = dir('noun-cues.tsv')
  if (existsSync(nounFile)) {
    for (const [form, complement] of lines(nounFile)) {
      if (
        form !== undefined &&
        (complement === 'that' || complement === 'to' || complement === 'both')
      )
        nounCues.set(form.toLowerCase(), complement)
    }
  }
  const forms = [
    ...cues.keys(),
    ...nounCues.keys(),
    'according',
    'alleged',
    'allegations',
    'claims',
    'rumors',
    'rumours',
    'reports',
    'accusations',
    'suggestions',
  ]
  const escaped = forms
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const trigger = new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'i')
  return {
    cues,
    hedges,
    hedgePattern,
    speakerNouns,
    genericSpeakers,
    allegations,
    phraseCues,
    phraseCueHint: new RegExp(phraseCues.map((p) => p.hint.source).join('|') || '(?!)', 'i'),
    inverted,
    extensions,
    nounCues,
    trigger,
  }
}

/** Read the learned cue list, or null when it has not been trained yet. */
export function readLearnedCues(path = modelPath('attribution/cues.json')): LearnedCues | null {
  if (!existsSync(path)) return null
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as LearnedCues
  return parsed.format === 'claimgraph/attribution-cues@1' ? parsed : null
}

let cached: ClaimsLexicon | undefined

/** The lexicon the stage uses: data/claims plus models/attribution, read once. */
export function claimsLexicon(): ClaimsLexicon {
  cached ??= buildLexicon((file) => dataPath(`claims/${file}`), readLearnedCues())
  return cached
}
