/**
 * @module
 * Responsibility: for an event, each candidate actor with who claims it (claim_responsibility),
 * who accuses it (accuse, by target) and who denies it (deny), and whether the text says the
 * claim cites no evidence (data/reconcile/no-evidence.txt). The question is `contested` when the
 * sources point at more than one actor.
 */
import type { SectionKind } from '../model/document.js'
import type { Stance } from '../model/analysis.js'
import { phraseList, phrasePattern } from './lexicon.js'

export interface ActorRef {
  /** Join key across documents (a normalized name). */
  readonly key: string
  readonly name: string
  /** The entity type, when the actor is an entity ("GPE", "ORG", …). */
  readonly type?: string
}

export interface ResponsibilityClaim<C> {
  readonly stance: Stance
  /** The speaker as an actor; null when nobody is named. */
  readonly speaker: ActorRef | null
  /** The speaker as written ("Norvenia's foreign office spokesperson, Claire Whitlock"). */
  readonly speakerText?: string
  readonly targets: readonly ActorRef[]
  readonly content: string
  /**
   * The sentence the claim lies in, and the next one ("… he said. He offered no evidence."):
   * no-evidence phrases are looked for here too.
   */
  readonly sentence: string
  readonly section: SectionKind
  readonly document: string
  /** The document's independent source (earliest document of its copy group). */
  readonly source: string
  readonly cite: C
}

export interface Attribution<C> {
  /** Who claims, accuses or denies. */
  readonly speaker: ActorRef
  readonly documents: number
  readonly independentSources: number
  /** True when any of the speaker's claims is said to cite no evidence. */
  readonly withoutEvidence: boolean
  readonly cites: readonly C[]
}

export interface ResponsibleActor<C> {
  readonly actor: ActorRef
  readonly claimedBy: readonly Attribution<C>[]
  readonly accusedBy: readonly Attribution<C>[]
  readonly deniedBy: readonly Attribution<C>[]
}

export type ResponsibilityStatus = 'contested' | 'claimed' | 'alleged' | 'unknown'

export interface Responsibility<C> {
  readonly status: ResponsibilityStatus
  /** Claimed actors first, then by number of independent accusers. */
  readonly actors: readonly ResponsibleActor<C>[]
}

/** Speakers that only point back at a name the rule could not resolve. */
const PRONOUNS = new Set(['which', 'who', 'that', 'it', 'he', 'she', 'they', 'we', 'this'])

export function withoutEvidence(content: string, sentence: string): boolean {
  const pattern = phrasePattern('no-evidence.txt')
  return pattern.test(content) || pattern.test(sentence)
}

/**
 * Lay out responsibility from the claims of one event's documents. Claims in comment sections
 * are left out (the brief shows them apart), and so are claims without a named speaker.
 */
