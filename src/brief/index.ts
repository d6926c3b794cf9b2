/**
 * @module
 * The brief: a cross-document summary of analyses (`claimgraph/brief@1`), and its Markdown form.
 */
export { buildBrief } from './build-brief.js'
export { renderBriefMarkdown } from './render-markdown.js'
export { figureAgreement, valueInterval } from './figure-agreement.js'
export { BRIEF_SCHEMA } from './brief.js'
export type * from './brief.js'
