import { expect, it } from 'vitest'
import { shot, signedIn, type JourneyEnv } from '../journey-env.js'

/** The staff benefits calculator, the admin's audit trail, and what other roles' menus leave out. */
export function toolJourneys(env: () => JourneyEnv): void {
  it('shows the JKM Rp42 juta with the scholarship for two children, and the JKK death benefit from the wage', async () => {
    const { context, page } = await signedIn(env(), 'cabang')
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Kalkulator manfaat' }).click()
    await page.getByLabel('Masa iur (bulan)').fill('60')
    await page.getByLabel('Anak ke-2').selectOption('sma')
    const total = page.getByTestId('benefit-total')
    await expect.poll(() => total.textContent()).toBe('Rp42.000.000')
    // the total is Rp42 juta with or without the second child, so wait for the scholarship line itself
    await expect.poll(() => page.getByTestId('scholarship').textContent()).toContain('Anak ke-2 (SMA/SMK)')
    await shot(page, 'benefits-jkm')
    await page.getByRole('tab', { name: 'Meninggal karena kecelakaan kerja (JKK)' }).click()
    await page.getByLabel('Upah atau penghasilan sebulan (Rp)').fill('4.000.000')
    await expect.poll(() => total.textContent()).toBe('Rp214.000.000')
    await context.close()
  })

  it('lets the admin read the audit trail, filtered by subject (the users made at start), with WITA times and no personal data', async () => {
    const { context, page } = await signedIn(env(), 'admin')
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Jejak audit' }).click()
    const table = page.getByTestId('audit-events')
    await table.waitFor()
    await page.getByLabel('Jenis subjek').fill('user')
    await page.getByRole('button', { name: 'Saring' }).click()
    await expect.poll(() => table.textContent()).toContain('user.create')
    const text = (await table.textContent()) ?? ''
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2} WITA/)
    expect(text).not.toMatch(/\d{16}/)
    expect(text).not.toContain('Ni Luh Putu Sari')
    await shot(page, 'audit-log', false)
    await context.close()
  })

  it('keeps the audit trail and the registration page off the menus of roles that may not use them', async () => {
    const { context, page } = await signedIn(env(), 'cabang')
    const menu = page.getByRole('navigation', { name: 'Menu' })
    expect(await menu.getByRole('link', { name: 'Jejak audit' }).count()).toBe(0)
    await page.goto('/audit')
    await page.getByRole('heading', { name: 'Akses ditolak' }).waitFor()
    await context.close()
  })
}