export function responsibility<C>(claims: readonly ResponsibilityClaim<C>[]): Responsibility<C> {
  const actors = new Map<string, { actor: ActorRef; roles: Map<Role, Map<string, Entry<C>>> }>()
  const roleOf = (actor: ActorRef, role: Role) => {
    let entry = actors.get(actor.key)
    if (entry === undefined) {
      entry = { actor, roles: new Map() }
      actors.set(actor.key, entry)
    }
    let byRole = entry.roles.get(role)
    if (byRole === undefined) {
      byRole = new Map()
      entry.roles.set(role, byRole)
    }
    return byRole
  }
  const add = (
    actor: ActorRef,
    role: Role,
    claim: ResponsibilityClaim<C>,
    speaker: ActorRef = claim.speaker!,
  ) => {
    const byRole = roleOf(actor, role)
    const entry = byRole.get(speaker.key) ?? {
      speaker,
      documents: new Set<string>(),
      sources: new Set<string>(),
      withoutEvidence: false,
      cites: [],
    }
    entry.documents.add(claim.document)
    entry.sources.add(claim.source)
    // A denial that says the accusation has no evidence does not make the denial unfounded.
    if (role !== 'denied') entry.withoutEvidence ||= withoutEvidence(claim.content, claim.sentence)
    entry.cites.push(claim.cite)
    byRole.set(speaker.key, entry)
  }

  const usable = claims.filter(
    (c) =>
      c.section !== 'comment' && c.speaker !== null && !PRONOUNS.has(c.speaker.key.toLowerCase()),
  )
  for (const claim of usable) {
    if (claim.stance === 'claim_responsibility') add(claim.speaker!, 'claimed', claim)
    else if (claim.stance === 'accuse') {
      for (const target of claim.targets) {
        if (target.key !== claim.speaker!.key) add(target, 'accused', claim)
      }
    }
  }
  // Denials after the candidates are known: a denial speaks for its targets, or else for the
  // candidates named in the speaker ("Norvenia's foreign office spokesperson"), or the speaker.
  const candidates = [...actors.values()].map((a) => a.actor)
  for (const [at, claim] of usable.entries()) {
    if (claim.stance !== 'deny') continue
    const speaker = claim.speaker!
    const targets = claim.targets.filter((t) => actors.has(t.key))
    if (targets.length > 0) {
      for (const actor of targets) add(actor, 'denied', claim)
      continue
    }
    // "All three governments have denied any role": a counted group of states speaks for as
    // many states accused before it in the same document, when the count matches.
    const group = groupSize(claim.speakerText ?? speaker.name)
    if (group !== null) {
      const accusedBefore = uniqueActors(
        usable
          .slice(0, at)
          .filter((c) => c.stance === 'accuse' && c.document === claim.document)
          .flatMap((c) => c.targets)
          .filter((t) => STATE_TYPES.has(t.type ?? '') && actors.has(t.key)),
      )
      if (accusedBefore.length === group) {
        for (const actor of accusedBefore) add(actor, 'denied', claim, actor)
        continue
      }
    }
    const words = ` ${(claim.speakerText ?? speaker.name).toLowerCase()} `
    const named = candidates.filter(
      (a) => a.key === speaker.key || words.includes(` ${a.name.toLowerCase()}`),
    )
    // A speaker that is itself a candidate, listed with others ("Kaldria, Norvenia and Westria
    // all deny"): each candidate named denies for itself. Not "Kaldria's envoy to Norvenia".
    const coordinated = actors.has(speaker.key) && named.length > 1 && /,| and /.test(words)
    for (const actor of named) add(actor, 'denied', claim, coordinated ? actor : speaker)
  }

  const list = [...actors.values()]
    .map(({ actor, roles }) => ({
      actor,
      claimedBy: attributions(roles.get('claimed')),
      accusedBy: attributions(roles.get('accused')),
      deniedBy: attributions(roles.get('denied')),
    }))
    .filter((a) => a.claimedBy.length + a.accusedBy.length > 0)
    .sort(
      (a, b) =>
        Number(b.claimedBy.length > 0) - Number(a.claimedBy.length > 0) ||
        sourcesOf(b.accusedBy) - sourcesOf(a.accusedBy) ||
        a.actor.name.localeCompare(b.actor.name),
    )
  const claimed = list.filter((a) => a.claimedBy.length > 0).length
  const status: ResponsibilityStatus =
    list.length > 1
      ? 'contested'
      : claimed === 1
        ? 'claimed'
        : list.length === 1
          ? 'alleged'
          : 'unknown'
  return { status, actors: list }
}

type Role = 'claimed' | 'accused' | 'denied'

/** Entity types that a counted group of governments or countries can stand for. */
const STATE_TYPES: ReadonlySet<string> = new Set(['GPE'])

/** data/reconcile/state-groups.txt: number words with their value, and nouns naming states. */
const STATE_GROUPS = ((): { counts: Map<string, number>; nouns: Set<string> } => {
  const counts = new Map<string, number>()
  const nouns = new Set<string>()
  for (const line of phraseList('state-groups.txt')) {
    const [kind, word, value] = line.split(/\s+/)
    if (kind === 'count' && word !== undefined) counts.set(word, Number(value))
    if (kind === 'noun' && word !== undefined) nouns.add(word)
  }
  return { counts, nouns }
})()

/** "all three governments", "both countries", "the four states" → the count; else null. */
function groupSize(speaker: string): number | null {
  const words = speaker.trim().toLowerCase().split(/\s+/)
  if (words[0] === 'all' || words[0] === 'the') words.shift()
  if (words.length !== 2) return null
  const count = STATE_GROUPS.counts.get(words[0]!)
  return count !== undefined && STATE_GROUPS.nouns.has(words[1]!) ? count : null
}

interface Entry<C> {
  speaker: ActorRef
  documents: Set<string>
  sources: Set<string>
  withoutEvidence: boolean
  cites: C[]
}

function attributions<C>(byRole: Map<string, Entry<C>> | undefined): Attribution<C>[] {
  if (byRole === undefined) return []
  return [...byRole.values()]
    .map((e) => ({
      speaker: e.speaker,
      documents: e.documents.size,
      independentSources: e.sources.size,
      withoutEvidence: e.withoutEvidence,
      cites: e.cites,
    }))
    .sort(
      (a, b) =>
        b.independentSources - a.independentSources ||
        b.documents - a.documents ||
        a.speaker.name.localeCompare(b.speaker.name),
    )
}

/** Actors without repeats (by key), the first of each kept, in order. */
export function uniqueActors(actors: readonly ActorRef[]): ActorRef[] {
  const seen = new Set<string>()
  return actors.filter((a) => (seen.has(a.key) ? false : (seen.add(a.key), true)))
}

function sourcesOf<C>(list: readonly Attribution<C>[]): number {
  return list.reduce((n, a) => n + a.independentSources, 0)
}
