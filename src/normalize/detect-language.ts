import { franc } from 'franc-min'
import { readDataJson } from './read-data-json.js'

interface LanguageData {
  readonly iso6393To6391: Readonly<Record<string, string>>
}

/** Below this many letters, trigram statistics are noise: say "und" rather than guess. */
const MIN_LETTERS = 60

/**
 * The language of a text as an ISO 639-1 code, or "und" when the text is short or franc is unsure.
 * `hint` (a declared language such as `<html lang="fr-FR">`) is used only when detection is unsure.
 */
export function detectLanguage(text: string, hint: string | null = null): string {
  const { iso6393To6391 } = readDataJson<LanguageData>('languages.json')
  const letters = text.replace(/[^\p{L}]/gu, '').length
  const detected =
    letters >= MIN_LETTERS
      ? franc(text, { only: Object.keys(iso6393To6391), minLength: MIN_LETTERS })
      : 'und'
  const code = iso6393To6391[detected]
  if (code !== undefined) return code
  const declared = hint?.trim().toLowerCase().split(/[-_]/)[0]
  return declared !== undefined && /^[a-z]{2}$/.test(declared) ? declared : 'und'
}
