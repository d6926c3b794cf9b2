import type { Entity, EntityType, EventPlace } from '../../model/analysis.js'
import { readJson } from '../lexicon.js'
import type { Tokens } from '../stage.js'
import { tokenAtOrAfter, tokenEndingBy } from '../token-search.js'
import type { TriggerMention } from './triggers.js'

interface RoleTable {
  readonly attackerNouns: readonly string[]
  readonly placePrepositions: readonly string[]
  readonly agentPrepositions: readonly string[]
  readonly agentVerbs: readonly string[]
  readonly anaphoricDeterminers: readonly string[]
  readonly placeNearOnlyTypes: readonly string[]
}

const table = readJson<RoleTable>('event-measures.json')
const attackerNouns: ReadonlySet<string> = new Set(table.attackerNouns)
const placePrepositions: ReadonlySet<string> = new Set(table.placePrepositions)
const agentPrepositions: ReadonlySet<string> = new Set(table.agentPrepositions)
const agentVerbs: ReadonlySet<string> = new Set(table.agentVerbs)
const anaphoricDeterminers: ReadonlySet<string> = new Set(table.anaphoricDeterminers)
const placeNearOnlyTypes: ReadonlySet<string> = new Set(table.placeNearOnlyTypes)

const AGENT_TYPES: ReadonlySet<EntityType> = new Set(['ORG', 'NORP', 'PERSON'])
const PLACE_TYPES: ReadonlySet<EntityType> = new Set(['GPE', 'LOC', 'FAC'])

/** An entity mention located in tokens. */
export interface MentionInTokens {
  readonly entity: Entity
  readonly start: number
  readonly end: number
  /** Token range `[first, last)`. */
  readonly first: number
  readonly last: number
  readonly sentence: number
}

/** Entity mentions by sentence, in text order, mapped onto token indices. */
export function mentionsBySentence(
  tokens: Tokens,
  entities: readonly Entity[],
): Map<number, MentionInTokens[]> {
  const bySentence = new Map<number, MentionInTokens[]>()
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      const first = tokenAtOrAfter(tokens, mention.start)
      const last = tokenEndingBy(tokens, mention.end)
      if (first >= last || first >= tokens.count) continue
      const sentence = tokens.sentence[first]!
      const list = bySentence.get(sentence) ?? []
      list.push({ entity, start: mention.start, end: mention.end, first, last, sentence })
      bySentence.set(sentence, list)
    }
  }
  for (const list of bySentence.values()) list.sort((a, b) => a.start - b.start)
  return bySentence
}

/**
 * Entities acting as agents of a trigger in its sentence: "<X> attacked", "an <X> attack",
 * "<X> gunmen opened fire", "attack … by <X>", "gunmen from <X>".
 */
export function findAgents(
  words: readonly string[],
  trigger: TriggerMention,
  mentions: readonly MentionInTokens[],
): string[] {
  const agents: string[] = []
  const add = (id: string): void => {
    if (!agents.includes(id)) agents.push(id)
  }
  for (const m of mentions) {
    if (!AGENT_TYPES.has(m.entity.type)) continue
    // Right before the trigger, with at most two attacker nouns or adverbs between.
    if (m.last <= trigger.start && trigger.start - m.last <= 2) {
      let ok = true
      for (let k = m.last; k < trigger.start && ok; k++) ok = attackerNouns.has(words[k]!)
      if (ok) {
        add(m.entity.id)
        continue
      }
    }
    // The word before the mention, past a "the" ("by the Blue Circle").
    let p = m.first - 1
    if (p > 0 && words[p] === 'the') p--
    if (p >= 0) {
      const previous = words[p]!
      // "… by <X>" within a few tokens after the trigger ("attack was carried out by X").
      if (
        agentPrepositions.has(previous) &&
        p >= trigger.end &&
        p - trigger.end <= 3 &&
        onlyAgentVerbs(words, trigger.end, p)
      ) {
        add(m.entity.id)
        continue
      }
      // "gunmen from <X>", "militants of <X>".
      if (
        (previous === 'from' || previous === 'of') &&
        p >= 1 &&
        attackerNouns.has(words[p - 1]!)
      ) {
        add(m.entity.id)
        continue
      }
    }
    // "<X> gunmen" anywhere in the sentence.
    if (m.last < words.length && attackerNouns.has(words[m.last]!) && m.last < trigger.start + 8)
      add(m.entity.id)
  }
  return agents
}

/** "attack (was carried out) by X", "attack (was claimed) by X" — not "attack was condemned by X". */
function onlyAgentVerbs(words: readonly string[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!agentVerbs.has(words[k]!)) return false
  return true
}

/** A place candidate: lower `score` is better. */
export interface PlaceCandidate {
  readonly place: EventPlace
  readonly score: number
}

/** Tokens between a trigger and "in/at <place>" after it ("attack on the hall in Dravnik"). */
const PLACE_REACH = 8

/**
 * The place of one trigger mention: a GPE/LOC/FAC in its sentence. Best: right before the trigger
 * ("the Dravnik attack", "attacked the Amber Hall") or "in/at <place>" shortly after it; then
 * "in/at <place>" anywhere in the sentence. Earlier mentions (`order`) win ties. A trigger that
 * points back ("this massacre") takes a place only right before it, as its object or right after
 * it; a claim of responsibility takes none from elsewhere in its sentence.
 */
export function findPlace(
  words: readonly string[],
  trigger: TriggerMention,
  mentions: readonly MentionInTokens[],
  order: number,
): PlaceCandidate | null {
  const anaphoric = trigger.start > 0 && anaphoricDeterminers.has(words[trigger.start - 1]!)
  const nearOnly = placeNearOnlyTypes.has(trigger.type)
  let best: PlaceCandidate | null = null
  for (const m of mentions) {
    if (!PLACE_TYPES.has(m.entity.type)) continue
    // The word before the mention, past a "the" ("on the Amber Hall").
    let p = m.first - 1
    if (p > 0 && words[p] === 'the') p--
    const preposition = p >= 0 && placePrepositions.has(words[p]!)
    const object = p === trigger.end - 1 && p >= trigger.start
    let rank: number
    if (m.last === trigger.start || object) rank = 0
    // After a trigger that points back, only "in/at <place>" right after it ("this attack in
    // Dravnik"): further on it is too often another clause's ("this massacre sit in Kaldria").
    else if (preposition && p >= trigger.end && p - trigger.end <= (anaphoric ? 0 : PLACE_REACH))
      rank = 0
    else if (preposition && !anaphoric && !nearOnly) rank = 1
    // A bare place elsewhere in the sentence is too often the accused or the speaker
    // ("Kaldria planned the attack"), not where it happened.
    else continue
    const score = rank * 10_000 + order
    if (best === null || score < best.score) best = { place: toPlace(m), score }
  }
  return best
}

function toPlace(m: MentionInTokens): EventPlace {
  const mention = m.entity.mentions.find((x) => x.start === m.start)
  return { start: m.start, end: m.end, text: mention?.text ?? '', entity: m.entity.id }
}
