import { useState } from 'preact/hooks'
import { api, type IngestResult } from '../api.js'
import { href } from '../router.js'

const TOKEN_KEY = 'claimgraph.token'

export function IngestView() {
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<IngestResult | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '')

  const run = async (body: FormData | object) => {
    setBusy(true)
    setFailure(null)
    setResult(null)
    try {
      setResult(await api.ingest(body, token))
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
    } finally {
      setBusy(false)
    }
  }
  const onFiles = (event: Event) => {
    event.preventDefault()
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('files')
    const files = input instanceof HTMLInputElement ? input.files : null
    if (files === null || files.length === 0) return setFailure('Choose one or more files first.')
    const form = new FormData()
    for (const file of files) form.append('files', file, file.name)
    void run(form)
  }
  const onText = (event: Event) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const title = String(form.get('title') ?? '').trim()
    void run({ text: String(form.get('text') ?? ''), ...(title === '' ? {} : { title }) })
  }
  const onUrls = (event: Event) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const urls = String(form.get('urls') ?? '')
      .split(/\s+/)
      .filter((u) => u !== '')
    void run({ urls })
  }
  return (
    <section class="ingest">
      <h1>Ingest</h1>
      <div class="panes">
        <form onSubmit={onFiles} data-testid="upload-form">
          <h2>Upload files</h2>
          <p class="muted">Text, HTML, Markdown, JSON/JSONL, RSS/Atom; up to 25 MB in all.</p>
          <input type="file" name="files" multiple />
          <button type="submit" disabled={busy}>
            Upload
          </button>
        </form>
        <form onSubmit={onText} data-testid="paste-form">
          <h2>Paste text</h2>
          <input name="title" placeholder="Title (optional)" />
          <textarea name="text" rows={6} placeholder="Paste an article, a post or a page's HTML" />
          <button type="submit" disabled={busy}>
            Ingest text
          </button>
        </form>
        <form onSubmit={onUrls} data-testid="url-form">
          <h2>URLs or feeds</h2>
          <textarea name="urls" rows={4} placeholder="https://… one per line" />
          <button type="submit" disabled={busy}>
            Fetch and ingest
          </button>
        </form>
      </div>
      <details>
        <summary>Write token</summary>
        <label>
          Token (needed when the server was started with one){' '}
          <input
            type="password"
            value={token}
            onInput={(e) => {
              const value = (e.currentTarget as HTMLInputElement).value
              setToken(value)
              sessionStorage.setItem(TOKEN_KEY, value)
            }}
          />
        </label>
      </details>
      {busy && (
        <p class="progress" role="status">
          Ingesting… (reading, analyzing and storing each document)
        </p>
      )}
      {failure !== null && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      {result !== null && (
        <div data-testid="ingest-result">
          <p class="summary">
            {result.added} added · {result.updated} updated · {result.unchanged} unchanged ·{' '}
            {result.failed} failed — <a href={href.stories()}>see the stories</a>
          </p>
          <ul class="results">
            {result.results.map((r, i) => (
              <li key={i} class={r.ok ? 'ok' : 'failed'}>
                <strong>{r.input}</strong>:{' '}
                {r.documents.map((d, j) => (
                  <span key={d.id}>
                    {j > 0 ? ', ' : ''}
                    <a href={href.doc(d.id)}>{d.title ?? d.id.slice(0, 8)}</a> ({d.status})
                  </span>
                ))}
                {r.errors.map((e, j) => (
                  <div key={j} class="error-line">
                    {e.code}: {e.message}
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
