/**
 * Writes N small fictional news documents into a folder: enough distinct content to ingest for a
 * while (the SIGKILL test) without any text from real articles. Deterministic for a given N.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const CITIES = [
  'Velmora',
  'Ostrava Nova',
  'Kereth',
  'Lindqvist Harbour',
  'Tamsin Ford',
  'Brevik Hollow',
]
const GROUPS = [
  'the Black Heron Front',
  'the Northern Dawn Brigade',
  'the Ashen Circle',
  'the River Guard Movement',
]
const OFFICIALS = [
  'Interior Minister Dana Kolvar',
  'Police Chief Arno Weiss',
  'Mayor Ilse Brandt',
  'Governor Tomas Reyk',
]
const VENUES = [
  'the central market',
  'a railway station',
  'the municipal theatre',
  'a football stadium',
  'a shopping arcade',
]

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T
}

/** The text of document `i`. */
export function syntheticDocument(i: number): string {
  const city = pick(CITIES, i)
  const group = pick(GROUPS, i * 7 + 1)
  const official = pick(OFFICIALS, i * 3 + 2)
  const venue = pick(VENUES, i * 5 + 3)
  const killed = 3 + ((i * 37) % 90)
  const injured = killed * 2 + (i % 11)
  const arrested = 1 + (i % 9)
  return [
    `Explosion at ${venue} in ${city} kills ${killed} (report ${i})`,
    '',
    `By Staff Reporter ${i}`,
    '',
    `At least ${killed} people were killed and ${injured} injured when a bomb exploded at ${venue} in ${city} on Saturday, officials said.`,
    '',
    `"We will find those responsible," ${official} told reporters outside the hospital. ${official.split(' ').pop()} said ${arrested} suspects had been detained overnight.`,
    '',
    `${group[0]?.toUpperCase()}${group.slice(1)} claimed responsibility in a statement posted online, but the government accused a neighbouring state of backing the attack without providing evidence.`,
    '',
    `Witnesses described scenes of panic as smoke filled the building. Emergency services said ${Math.max(1, injured - 5)} people remained in hospital on Sunday, report number ${i}.`,
    '',
  ].join('\n')
}

/** Write `count` documents as `doc-0000.txt` … into `dir`; returns the file paths. */
export function writeSyntheticCorpus(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true })
  const paths: string[] = []
  for (let i = 0; i < count; i++) {
    const path = join(dir, `doc-${String(i).padStart(4, '0')}.txt`)
    writeFileSync(path, syntheticDocument(i))
    paths.push(path)
  }
  return paths
}
