import { describe, expect, it } from 'vitest'
import { cleanName, nameKey, namesClearlyDiffer } from './names.js'

describe('cleanName and nameKey', () => {
  it('cleanName trims and collapses spaces, keeping the spelling', () => {
    expect(cleanName('  Ni  Luh\tPutu   Ayu ')).toBe('Ni Luh Putu Ayu')
    expect(cleanName('Yosias Wenda')).toBe('Yosias Wenda')
  })

  it.each([
    ['Ni Luh Putu Ayu, S.Pd.', 'NI LUH PUTU AYU SPD'],
    ["Ma'ruf Amin", 'MARUF AMIN'],
    ['I.G.N. Rai', 'IGN RAI'],
    ['José  da Costa', 'JOSE DA COSTA'],
    ['Basik-Basik', 'BASIK BASIK'],
    ['  h. lalu  ahmad ', 'H LALU AHMAD'],
  ])('nameKey(%j) = %j', (input, key) => {
    expect(nameKey(input)).toBe(key)
  })
})

describe('namesClearlyDiffer: one person, written two ways (tolerated)', () => {
  it.each([
    // Bali: birth order, caste and rank words, their abbreviations, degrees
    ['I Made Sudarsana', 'MADE SUDARSANA'],
    ['I Made Sudarsana', 'Sudarsana'],
    ['Ni Luh Putu Ayu Lestari', 'NI PUTU AYU LESTARI, S.Pd.'],
    ['I Gusti Ngurah Rai Sudiana', 'I Gst. Ngr. Rai Sudiana'],
    ['I Gusti Ngurah Rai Sudiana', 'IGN Rai Sudiana'],
    ['Ida Bagus Made Oka', 'IB Md Oka'],
    ['Anak Agung Gede Putra', 'A.A. Gede Putra'],
    ['Ni Wayan Sri Wahyuni', 'Ni Wayan Sri Wahyini'],
    ['Jero Mangku Ketut Sudira', 'Mangku Ketut Sudira'],
    // Lombok (Sasak) and Sumbawa/Bima: nobility and Islamic titles, Muhammad's spellings, typos
    ['Lalu Muhammad Zaini', 'L. Muh. Zaini'],
    ['Baiq Nurul Hidayati', 'Nurul Hidayati, S.Pd'],
    ['H. Lalu Ahmad Fauzi', 'Lalu Ahmad Fauzi'],
    ['Hj. Siti Aminah', 'Siti Aminah'],
    ['TGH. Muhammad Zainul Majdi', 'Muhammad Zainul Majdi'],
    ['Muhammad Syamsuddin', 'M. Syamsudin'],
    ['Nursaidah', 'Nur Saidah'],
    ['Ahmad bin Ismail', 'Ahmad Ismail'],
    // NTT: baptismal names, missing middle names, short forms, Sumba nobility
    ['Yohanes Fanggidae', 'Yohanis Fanggidae'],
    ['Maria Goreti Seran', 'Maria Seran'],
    ['Fransiskus Xaverius Nahak', 'Frans X. Nahak'],
    ['Marthen Luther Ndun', 'Marten Luther Ndun'],
    ['Umbu Rara Meha', 'Rara Meha'],
    ['Rambu Anna Amahu', 'Anna Amahu'],
    // Papua: clan names, degrees, word order, small typos
    ['Yosias Wenda', 'YOSIAS WENDA, S.Sos'],
    ['Agustina Kogoya', 'Agustina Kogoya Murib'],
    ['Bernardus Gebze', 'Bernadus Gebze'],
    ['Wenda Yosias', 'Yosias Wenda'],
    ['Naftali Ayamiseba', 'Naftali Ayamisebah'],
  ])('%j ≈ %j', (a, b) => {
    expect(namesClearlyDiffer(a, b)).toBe(false)
    expect(namesClearlyDiffer(b, a)).toBe(false)
  })
})

describe('namesClearlyDiffer: two people (nik_identity_mismatch)', () => {
  it.each([
    ['Ni Luh Putu Ayu Lestari', 'Ni Kadek Dewi Anggreni'],
    ['I Made Sudarsana', 'I Made Wirawan'],
    ['Baiq Nurul Hidayati', 'Baiq Siti Aisyah'],
    ['Lalu Muhammad Zaini', 'Lalu Ahmad Fauzi'],
    ['Yohanes Fanggidae', 'Yakobus Fanggidae'],
    ['Maria Goreti Seran', 'Maria Bria'],
    ['Yosias Wenda', 'Markus Wenda'],
    ['Agustina Kogoya', 'Yuliana Tabuni'],
    ['Syamsuddin', 'Nurhayati'],
    ['I Made', 'I Made Sudarsana'],
  ])('%j ≠ %j', (a, b) => {
    expect(namesClearlyDiffer(a, b)).toBe(true)
    expect(namesClearlyDiffer(b, a)).toBe(true)
  })

  it('an empty name differs from any name', () => {
    expect(namesClearlyDiffer('', 'Yosias Wenda')).toBe(true)
    expect(namesClearlyDiffer('...', 'Yosias Wenda')).toBe(true)
  })
})
