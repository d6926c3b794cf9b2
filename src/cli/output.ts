/** Write to stdout, waiting for the drain when the pipe is full (large outputs into `head`, files). */
export function writeOut(chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = process.stdout.write(chunk, (error) => {
      if (error) reject(error)
    })
    if (ok) resolve()
    else process.stdout.once('drain', () => resolve())
  })
}
