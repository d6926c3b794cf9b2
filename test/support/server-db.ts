/** A fresh database on the PostgreSQL server for one test file, dropped afterwards. */
import pg from 'pg'

export const SERVER_URL =
  process.env['CLAIMGRAPH_TEST_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432/test'

export async function createServerDatabase(
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Math.floor(Math.random() * 1e9)}`
  const admin = new pg.Client({ connectionString: SERVER_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(SERVER_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}
