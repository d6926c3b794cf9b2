/**
 * The analysis pipeline's version. Bump rule: ANY change to analysis output (a rule, a lexicon, a
 * stage added or reordered) changes this string, so stored documents get re-analyzed. Format:
 * `<date of the change>-<n>`.
 */
export const PIPELINE_VERSION = '2026.12.07-5'
