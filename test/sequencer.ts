import path from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * The files that take a minute or more, started first so the run does not end waiting on one of them (on a fresh
 * clone Vitest has no timings yet and would start the largest files first). Longest first; measured on 2 cores.
 */
export const SLOW_FILES = [
  'src/cli/commands/import.test.ts', // the 100,000-row import, killed and resumed, on both engines
  'test/browser/journeys.test.ts',
  'src/flows/pemda-denpasar.test.ts', // Kota Denpasar's 10,717 workers on both engines
  'test/browser/agen-pwa.test.ts',
  'src/flows/coverage-rollups.property.test.ts',
  'src/cli/commands/start.test.ts',
  'src/platform/db/open-database.test.ts',
  'src/cli/commands/migrate.test.ts',
]

/** Vitest's own order (failed first, then longest by the last run's timings, else largest), the slow files ahead. */
export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (file: TestSpecification): number => {
      const i = SLOW_FILES.indexOf(path.relative(process.cwd(), file.moduleId).split(path.sep).join('/'))
      return i === -1 ? SLOW_FILES.length : i
    }
    return sorted.map((file, i) => ({ file, i })).sort((a, b) => rank(a.file) - rank(b.file) || a.i - b.i).map(({ file }) => file)
  }
}
