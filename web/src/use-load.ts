// `useLoad(fn, deps)`: the state of one API call (loading, error, data), re-run when deps change.
import { useEffect, useState } from 'preact/hooks'

export type Load<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly message: string }
  | { readonly state: 'ok'; readonly data: T }

export function useLoad<T>(fn: () => Promise<T>, deps: readonly unknown[]): Load<T> {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' })
  useEffect(() => {
    let live = true
    setLoad({ state: 'loading' })
    fn().then(
      (data) => live && setLoad({ state: 'ok', data }),
      (error: unknown) =>
        live &&
        setLoad({
          state: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    )
    return () => {
      live = false
    }
  }, deps)
  return load
}
