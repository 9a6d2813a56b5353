import fs from 'node:fs'
import type { Command } from 'commander'
import { readConfig } from '../../platform/config.js'
import { newId } from '../../platform/ids.js'
import { secretKeyFrom } from '../../areas/channels/index.js'
import { addChannelPartner } from '../../flows/add-channel-partner.js'
import { channelReport, settleChannelDay } from '../../flows/channel-reconcile.js'
import { action, output, UnreadableInputError } from '../run-command.js'
import { parseWhole, withDatabase, withFlags } from './contributions-cli.js'

interface AddOptions {
  name: string
  code: string
  publicKey: string
  fee?: string
  encoding?: string
  json?: boolean
}

interface SettleOptions {
  partner: string
  date: string
  bank: string
  json?: boolean
}

interface ReportOptions {
  partner: string
  date: string
  out?: string
  json?: boolean
}

const FLAGS = { name: '--name', code: '--code', publicKey: '--public-key', feeIdr: '--fee', signatureEncoding: '--encoding', partner: '--partner', date: '--date' }

/**
 * `semesta partner add`: onboards a channel partner of the SNAP API (issue 6 item 1) and prints its credentials
 * once; `semesta partner report`: Semesta's daily CSV for a partner and WIB day (channel-api.md §11).
 */
export function register(program: Command): void {
  const partner = program.command('partner').description('Mitra kanal pembayaran (SNAP BI): Pos, BRILink, BNI 46, Indomaret, Alfamart, bank')
  partner
    .command('add')
    .description('Add a channel partner; prints partnerId, partnerServiceId, clientKey and the client secret (shown once)')
    .requiredOption('--name <name>', 'e.g. "PT Pos Indonesia"')
    .requiredOption('--code <code>', 'POS | BRILINK | BNI46 | INDOMARET | ALFAMART | BANK')
    .requiredOption('--public-key <file>', "the partner's RSA public key (PEM, ≥ 2048 bits) that verifies its token calls")
    .option('--fee <idr>', 'fee per payment in rupiah, netted at settlement (never billed to the worker)', '0')
    .option('--encoding <base64|hex>', 'signature encoding agreed with the partner', 'base64')
    .option('--json', 'print JSON')
    .action(
      action(async (options: AddOptions) => {
        let pem: string
        try {
          pem = fs.readFileSync(options.publicKey, 'utf8')
        } catch {
          throw new UnreadableInputError(`Berkas kunci publik ${options.publicKey} tidak dapat dibaca.`)
        }
        const config = readConfig()
        const added = await withDatabase((sql) =>
          addChannelPartner(
            sql,
            { name: options.name, code: options.code, publicKeyPem: pem, feeIdr: parseWhole(options.fee ?? '0', '--fee'), signatureEncoding: options.encoding, actor: null, requestId: null },
            secretKeyFrom(config), new Date(), { newId: () => newId() },
          ).catch(withFlags(FLAGS)),
        )
        output(added, options.json ?? false, () =>
          [
            `Mitra dibuat: ${options.code} "${options.name}"`,
            `  partnerId (X-PARTNER-ID): ${added.partnerId}`,
            `  partnerServiceId:         "${added.partnerServiceId}"`,
            `  clientKey (X-CLIENT-KEY): ${added.clientKey}`,
            `  clientSecret:             ${added.clientSecret}   (ditampilkan sekali ini saja)`,
            `  encoding tanda tangan:    ${added.signatureEncoding}; biaya per transaksi Rp${added.feeIdr}; sumber ${added.sourceId}`,
          ].join('\n'))
      }),
    )
  partner
    .command('report')
    .description("Semesta's daily report for a partner and WIB day: CSV with a trailer, its SHA-256, the fees netted")
    .requiredOption('--partner <id>', 'partnerId')
    .requiredOption('--date <YYYY-MM-DD>', 'the WIB business day')
    .option('--out <file>', 'write the CSV here (default: print it)')
    .option('--json', 'print JSON (the CSV as a string)')
    .action(
      action(async (options: ReportOptions) => {
        const report = await withDatabase((sql) => channelReport(sql, options.partner, options.date).catch(withFlags(FLAGS)))
        if (options.out) fs.writeFileSync(options.out, report.csv)
        if (options.json) output(options.out ? { ...report, csv: undefined, lines: undefined, file: options.out } : { ...report, lines: undefined }, true)
        else process.stdout.write(options.out ? `${options.out}: ${report.records} baris, sha256 ${report.sha256}\n` : report.csv)
      }),
    )
  partner
    .command('settle')
    .description('Book what a partner settled for a WIB day: gross less its fee into the bank, the fee as partner_fee (once a day)')
    .requiredOption('--partner <id>', 'partnerId')
    .requiredOption('--date <YYYY-MM-DD>', 'the WIB business day')
    .requiredOption('--bank <code>', 'the BPJS bank account the partner paid into, e.g. bni-denpasar')
    .option('--json', 'print JSON')
    .action(
      action(async (options: SettleOptions) => {
        const settled = await withDatabase((sql) =>
          settleChannelDay(sql, { partnerId: options.partner, date: options.date, bankCode: options.bank, requestId: null }, new Date(), { newId: () => newId() }).catch(withFlags(FLAGS)))
        output(settled, options.json ?? false, () =>
          `${options.date}${settled.replayed ? ' (sudah tercatat)' : ''}: bruto Rp${settled.grossIdr} − biaya mitra Rp${settled.feeIdr} = neto Rp${settled.netIdr} ke ${options.bank}`)
      }),
    )
}
