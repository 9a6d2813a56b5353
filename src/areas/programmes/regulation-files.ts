/** Reads regulations/*.yaml and reference/holidays.yaml from disk (Node only; the domain stays pure). */
import { readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { parseHolidayCalendar, type HolidayCalendar } from './domain/holidays.js'
import { parseRegulationSet, type RegulationSet } from './domain/regulation-set.js'

/** The repository root, found from this file's location so the CLI works from any working directory. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const DEFAULT_REGULATIONS_DIR = join(ROOT, 'regulations')
export const DEFAULT_HOLIDAYS_FILE = join(ROOT, 'reference', 'holidays.yaml')

/** Parsed YAML of every `*.yaml` directly in `dir`, keyed by basename (`pu`, `bpu`, ...). */
export function readRegulationFiles(dir: string = DEFAULT_REGULATIONS_DIR): Record<string, unknown> {
  const files: Record<string, unknown> = {}
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    files[basename(name, '.yaml')] = parse(readFileSync(join(dir, name), 'utf8'))
  }
  return files
}

const regulationCache = new Map<string, RegulationSet>()
const holidayCache = new Map<string, HolidayCalendar>()

/** Sync and cached: parse and check once per process. */
export function loadRegulationSet(dir: string = DEFAULT_REGULATIONS_DIR): RegulationSet {
  const key = resolve(dir)
  let set = regulationCache.get(key)
  if (!set) {
    set = parseRegulationSet(readRegulationFiles(key))
    regulationCache.set(key, set)
  }
  return set
}

export function loadHolidayCalendar(file: string = DEFAULT_HOLIDAYS_FILE): HolidayCalendar {
  const key = resolve(file)
  let cal = holidayCache.get(key)
  if (!cal) {
    cal = parseHolidayCalendar(parse(readFileSync(key, 'utf8')))
    holidayCache.set(key, cal)
  }
  return cal
}
