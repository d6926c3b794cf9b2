/**
 * @module
 * The claim rules, as an ordered list of passes (one file each in `rules/`). Each pass blocks the
 * text it uses so that later passes do not read it twice (PolNeAR's annotation is univocal: a word
 * belongs to at most one attribution):
 *   1. transcript turns and "Name: …" headlines;
 *   2. direct quotations with their speaker and cue, then block quotations after "X said:";
 *   3. per sentence: cue phrases ("raised the possibility"), unattributed allegations, then
 *      indirect speech;
 *   4. quotations that finish or go on after an indirect claim (`quotesAfterIndirect`).
 */
import type { ClaimKind, Sentence, Stance } from '../../model/analysis.js'
import type { Span } from '../../model/document.js'
import type { CueModel } from './cue-model.js'
import type { ContentModel } from './content-model.js'
import type { SourceModel } from './source-model.js'
import type { ClaimsLexicon, CueEntry } from './lexicon.js'
import type { Quote } from './quotes.js'
import { transcriptTurns } from './rules/01-transcript-turns.js'
import { directQuotes, quotesAfterIndirect } from './rules/02-direct-quotes.js'
import { blockQuotes } from './rules/02-block-quotes.js'
import { allegations, phraseCues } from './rules/03-allegations.js'
import {
  draftsByCue,
  indirectSpeech,
  taggedCue,
  type EarlierDrafts,
  type TaggedCue,
} from './rules/04-indirect-speech.js'
import { tagCues, type CueTagger } from './cue-tagger.js'
import { cueWordPattern } from './cue-model.js'
import { scanWords, type Word } from './words.js'

export interface Draft {
  readonly speaker: Span | null
  readonly cue: Span | null
  readonly content: Span
  readonly kind: ClaimKind
  readonly rule: string
  readonly cueEntry: CueEntry | null
  /** Stance set by the rule itself (allegation patterns); otherwise from the cue. */
  readonly stance: Stance | null
  /** Where the accused / the addressee stand ("accused [Ukraine and the West] of"). */
  readonly targetSpan: Span | null
  readonly negated: boolean
  /** Passive cue ("was accused of"): the subject is the target, not the speaker. */
  readonly passive: boolean
}

export interface ExtractInput {
  readonly text: string
  readonly sentences: readonly Sentence[]
  readonly quotes: readonly Quote[]
  readonly lexicon: ClaimsLexicon
  /** The cue perceptron for words outside the lexicon (none: lexicon only). */
  readonly cueModel?: CueModel | null
  /** The content-end perceptron for unquoted contents (none: contents run to their limit). */
  readonly contentModel?: ContentModel | null
  /** The speaker-start perceptron (none: the rules' phrase). */
  readonly sourceModel?: SourceModel | null
  /** The cue tagger over every word (none: lexicon and cue perceptron only). */
  readonly cueTagger?: CueTagger | null
}

/** Run all passes; drafts come back in no particular order. */
export function extractDrafts(input: ExtractInput): Draft[] {
  const blocked: Span[] = []
  const drafts: Draft[] = []
  transcriptTurns(input, drafts, blocked)
  directQuotes(input, drafts, blocked)
  blockQuotes(input, drafts, blocked)
  const byCue = draftsByCue(drafts)
  const before = drafts.length
  // Sentences are in text order: keep only the quotes and blocked spans that reach the current
  // sentence, so each sentence looks at a handful of spans, not at the whole document's.
  blocked.sort((a, b) => a.start - b.start)
  const active = { quotes: [] as Quote[], blocked: [] as Span[] }
  let nextQuote = 0
  let nextBlocked = 0
  for (const sentence of input.sentences) {
    while (
      nextQuote < input.quotes.length &&
      (input.quotes[nextQuote] as Quote).start < sentence.end
    ) {
      active.quotes.push(input.quotes[nextQuote++] as Quote)
    }
    while (nextBlocked < blocked.length && (blocked[nextBlocked] as Span).start < sentence.end) {
      active.blocked.push(blocked[nextBlocked++] as Span)
    }
    if (active.quotes.some((q) => q.end <= sentence.start))
      active.quotes = active.quotes.filter((q) => q.end > sentence.start)
    if (active.blocked.some((b) => b.end <= sentence.start))
      active.blocked = active.blocked.filter((b) => b.end > sentence.start)
    // A sentence inside text a claim already holds (a quotation's content) makes no claim: every
    // pass leaves used words alone. Skipped, it is not even scanned.
    if (active.blocked.some((b) => b.start <= sentence.start && sentence.end <= b.end)) continue
    // Every sentence is tagged (the tagger finds cues outside the lexicon); a sentence without a
    // lexicon cue word (one regular-expression test) skips the lexicon-cue passes.
    input.lexicon.trigger.lastIndex = 0
    const local: ExtractInput = { ...input, quotes: active.quotes }
    const earlier: EarlierDrafts = { byCue, before, sentenceFirst: drafts.length }
    const words = scanWords(input.text, sentence.start, sentence.end)
    const tagged = taggedCues(input, words, active.quotes)
    phraseCues(local, sentence, drafts, active.blocked)
    if (!input.lexicon.trigger.test(input.text.slice(sentence.start, sentence.end))) {
      // Without a lexicon cue, only a learned cue (the tagger's, or the cue perceptron's after
      // its speaker) can make a claim.
      if (tagged.length > 0 || learnedCueIn(input, sentence))
        indirectSpeech(
          local,
          sentence,
          drafts,
          active.blocked,
          words,
          tagged.length === 0,
          tagged,
          earlier,
        )
      continue
    }
    allegations(local, sentence, drafts, active.blocked)
    indirectSpeech(local, sentence, drafts, active.blocked, words, false, tagged, earlier)
  }
  quotesAfterIndirect(input, drafts)
  return drafts
}

/**
 * Whether a sentence has a word with a positive weight of its own in the cue perceptron (only
 * then can a learned cue after its speaker make a claim in a sentence without a lexicon cue).
 */
function learnedCueIn(input: ExtractInput, sentence: Sentence): boolean {
  const model = input.cueModel
  return model != null && cueWordPattern(model).test(input.text.slice(sentence.start, sentence.end))
}

/** The cue tagger's cues in a sentence's words. */
function taggedCues(
  input: ExtractInput,
  words: readonly Word[],
  quotes: readonly Quote[],
): TaggedCue[] {
  if (input.cueTagger == null) return []
  return tagCues(input.cueTagger, words, quotes, input.lexicon).map(([first, last]) =>
    taggedCue(words, first, last),
  )
}
