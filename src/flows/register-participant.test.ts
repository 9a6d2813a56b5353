import { expect, it } from 'vitest'
import { describeDb } from '../../test/db.js'
import { isDomainError } from '../kernel/errors.js'
import { newId } from '../platform/ids.js'
import { isSemestaKpj, listEnrolments, listEvents, listIdentityReviews } from '../areas/participants/index.js'
import { broughtKpj, makeSource, testPerson } from '../areas/participants/testing/factories.js'
import { registerParticipant, tryRegisterParticipant, type RegisterParticipantCommand } from './register-participant.js'

const now = new Date('2025-03-14T02:00:00Z')
const ids = { newId: () => newId() }

function command(row: Record<string, string>, sourceId: string, extra: Partial<RegisterParticipantCommand> = {}): RegisterParticipantCommand {
  return { row, sourceId, consent: { purpose: 'kepesertaan BPJS Ketenagakerjaan' }, actor: null, requestId: 'req-test', ...extra }
}

describeDb('registering a participant', (ctx) => {
  it('stores a BPU worker as terdaftar with an issued KPJ, one enrolment at its income base, two events and one audit event', async () => {
    const sourceId = await makeSource(ctx.sql, 'agent')
    const person = testPerson()
    const outcome = await registerParticipant(ctx.sql, command(person.row, sourceId), now, ids)
    expect(outcome.kind).toBe('registered')
    if (outcome.kind !== 'registered') return
    const p = outcome.participant
    expect(p).toMatchObject({ nik: person.nik, status: 'terdaftar', kpjOrigin: 'issued', phone: '+6281234567890', regencyCode: '51.71', registeredOn: '2025-03-14', nameKey: 'I WAYAN SUDARMA' })
    expect(isSemestaKpj(p.kpj)).toBe(true)
    expect(outcome.enrolment).toMatchObject({ segment: 'bpu', programmes: ['JKK', 'JKM'], declaredIncomeIdr: 2_000_000, incomeBaseIdr: 2_000_000, payer: 'self', sector: 'other', startMonth: null, sourceId })
    expect((await listEvents(ctx.sql, p.id)).map((e) => e.kind)).toEqual(['registered', 'enrolled'])
    const { rows } = await ctx.sql.query<{ n: number }>(`select count(*) as n from audit_events where subject_id = $1 and action = 'participant.register'`, [p.id])
    expect(rows[0]!.n).toBe(1)
  })

  it('keeps a KPJ the member brings, and refuses one that another NIK already holds (field kpj)', async () => {
    const sourceId = await makeSource(ctx.sql)
    const kpj = broughtKpj(1)
    const first = await registerParticipant(ctx.sql, command({ ...testPerson().row, kpj }, sourceId), now, ids)
    expect(first.participant).toMatchObject({ kpj, kpjOrigin: 'brought' })
    const other = testPerson({ name: 'Ni Made Ayu', sex: 'P' })
    const refused = await registerParticipant(ctx.sql, command({ ...other.row, kpj }, sourceId), now, ids).catch((e: unknown) => e)
    expect(isDomainError(refused) && refused.code === 'conflict' && refused.field === 'kpj').toBe(true)
  })

  it('answers the same identity again with the existing participant (alreadyRegistered), without a second enrolment', async () => {
    const sourceId = await makeSource(ctx.sql)
    const person = testPerson({ name: 'I Gusti Ngurah Made Oka' })
    const first = await registerParticipant(ctx.sql, command(person.row, sourceId), now, ids)
    const again = await registerParticipant(ctx.sql, command({ ...person.row, nama: 'Made Oka' }, sourceId), now, ids)
    expect(again).toMatchObject({ kind: 'already_registered', alreadyRegistered: true })
    expect(again.participant.id).toBe(first.participant.id)
    expect(await listEnrolments(ctx.sql, first.participant.id)).toHaveLength(1)
  })

  it('leaves exactly one participant after 20 concurrent registrations of one NIK', async () => {
    const sourceId = await makeSource(ctx.sql)
    const person = testPerson()
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => registerParticipant(ctx.sql, command(person.row, sourceId), now, ids)))
    expect(outcomes.filter((o) => o.kind === 'registered')).toHaveLength(1)
    expect(new Set(outcomes.map((o) => o.participant.id)).size).toBe(1)
    const { rows } = await ctx.sql.query<{ people: number; enrolments: number }>(
      `select (select count(*) from participants where nik = $1) as people,
              (select count(*) from enrolments e join participants p on p.id = e.participant_id where p.nik = $1) as enrolments`,
      [person.nik],
    )
    expect(rows[0]).toEqual({ people: 1, enrolments: 1 })
  })

  it('refuses the NIK with another birth date (the other century of its digits) as nik_identity_mismatch, kept for review', async () => {
    const sourceId = await makeSource(ctx.sql)
    const person = testPerson({ birthDate: '2005-03-01' })
    const first = await registerParticipant(ctx.sql, command(person.row, sourceId), now, ids)
    const claim = { ...person.row, tanggal_lahir: '1905-03-01', kategori: 'pmi' }
    const refused = await registerParticipant(ctx.sql, command(claim, sourceId), now, ids).catch((e: unknown) => e)
    expect(isDomainError(refused) && [refused.code, refused.field]).toEqual(['nik_identity_mismatch', 'nik'])
    const wrongDigits = await registerParticipant(ctx.sql, command({ ...person.row, tanggal_lahir: '2005-03-02' }, sourceId), now, ids).catch((e: unknown) => e)
    expect(isDomainError(wrongDigits) && [wrongDigits.code, wrongDigits.field]).toEqual(['birth_date_mismatch', 'tanggal_lahir'])
    const otherName = await registerParticipant(ctx.sql, command({ ...person.row, nama: 'Yohanes Lado' }, sourceId), now, ids).catch((e: unknown) => e)
    expect(isDomainError(otherName) && otherName.code).toBe('nik_identity_mismatch')
    const reviews = await listIdentityReviews(ctx.sql, first.participant.id)
    expect(reviews.map((r) => [r.reason, r.claimedBirthDate, r.status])).toEqual([['birth_date', '1905-03-01', 'open'], ['name', '2005-03-01', 'open']])
    const { rows } = await ctx.sql.query<{ n: number }>(`select count(*) as n from participants where nik = $1`, [person.nik])
    expect(rows[0]!.n).toBe(1)
  })

  it('returns the mismatch as a value inside a caller transaction, so the review row commits with it', async () => {
    const sourceId = await makeSource(ctx.sql)
    const person = testPerson({ birthDate: '1985-01-02' })
    const first = await registerParticipant(ctx.sql, command(person.row, sourceId), now, ids)
    const outcome = await ctx.sql.transaction((tx) => tryRegisterParticipant(tx, command({ ...person.row, nama: 'Abdul Karim', tanggal_lahir: '2085-01-02' }, sourceId), now, ids).catch((e: unknown) => e))
    expect(isDomainError(outcome)).toBe(true) // a birth date in the future is refused before anything is written
    const mismatch = await ctx.sql.transaction((tx) => tryRegisterParticipant(tx, command({ ...person.row, nama: 'Abdul Karim' }, sourceId), now, ids))
    expect(mismatch.kind).toBe('identity_mismatch')
    expect(await listIdentityReviews(ctx.sql, first.participant.id)).toHaveLength(1)
  })

  it('enrols a wage earner with the wage and the employer of its NPP, and refuses an NPP nobody registered', async () => {
    const sourceId = await makeSource(ctx.sql, 'employer')
    const employerId = newId()
    await ctx.sql.query(
      `insert into employers (id, npp, name, regency_code, scale, risk_group, source_id, created_at, updated_at) values ($1, 'NPP51710001', 'PT Uji', '51.71', 'small', 1, $2, $3, $3)`,
      [employerId, sourceId, now],
    )
    const worker = { ...testPerson().row, kategori: 'pu', penghasilan: '3500000', program: 'JKK+JKM+JHT', npp: 'NPP51710001' }
    const outcome = await registerParticipant(ctx.sql, command(worker, sourceId), now, ids)
    expect(outcome.enrolment).toMatchObject({ segment: 'pu', wageIdr: 3_500_000, declaredIncomeIdr: null, incomeBaseIdr: null, employerId, payer: 'employer', startMonth: '2025-03' })
    const unknown = await registerParticipant(ctx.sql, command({ ...testPerson().row, kategori: 'pu', penghasilan: '3500000', npp: 'NPP99' }, sourceId), now, ids).catch((e: unknown) => e)
    expect(isDomainError(unknown) && [unknown.code, unknown.field]).toEqual(['unknown_code', 'npp'])
  })

  it('refuses an unknown source and stores nothing (checked in code: enrolments carry no foreign key to sources)', async () => {
    const person = testPerson()
    const refused = await registerParticipant(ctx.sql, command(person.row, newId()), now, ids).catch((e: unknown) => e)
    expect(isDomainError(refused) && [refused.code, refused.field]).toEqual(['unknown_code', 'sourceId'])
    const { rows } = await ctx.sql.query<{ n: number }>('select count(*)::int as n from participants where nik = $1', [person.row.nik])
    expect(rows[0]!.n).toBe(0)
  })

  it('requires consent and a purpose (UU PDP)', async () => {
    const sourceId = await makeSource(ctx.sql)
    const refused = await registerParticipant(ctx.sql, { ...command(testPerson().row, sourceId), consent: { purpose: ' ' } }, now, ids).catch((e: unknown) => e)
    expect(isDomainError(refused) && refused.field).toBe('consent')
  })
}, { referenceData: true })
