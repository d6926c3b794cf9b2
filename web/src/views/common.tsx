// Small shared pieces: loading/error states, citations, badges, dates.
import type { ComponentChildren } from 'preact'
import type { Load } from '../use-load.js'
import { href } from '../router.js'

export function Loaded<T>({
  load,
  children,
}: {
  load: Load<T>
  children: (data: T) => ComponentChildren
}) {
  if (load.state === 'loading') return <p class="muted">Loading…</p>
  if (load.state === 'error')
    return (
      <p class="error" role="alert">
        {load.message}
      </p>
    )
  return <>{children(load.data)}</>
}

/** `[D2 s8]`: a link to the sentence in the reader. */
export function Cite({
  documentId,
  label,
  sentence,
  section,
}: {
  documentId: string
  label: string
  sentence: number | null
  section?: string
}) {
  return (
    <a
      class="cite"
      href={href.doc(documentId, sentence)}
      title={section === 'comment' ? 'in a comment' : undefined}
    >
      [{label}
      {sentence === null ? '' : ` s${sentence}`}
      {section === 'comment' ? ' comment' : ''}]
    </a>
  )
}

export function Badge({ kind, children }: { kind: string; children: ComponentChildren }) {
  return <span class={`badge badge-${kind}`}>{children}</span>
}

export function shortDate(value: string | null): string {
  if (value === null) return '—'
  return value.length > 10 ? `${value.slice(0, 10)} ${value.slice(11, 16)}` : value
}

/** Text with `**…**` marks (search snippets) as <mark>, everything as text nodes. */
export function Marked({ text }: { text: string }) {
  const parts = text.split('**')
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}</>
}
