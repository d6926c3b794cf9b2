import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { AppError } from '../errors.js'

/**
 * An exclusive lock on an embedded database directory, held as `<dir>.lock` containing the pid.
 * PGlite is single-process: two processes opening one data directory corrupt it (pglite#709), so
 * the second opener gets `DB_CONNECT` instead. A lock left by a killed process is taken over.
 */
export interface DirectoryLock {
  release(): void
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function holder(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10)
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

/** Takes the lock for `dir` or throws `DB_CONNECT` naming the process that holds it. */
export function lockDirectory(dir: string): DirectoryLock {
  const lockPath = `${dir}.lock`
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      let released = false
      return {
        release() {
          if (released) return
          released = true
          if (holder(lockPath) === process.pid) rmSync(lockPath, { force: true })
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new AppError('DB_CONNECT', `cannot create lock file ${lockPath}: ${String(error)}`, {
          subject: dir,
          cause: error,
        })
      }
      const pid = holder(lockPath)
      if (pid !== null && alive(pid)) {
        throw new AppError(
          'DB_CONNECT',
          `the database is open in another process (pid ${pid}); close it first, or remove ${lockPath} if that process is not claimgraph`,
          { subject: dir },
        )
      }
      // Stale (the holder died, or the file is empty from a crash between open and write).
      rmSync(lockPath, { force: true })
    }
  }
  throw new AppError('DB_CONNECT', `cannot take the lock ${lockPath}`, { subject: dir })
}
