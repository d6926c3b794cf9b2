/** `text/html; charset=utf-8` → `text/html` (lower case), or null. */
export function mediaTypeEssence(mediaType: string | null): string | null {
  const essence = mediaType?.split(';')[0]?.trim().toLowerCase()
  return essence === undefined || essence === '' ? null : essence
}

/** The `charset` parameter of a media type, lower case, or null. */
export function mediaTypeCharset(mediaType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(mediaType ?? '')
  return match?.[1]?.toLowerCase() ?? null
}
