import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertTestParticipant } from '../../areas/employers/testing/fixtures.js'
import type { Database } from '../../platform/db/index.js'
import { closeOwnedDataDir, openOwnedDataDir, runCliInProcess as run } from '../../../test/cli.js'

/** `semesta employer add` and `semesta employer wages` as a clerk runs them, beside a process that owns the embedded folder. */
describe('semesta employer', () => {
  let dataDir: string
  let owner: Database
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    ;({ dataDir, owner, env } = await openOwnedDataDir('semesta-employer-cli-'))
  })

  afterAll(() => closeOwnedDataDir({ dataDir, owner }))

  it('adds an employer (JSON with its source and mandatory programmes), refuses a taken NPP naming --npp', async () => {
    const added = await run(['employer', 'add', '--npp', 'mtr-01', '--name', 'PT Mataram Niaga', '--region', '5271', '--scale', 'micro', '--risk-group', '2', '--json'], env)
    expect(added.stderr).toBe('')
    expect(added.code).toBe(0)
    expect(JSON.parse(added.stdout)).toEqual({ id: expect.any(String), npp: 'MTR01', sourceId: expect.any(String), mandatoryProgrammes: ['jkk', 'jkm'] })
    const taken = await run(['employer', 'add', '--npp', 'MTR01', '--name', 'PT Lain', '--region', '52.71', '--scale', 'small', '--risk-group', '1'], env)
    expect(taken.code).toBe(1)
    expect(taken.stderr).toContain('conflict (--npp)')
  })

  it('imports a wage report: exit 0 with the result when processed, 2 when the file cannot be read', async () => {
    const worker = await insertTestParticipant(owner.sql, { name: 'Lalu Gede', regencyCode: '52.71' })
    const file = path.join(dataDir, 'laporan.csv')
    fs.writeFileSync(file, `nik,nama,upah,bulan\n${worker.nik},Lalu Gede,"2.900.000",2026-01\n5271010101900999,Siapa,2900000,2026-01\n`)
    const imported = await run(['employer', 'wages', '--npp', 'MTR01', file, '--json'], env)
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.stdout)).toMatchObject({ read: 2, stored: 1, rejected: 1, errors: [{ row: 3, field: 'nik', code: 'not_found' }] })

    fs.writeFileSync(path.join(dataDir, 'rusak.csv'), 'nik,nama\n1,2\n')
    const unreadable = await run(['employer', 'wages', '--npp', 'MTR01', path.join(dataDir, 'rusak.csv'), '--json'], env)
    expect(unreadable.code).toBe(2)
    expect(unreadable.stderr).toMatch(/upah, bulan/)
    expect((await run(['employer', 'wages', '--npp', 'MTR01', path.join(dataDir, 'tidak-ada.csv')], env)).code).toBe(2)
  })
})
