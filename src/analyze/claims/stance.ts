/**
 * @module
 * Stance, targets and hedging of a drafted claim, from its cue and its content.
 */
import type { Stance } from '../../model/analysis.js'
import type { Draft } from './extract.js'

const RESPONSIBILITY = /^(?:full |sole )?(?:responsibility|credit)\b/i
const TOOK_RESPONSIBILITY =
  /\b(?:claimed|claims|claiming|took|takes|taking|accepted|accepts|admitted)\s+(?:full\s+|sole\s+)?(?:responsibility|credit)\s+for\b/i
const SELF_AGENCY =
  /^(?:that\s+)?(?:it|they|we|its fighters|its members)\s+(?:had\s+|has\s+|have\s+)?(?:carried out|was behind|were behind|staged|perpetrated|conducted|planned|launched)\b/i
const BEHIND =
  /\b(?:was|were|is|are|had been|has been)\s+(?:behind|responsible for|to blame for)\b|\b(?:orchestrated|masterminded|ordered|plotted|sponsored|planned|organi[sz]ed|financed|funded|paid for|staged)\b|\b(?:has|have|had) been (?:arming|funding|financing|training|sheltering|supporting)\b|\bhelped\s+(?:to\s+)?(?:finance|fund|plan|organi[sz]e|arm|train)\b/gi
const THREAT =
  /\b(?:will|would|shall)\s+(?:retaliate|respond|strike|punish|avenge|pay)\b|\bretaliat|\brevenge\b|\bconsequences\b|\bwill\s+(?:answer|pay)\s+for\b/i
const STRONG_THREAT =
  /\bwill\s+(?:answer|pay)\s+for\b|\bwill\s+(?:retaliate|avenge)\b|\bwill\s+strike\s+again\b/i
const DENIAL_OBJECT =
  /^(?:any\s+)?(?:involvement|responsibility|role|links?|ties|knowledge|claims?|allegations?|accusations?|reports?)\b/i
const DENIAL_CONTENT =
  /\b(?:rejects?|rejected|denies|denied|dismiss(?:es|ed)?)\s+(?:the\s+|all\s+|any\s+|these\s+)?(?:accusations?|allegations?|claims?|charges?)\b|\bnothing to do with\b|\b(?:was|were|is|are)\s+not\s+involved\b|\bno\s+(?:involvement|role|part)\s+in\b|\bplayed no (?:role|part)\b/i
const ACCUSATION_OBJECT =
  /^(?:the|these|those|all|any)\s+(?:accusations?|allegations?|claims?|charges?)\b/i
const ATTACK_OBJECT =
  /^(?:the\s+)?(?:attack|attacks|bombing|bombings|shooting|assault|massacre|killings?|explosion|raid|strike|ambush|hijacking|kidnapping)\b/i

/**
 * A word that every match of DENIAL_CONTENT, STRONG_THREAT, TOOK_RESPONSIBILITY and BEHIND holds
 * (one of each alternative's literal parts, case-insensitive as they are): a content without any
 * (85 % of them) is not tested with those four. One scan instead of four (a speed-up only).
 */
const STANCE_WORDS =
  /responsib|credit|will|reject|denie|dismiss|nothing|involv|role|part|behind|blame|orchestrated|masterminded|ordered|plotted|sponsored|planned|organi|financed|funded|paid|staged|been|helped/i

/**
 * What an ask cue requests rather than asks: "to report …", "citizens to report …" (an object of
 * at most four words before "to", no question word or quotation opening it).
 */
const REQUEST =
  /^(?!(?:whether|if|who|what|when|where|why|how|which)\b)[^\s"“?]+(?:\s+[^\s"“?]+){0,3}?\s+to\s|^to\b/i

