import type { AppError } from '../errors.js'
import type { NormalizedDocument } from '../model/document.js'

/** One document, or the error that stopped one input, JSONL line or feed item. */
export type NormalizeOutcome =
  | { readonly ok: true; readonly doc: NormalizedDocument }
  | { readonly ok: false; readonly subject: string; readonly error: AppError }
