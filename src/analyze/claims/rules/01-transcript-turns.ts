/**
 * @module
 * Rule 1: transcript turns ("WALLACE: …") when speakers take several turns, and headlines
 * "Name: what they said".
 */
import type { Span } from '../../../model/document.js'
import type { Draft, ExtractInput } from '../extract.js'
import { paragraphEnd } from '../phrases.js'

const TURN = /^["“]?([A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}):[ \t]+(?=\S)/gmu

export function transcriptTurns(input: ExtractInput, drafts: Draft[], blocked: Span[]): void {
  const { text } = input
  const turns: { speaker: Span; cue: Span; content: Span }[] = []
  const names = new Map<string, number>()
  for (const m of text.matchAll(TURN)) {
    const name = m[1] ?? ''
    const start = m.index + (m[0].startsWith('"') || m[0].startsWith('“') ? 1 : 0)
    const contentStart = m.index + m[0].length
    let end = paragraphEnd(text, contentStart)
    while (end > contentStart && /\s/.test(text[end - 1] ?? '')) end--
    if (end - contentStart < 3) continue
    turns.push({
      speaker: { start, end: start + name.length },
      cue: { start: start + name.length, end: start + name.length + 1 },
      content: { start: contentStart, end },
    })
    names.set(name, (names.get(name) ?? 0) + 1)
  }
  // One "UPDATE: …" line is a heading; a transcript has speakers who take several turns. A
  // headline may still be "Name: what they said" (the first line of the text).
  const speakers = [...names].filter(([, n]) => n >= 2).map(([name]) => name)
  const isTranscript = speakers.length >= 2
  for (const turn of turns) {
    const name = text.slice(turn.speaker.start, turn.speaker.end)
    const headline =
      turn.speaker.start === 0 &&
      !/^(?:UPDATE|BREAKING|WATCH|VIDEO|PHOTOS|EXCLUSIVE|LIVE|ANALYSIS|OPINION|The Latest|FACT CHECK|Editorial|Review)$/i.test(
        name,
      )
    if (!(isTranscript && speakers.includes(name)) && !headline) continue
    if (!isTranscript && text[turn.content.end - 1] === '.')
      turn.content = { start: turn.content.start, end: turn.content.end - 1 }
    drafts.push({
      ...turn,
      kind: 'direct',
      rule: 'transcript-turn',
      cueEntry: null,
      stance: null,
      targetSpan: null,
      negated: false,
      passive: false,
    })
    blocked.push({ start: turn.speaker.start, end: turn.content.end })
  }
}