/** Stance of the draft; `content` is its text, `cueWords` the cue's words (lowercase). */
export function stanceOf(draft: Draft, content: string, cueText: string): Stance {
  let stance: Stance = draft.stance ?? draft.cueEntry?.stance ?? 'assert'
  const cue = cueText.toLowerCase()
  const wordy = STANCE_WORDS.test(content)
  if (
    (draft.cueEntry?.frame === 'ask' && !REQUEST.test(content)) ||
    (content.includes('?') && /\?\s*["”’»]?\s*$/.test(content))
  )
    stance = 'question'
  // "asks residents to report …" is a request, not a question.
  else if (draft.cueEntry?.frame === 'ask') stance = 'assert'
  if (
    (cue.startsWith('claim') || cue.startsWith('took') || cue.startsWith('accept')) &&
    RESPONSIBILITY.test(content)
  ) {
    stance = 'claim_responsibility'
  } else if (
    cue.includes('claim') &&
    cue.split(/\s+/).some((w) => w.startsWith('claim')) &&
    ATTACK_OBJECT.test(content)
  ) {
    // "The Front has claimed the attack"
    stance = 'claim_responsibility'
  } else if (
    ACCUSATION_OBJECT.test(content) &&
    /^(?:called|described|dismissed|rejected|branded|termed|labell?ed)\b/.test(
      cue.split(/\s+/).pop() ?? '',
    )
  ) {
    // "called the accusation absurd"
    stance = 'deny'
  } else if (stance === 'assert' && wordy && DENIAL_CONTENT.test(content)) {
    stance = 'deny'
  } else if (stance !== 'deny' && wordy && STRONG_THREAT.test(content)) {
    stance = 'threaten'
  } else if (wordy && TOOK_RESPONSIBILITY.test(content)) {
    stance = 'claim_responsibility'
  } else if (stance === 'assert' && SELF_AGENCY.test(content)) {
    stance = 'claim_responsibility'
  } else if (stance === 'assert' && wordy && matches(BEHIND, content)) {
    stance = 'accuse'
  } else if (
    (stance === 'predict' || stance === 'assert') &&
    cue.startsWith('warn') &&
    THREAT.test(content)
  ) {
    stance = 'threaten'
  } else if (stance === 'deny' && DENIAL_OBJECT.test(content)) {
    stance = 'deny'
  }
  if (draft.negated && (stance === 'accuse' || stance === 'deny' || stance === 'threaten'))
    stance = 'assert'
  return stance
}

function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0
  return pattern.test(text)
}

/** Offset in the content where a denial phrase starts ("Kaldria [had nothing to do with] …"), or -1. */
export function denialAt(content: string): number {
  const m = DENIAL_CONTENT.exec(content)
  return m === null ? -1 : m.index
}

/**
 * The parts of an accusation's content that name the accused, as [start, end) offsets into the
 * content: what stands before each accusation verb ("Kaldria planned the attack and that Norvenia
 * and Westria paid for it" → "Kaldria", "and that Norvenia and Westria"), or its agent after "by"
 * in the passive ("This was staged by the security service" → "the security service").
 * `agentNamed` says a passive agent was found: then nobody else in the content is accused.
 */
export function accusedParts(content: string): {
  parts: [number, number][]
  agentNamed: boolean
} {
  const parts: [number, number][] = []
  let agentNamed = false
  let from = 0
  BEHIND.lastIndex = 0
  for (const m of content.matchAll(BEHIND)) {
    const after = m.index + m[0].length
    const agent = PASSIVE_AGENT.exec(content.slice(after))
    if (agent !== null) {
      const start = after + agent[0].length
      const stop = content.slice(start).search(AGENT_END)
      parts.push([start, stop < 0 ? content.length : start + stop])
      agentNamed = true
      from = content.length
      break
    }
    parts.push([from, m.index])
    from = after
    // Skip the object of the verb up to the next clause ("the attack and that …").
    const next = content.slice(from).search(/\b(?:and|while|but)\b|[,;]/)
    from = next < 0 ? content.length : from + next
  }
  if (parts.length === 0) parts.push([0, content.length])
  return { parts, agentNamed }
}

/** "staged by …", "was planned by …": the agent follows. */
const PASSIVE_AGENT = /^\s+by\s+/i
/** Where a passive agent ends: a purpose, a new clause or a comma ("… by X to give Y an excuse"). */
const AGENT_END = /\s(?:to|in order|so that|because|and|while|but|as|after|before)\b|[,;.!?]/i
