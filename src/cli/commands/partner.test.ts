import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../platform/db/index.js'
import { closeOwnedDataDir, openOwnedDataDir, runCliInProcess as run } from '../../../test/cli.js'
import { trialBalance } from '../../areas/ledger/index.js'
import { registerBpu } from '../../flows/contributions.test-support.js'
import { readConfig } from '../../platform/config.js'
import { testContext } from '../../platform/http/test-context.js'
import { createServer } from '../../server.js'
import { injectedClient, partnerKeys } from '../../flows/channel.test-support.js'
import type { AddedChannelPartner } from '../../flows/add-channel-partner.js'

describe('semesta partner add / partner report / reconcile (issue 6 through the CLI)', () => {
  let dataDir: string
  let owner: Database
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    ;({ dataDir, owner, env } = await openOwnedDataDir('semesta-partner-cli-'))
  }, 120_000)
  afterAll(() => closeOwnedDataDir({ dataDir, owner }))

  it('adds a partner (its secret shown once, sealed at rest), a payment goes through the reference client, the report and the reconciliation read it', async () => {
    const keyFile = path.join(dataDir, 'pos.pem')
    fs.writeFileSync(keyFile, partnerKeys().publicKey)
    const added = await run(['partner', 'add', '--name', 'PT Pos Indonesia', '--code', 'POS', '--public-key', keyFile, '--fee', '2500', '--json'], env)
    expect(added.stderr).toBe('')
    const partner = JSON.parse(added.stdout) as AddedChannelPartner
    expect(partner).toMatchObject({ partnerServiceId: expect.stringMatching(/^ {3}\d{5}$/), signatureEncoding: 'base64', feeIdr: 2500 })
    const stored = await owner.sql.query<{ sealed: string }>('select secret_sealed as sealed from channel_partners where id = $1', [partner.partnerId])
    expect(stored.rows[0]!.sealed).not.toContain(partner.clientSecret)

    const secretKey = fs.readFileSync(path.join(dataDir, 'secret.key'), 'utf8').trim()
    const app = await createServer(testContext({ sql: owner.sql, now: () => new Date(), config: { ...readConfig({ NODE_ENV: 'test' }), secretKey } }))
    try {
      const client = injectedClient(app, partner, () => new Date())
      expect((await client.token()).body.responseCode).toBe('2007300')
      const p = await registerBpu(owner.sql)
      const inquiry = await client.inquiry({ customerNo: p.kpj, inquiryRequestId: 'CLI-PAY-1' })
      expect((await client.payFromInquiry(inquiry.body)).body.responseCode).toBe('2002500')
    } finally {
      await app.close()
    }
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)
    const report = await run(['partner', 'report', '--partner', partner.partnerId, '--date', today], env)
    expect(report.stdout.trim().split('\n').at(-1)).toMatch(/^TRAILER,1,\d+\.00$/)

    const file = path.join(dataDir, 'settlement.csv')
    fs.writeFileSync(file, 'trxDateTime,paymentRequestId,customerNo,amount\n2026-01-01T10:00:00+07:00,NOT-OURS,12345678901,16800.00\n')
    const reconciled = await run(['reconcile', '--partner', partner.partnerId, '--date', today, '--file', file, '--json'], env)
    expect(reconciled.code).toBe(0)
    expect(JSON.parse(reconciled.stdout)).toMatchObject({
      matched: 0, onlyAtPartner: [{ paymentRequestId: 'NOT-OURS', line: 2 }], onlyAtSemesta: [{ paymentRequestId: 'CLI-PAY-1' }], amountDiffers: [],
    })
    const settled = await run(['partner', 'settle', '--partner', partner.partnerId, '--date', today, '--bank', 'bni-denpasar', '--json'], env)
    expect(JSON.parse(settled.stdout)).toMatchObject({ feeIdr: 2500, replayed: false })
    const badCode = await run(['partner', 'add', '--name', 'X', '--code', 'WARUNG', '--public-key', keyFile], env)
    expect(badCode.code).toBe(1)
    expect(badCode.stderr).toContain('(--code)')
    expect((await trialBalance(owner.sql)).balanced).toBe(true)
  }, 180_000)
})
