/** One concrete input found by expanding an input spec. */
export type InputRef =
  | { readonly type: 'file'; readonly path: string }
  | { readonly type: 'url'; readonly url: string }
  | { readonly type: 'stdin' }

/** The name an input goes by in messages and in `metadata.source`. */
export function inputRefName(ref: InputRef): string {
  switch (ref.type) {
    case 'file':
      return ref.path
    case 'url':
      return ref.url
    case 'stdin':
      return 'stdin'
  }
}
