/**
 * @module
 * Stance, targets and hedging of a drafted claim, from its cue and its content.
 */
import type { Stance } from '../../model/analysis.js'
import type { ClaimsLexicon } from './lexicon.js'
import type { Draft } from './extract.js'
import type { Word } from './words.js'

const RESPONSIBILITY = /^(?:full |sole )?(?:responsibility|credit)\b/i
const TOOK_RESPONSIBILITY = /\b(?:claimed|claims|claiming|took|takes|taking|accepted|accepts|admitted)\s+(?:full\s+|sole\s+)?(?:responsibility|credit)\s+for\b/i
const SELF_AGENCY = /^(?:that\s+)?(?:it|they|we|its fighters|its members)\s+(?:had\s+|has\s+|have\s+)?(?:carried out|was behind|were behind|staged|perpetrated|conducted|planned|launched)\b/i
const BEHIND = /\b(?:was|were|is|are|had been|has been)\s+(?:behind|responsible for|to blame for)\b|\b(?:orchestrated|masterminded|ordered|plotted|sponsored)\b/i
const THREAT = /\b(?:will|would|shall)\s+(?:retaliate|respond|strike|punish|avenge|pay)\b|\bretaliat|\brevenge\b|\bconsequences\b/i
const DENIAL_OBJECT = /^(?:any\s+)?(?:involvement|responsibility|role|links?|ties|knowledge|claims?|allegations?|accusations?|reports?)\b/i

/** Stance of the draft; `content` is its text, `cueWords` the cue's words (lowercase). */
export function stanceOf(draft: Draft, content: string, cueText: string): Stance {
  let stance: Stance = draft.stance ?? draft.cueEntry?.stance ?? 'assert'
  const cue = cueText.toLowerCase()
  if (draft.cueEntry?.frame === 'ask' || /\?\s*["”’»]?\s*$/.test(content)) stance = 'question'
  if ((cue.startsWith('claim') || cue.startsWith('took') || cue.startsWith('accept')) && RESPONSIBILITY.test(content)) {
    stance = 'claim_responsibility'
  } else if (TOOK_RESPONSIBILITY.test(content)) {
    stance = 'claim_responsibility'
  } else if (stance === 'assert' && SELF_AGENCY.test(content)) {
    stance = 'claim_responsibility'
  } else if (stance === 'assert' && BEHIND.test(content)) {
    stance = 'accuse'
  } else if ((stance === 'predict' || stance === 'assert') && cue.startsWith('warn') && THREAT.test(content)) {
    stance = 'threaten'
  } else if (stance === 'deny' && DENIAL_OBJECT.test(content)) {
    stance = 'deny'
  }
  if (draft.negated && (stance === 'accuse' || stance === 'deny' || stance === 'threaten')) stance = 'assert'
  return stance
}

const hedgeIndex = new WeakMap<ClaimsLexicon, Map<string, (readonly string[])[]>>()

/** Whether any hedge phrase occurs in the words (lowercase sequences). */
export function isHedged(words: readonly Word[], lexicon: ClaimsLexicon): boolean {
  let byFirst = hedgeIndex.get(lexicon)
  if (byFirst === undefined) {
    byFirst = new Map()
    for (const phrase of lexicon.hedges) {
      const first = phrase[0] ?? ''
      byFirst.set(first, [...(byFirst.get(first) ?? []), phrase])
    }
    hedgeIndex.set(lexicon, byFirst)
  }
  for (let i = 0; i < words.length; i++) {
    const phrases = byFirst.get(words[i]?.lower ?? '')
    if (phrases === undefined) continue
    for (const phrase of phrases) {
      let ok = true
      for (let k = 1; k < phrase.length; k++) {
        if (words[i + k]?.lower !== phrase[k]) {
          ok = false
          break
        }
      }
      if (ok) return true
    }
  }
  return false
}

/** The part of an accusation's content before the accusation verb ("X was behind …" → X). */
export function accusedPart(content: string): number {
  const m = BEHIND.exec(content)
  return m === null ? content.length : m.index
}
