// The reader: the document's text with its sections, sentences and highlights. Everything from the
// document is rendered as text nodes; nothing from it is ever parsed as HTML.
import type { ComponentChildren } from 'preact'
import { useEffect } from 'preact/hooks'
import { api, type DocumentView } from '../api.js'
import { href } from '../router.js'
import { useLoad } from '../use-load.js'
import { Badge, Loaded, shortDate } from './common.js'

export function DocumentReader({ id, sentence }: { id: string; sentence: number | null }) {
  const load = useLoad(() => api.document(id), [id])
  useEffect(() => {
    if (load.state !== 'ok' || sentence === null) return
    const element = document.getElementById(`s-${sentence}`)
    element?.scrollIntoView({ block: 'center' })
  }, [load.state, id, sentence])
  return <Loaded load={load}>{(doc) => <Reader doc={doc} target={sentence} />}</Loaded>
}

interface Mark {
  readonly start: number
  readonly end: number
  readonly kind: 'ent' | 'claim' | 'fig'
  readonly entityKey?: string
  readonly title: string
}

function Reader({ doc, target }: { doc: DocumentView; target: number | null }) {
  const marks: Mark[] = []
  for (const entity of doc.entities)
    for (const m of entity.mentions)
      marks.push({
        start: m.start,
        end: m.end,
        kind: 'ent',
        entityKey: entity.key,
        title: `${entity.type}: ${entity.name}`,
      })
  for (const claim of doc.claims)
    marks.push({
      start: claim.content.start,
      end: claim.content.end,
      kind: 'claim',
      title: `claim (${claim.stance})`,
    })
  const figures = doc.events.flatMap((event) => event.figures.map((figure) => ({ event, figure })))
  for (const { figure } of figures)
    marks.push({
      start: figure.span.start,
      end: figure.span.end,
      kind: 'fig',
      title: `${figure.measure}: ${figure.value}`,
    })

  const hidden = doc.sections.filter((s) => s.kind === 'boilerplate').length
  const targetSection = target === null ? -1 : (doc.sentences[target]?.section ?? -1)
  const info = doc.document
  return (
    <div class="reader-layout">
      <article class="reader" data-testid="reader">
        <p class="muted">
          {info.kind} · {info.site ?? info.author ?? 'unknown source'} ·{' '}
          {shortDate(info.publishedAt)} · {doc.sources.length} source
          {doc.sources.length === 1 ? '' : 's'}
        </p>
        {doc.sections.map((section, index) => {
          if (section.kind === 'boilerplate') return null
          const body = <SectionText doc={doc} index={index} marks={marks} target={target} />
          if (section.kind === 'comment')
            return (
              <details class="comment" key={index} open={index === targetSection}>
                <summary>
                  Comment{section.author === undefined ? '' : ` by ${section.author}`}
                </summary>
                <div class="text">{body}</div>
              </details>
            )
          const Tag = section.kind === 'title' ? 'h1' : 'div'
          return (
            <Tag class={`text section-${section.kind}`} key={index}>
              {body}
            </Tag>
          )
        })}
        {hidden > 0 && (
          <p class="muted">
            {hidden} boilerplate section{hidden === 1 ? '' : 's'} hidden.
          </p>
        )}
      </article>
      <aside class="reader-side">
        <h2>Claims ({doc.claims.length})</h2>
        <ul>
          {doc.claims.map((claim) => (
            <li key={claim.id}>
              <a href={href.doc(info.id, claim.sentence)}>
                <Badge kind={claim.stance}>{claim.stance.replace('_', ' ')}</Badge>{' '}
                {claim.speaker?.text ?? 'unattributed'}: “{truncate(claim.content.text, 90)}”
              </a>
            </li>
          ))}
        </ul>
        <h2>Figures ({figures.length})</h2>
        <ul>
          {figures.map(({ event, figure }, i) => (
            <li key={i}>
              <a href={href.doc(info.id, figure.sentence)}>
                {figure.measure}: {figure.span.text}
              </a>{' '}
              <span class="muted">({event.type})</span>
            </li>
          ))}
        </ul>
        <h2>Entities ({doc.entities.length})</h2>
        <ul class="inline">
          {doc.entities.map((e) => (
            <li key={e.id}>
              <a href={href.entity(e.key)}>{e.name}</a> <span class="muted">{e.type}</span>
            </li>
          ))}
        </ul>
        <h2>Sources</h2>
        <ul>
          {doc.sources.map((s) => (
            <li key={s} class="source">
              {s}
            </li>
          ))}
        </ul>
      </aside>
    </div>
  )
}

function SectionText({
  doc,
  index,
  marks,
  target,
}: {
  doc: DocumentView
  index: number
  marks: readonly Mark[]
  target: number | null
}) {
  const section = doc.sections[index]
  if (section === undefined) return null
  const out: ComponentChildren[] = []
  let at = section.start
  doc.sentences.forEach((sentence, n) => {
    if (sentence.section !== index) return
    if (sentence.start > at) out.push(doc.text.slice(at, sentence.start))
    out.push(
      <span id={`s-${n}`} key={n} class={n === target ? 'sent target' : 'sent'} data-sentence={n}>
        {segments(doc.text, sentence.start, sentence.end, marks)}
      </span>,
    )
    at = Math.max(at, sentence.end)
  })
  if (at < section.end) out.push(doc.text.slice(at, section.end))
  return <>{out}</>
}

/** The text of [start, end) cut at every mark boundary; each piece styled by the marks over it. */
function segments(
  text: string,
  start: number,
  end: number,
  marks: readonly Mark[],
): ComponentChildren[] {
  const inside = marks.filter((m) => m.start < end && m.end > start)
  const cuts = new Set<number>([start, end])
  for (const m of inside) {
    cuts.add(Math.max(start, m.start))
    cuts.add(Math.min(end, m.end))
  }
  const points = [...cuts].sort((a, b) => a - b)
  const out: ComponentChildren[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as number
    const b = points[i + 1] as number
    const piece = text.slice(a, b)
    const over = inside.filter((m) => m.start <= a && m.end >= b)
    if (over.length === 0) {
      out.push(piece)
      continue
    }
    const classes = [...new Set(over.map((m) => m.kind))].join(' ')
    const title = over.map((m) => m.title).join('; ')
    const entity = over.find((m) => m.kind === 'ent')
    out.push(
      entity?.entityKey === undefined ? (
        <span key={a} class={classes} title={title}>
          {piece}
        </span>
      ) : (
        <a key={a} class={classes} title={title} href={href.entity(entity.entityKey)}>
          {piece}
        </a>
      ),
    )
  }
  return out
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
