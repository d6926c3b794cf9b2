import { createHash } from 'node:crypto'

/** A document's id: the content hash of its normalized text (hex sha-256, first 32 chars). */
export function documentId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32)
}
