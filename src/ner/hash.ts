/**
 * @module
 * 32-bit hashing for feature indices: FNV-1a over UTF-16 code units, and a murmur3 finalizer to
 * combine a template id with a value hash.
 */

/** FNV-1a of a string's UTF-16 code units, as an unsigned 32-bit integer. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Mixes two 32-bit values into one well-spread 32-bit value (murmur3 fmix32 of a combination). */
export function mix(a: number, b: number): number {
  let h = (Math.imul(a, 0x9e3779b1) ^ b) >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
