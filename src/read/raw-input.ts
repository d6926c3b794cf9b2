/** Bytes as read from one input, before decoding: what `read` hands to `normalize`. */
export interface RawInput {
  readonly bytes: Uint8Array
  /** The media type as declared (HTTP `Content-Type`, or guessed from a file extension), or null. */
  readonly mediaType: string | null
  /** Where it came from: the path, the URL as given, or `stdin`. */
  readonly source: string
  /** The URL finally fetched, after redirects (URLs only). */
  readonly fetchedUrl?: string
}
