import type { Sex } from './nik.js'
import type { Sfc32 } from './prng.js'

/**
 * Synthetic names for demo data, drawn from the naming customs of Banuspa's peoples. Every combination is
 * made up; the pools are common given names and clan/family names, not records of real people.
 */
export type Culture = 'bali' | 'sasak' | 'sumbawa' | 'ntt' | 'sumba' | 'papua' | 'migrant'

const words = (s: string): readonly string[] => Object.freeze(s.split(','))

const BALI = {
  orderMale: words('Wayan,Putu,Gede,Made,Kadek,Nyoman,Komang,Ketut'),
  orderFemale: words('Luh,Putu,Made,Kadek,Nyoman,Komang,Ketut'),
  rankMale: words('I Gusti Ngurah,I Gusti Bagus,Ida Bagus,Anak Agung Gede,Cokorda Gede,I Dewa Gede'),
  rankFemale: words('I Gusti Ayu,Ida Ayu,Anak Agung Ayu,Desak Made,Cokorda Istri'),
  male: words('Sudarsana,Wirawan,Suardana,Artawan,Mahendra,Sukarta,Budiarta,Adnyana,Suparta,Darmawan,Sutama,Arsana,Widiantara,Ariawan,Sudiarta,Astawa,Parwata,Suwirya,Mertayasa,Sukadana,Wiranata,Yasa,Sanjaya,Pastika'),
  female: words('Lestari,Sri Wahyuni,Ayu Lestari,Sukmawati,Ariani,Suartini,Wulandari,Anggreni,Widiastuti,Sudarmi,Kartini,Rusmini,Sriasih,Puspawati,Yuliantari,Darmayanti,Ratna Dewi,Suciani,Rai Sudiani,Indah Permatasari'),
}

const SASAK = {
  male: words('Muhammad Zaini,Ahmad Fauzi,Hairul Anwar,Zulkifli,Saleh,Ismail,Rusdi,Sahnan,Mahsun,Junaidi,Hamdi,Supardi,Lalu Marzuki,Abdul Hakim,Sirajudin,Mustiadi,Hasanuddin,Muhammad Ridwan,Satriadi,Zainul Majdi'),
  female: words('Nurul Hidayati,Siti Aisyah,Aminah,Rohani,Nurhayati,Marhamah,Rabiatul Adawiyah,Maesarah,Sumiati,Hartini,Sri Wahyuningsih,Halimah,Nurjannah,Saodah,Zohriah,Masyitah,Rukmini,Sahnun'),
}

const SUMBAWA = {
  male: words('Syamsuddin,Muhammad Ikhsan,Arif Rahman,Sudirman,Jamaluddin,Burhanuddin,Syafruddin,Nurdin,Husain,Hamzah,Abdul Muis,Ahmad Yani,Muhammad Amin,Rusdin,Kamaruddin,Ilham'),
  female: words('Nurhayati,Siti Hajar,Rahmawati,Fatimah,Sitti Maryam,Nurlaila,Jubaedah,Hadijah,Salmah,Nurbaya,Hasnah,Syarifah,Rosmini,Nuraini'),
}

const NTT = {
  male: words('Yohanes,Yakobus,Fransiskus,Marthen,Petrus,Paulus,Agustinus,Yosef,Daniel,Simon,Aloysius,Benediktus,Kornelis,Stefanus,Yeremias,Mikhael,Gabriel,Silvester,Hendrikus,Yulius'),
  female: words('Maria,Yuliana,Agustina,Fransiska,Margaretha,Elisabeth,Theresia,Yohana,Maria Goreti,Veronika,Anastasia,Katarina,Dorkas,Ester,Debora,Imelda,Florentina,Yasinta'),
  family: words('Fanggidae,Ndun,Seran,Bria,Nahak,Tefa,Benu,Manu,Kolo,Dethan,Lerik,Toda,da Costa,Parera,Fernandez,Kelen,Koten,Hurint,Riwu,Lay,Mesakh,Tanone,Haning,Lapenangga,Ximenes,Gomes,Nggebu,Bataona,Nai Buti,Taek,Atok'),
}

const SUMBA = {
  male: words('Umbu Rara,Umbu Ndapa,Umbu Hina,Umbu Kaborang,Umbu Nggiku,Umbu Pati,Umbu Remu,Umbu Tamu'),
  female: words('Rambu Anna,Rambu Hada,Rambu Kahi,Rambu Ndilu,Rambu Yuliana,Rambu Margareta,Rambu Konda'),
  family: words('Meha,Amahu,Windi,Ndakularak,Djawa,Lede,Bili,Kaledi,Wunu,Pekuwali,Hunggu'),
}

const PAPUA = {
  male: words('Yosias,Markus,Yohanis,Otto,Nikolaus,Matius,Elias,Simon,Yunus,Yakob,Lukas,Obed,Silas,Hendrik,Demianus,Natalis,Frans,Melkias,Yustinus,Benny,Abner,Petrus'),
  female: words('Agustina,Yuliana,Maria,Martha,Ribka,Naomi,Selfina,Dorkas,Yohana,Fransina,Priska,Mince,Erna,Lince,Meli,Ester,Sarlota,Yakomina'),
}

/** Clan names by province: Tabi and Saireri coast (91), Bird's Head (92, 96), south (93), Meepago (94), highlands (95). */
const PAPUA_CLANS: Readonly<Record<string, readonly string[]>> = {
  '91': words('Rumbiak,Rumere,Mansoben,Kaisiepo,Wospakrik,Sawaki,Yoku,Ongge,Awi,Hamadi,Itaar,Sanggenafa,Krey,Mebri,Wamafma'),
  '92': words('Mandacan,Ayamiseba,Kambu,Kareth,Saa,Hindom,Iba,Mayor,Indouw,Wonggor,Sayori,Rumfabe'),
  '96': words('Kalami,Momot,Fimbay,Kambu,Sapisa,Howay,Malak,Ulim,Salosa,Mambrasar,Kocu'),
  '93': words('Gebze,Mahuze,Kaize,Basik-Basik,Ndiken,Balagaize,Samkakai,Kamijai,Bifak,Yame'),
  '94': words('Pigai,Gobai,Tebai,Douw,Mote,Yogi,Kotouki,Pekei,Degei,Adii,Magai,Beanal,Natkime,Murib'),
  '95': words('Wenda,Tabuni,Wonda,Kogoya,Murib,Yikwa,Wanimbo,Telenggen,Enumbi,Wandikbo,Lokbere,Asso,Kossay,Yelipele'),
}

const MIGRANT = {
  male: words('Budi,Agus,Eko,Andi,Muhammad Rizky,Hendra,Dedi,Arif,Rudi,Yusuf,Bambang,Slamet,Irwan,Joko,Fajar,Daeng Baso'),
  female: words('Sri,Siti,Dewi,Rina,Andi Nurlina,Nur Aisyah,Wulan,Yuni,Ratna,Fitri,Endang,Suryani,Lilis,Hasnawati'),
  family: words('Santoso,Setiawan,Prasetyo,Saputra,Gunawan,Kurniawan,Hidayat,Hartono,Wijaya,Susanto,Pakiding,Sitorus,Simanjuntak,Nainggolan,Lestari,Wahyuni,Rahayu,Handayani,Palallo,Tandirerung'),
}

function baliName(sex: Sex, rng: Sfc32): string {
  if (rng.chance(100_000)) return `${rng.pick(sex === 'L' ? BALI.rankMale : BALI.rankFemale)} ${rng.pick(sex === 'L' ? BALI.male : BALI.female)}`
  if (sex === 'L') return `I ${rng.pick(BALI.orderMale)} ${rng.pick(BALI.male)}`
  const luh = rng.chance(300_000) ? 'Luh ' : ''
  return `Ni ${luh}${rng.pick(BALI.orderFemale)} ${rng.pick(BALI.female)}`
}

function sasakName(sex: Sex, rng: Sfc32): string {
  if (sex === 'L') return `${rng.chance(80_000) ? 'Lalu ' : ''}${rng.pick(SASAK.male)}`
  return `${rng.chance(80_000) ? 'Baiq ' : ''}${rng.pick(SASAK.female)}`
}

/** A synthetic full name for a person of a culture; `provinceCode` picks Papuan clan names of the area. */
export function demoName(culture: Culture, sex: Sex, provinceCode: string, rng: Sfc32): string {
  const male = sex === 'L'
  switch (culture) {
    case 'bali':
      return baliName(sex, rng)
    case 'sasak':
      return sasakName(sex, rng)
    case 'sumbawa':
      return rng.pick(male ? SUMBAWA.male : SUMBAWA.female)
    case 'ntt':
      return `${rng.pick(male ? NTT.male : NTT.female)} ${rng.pick(NTT.family)}`
    case 'sumba':
      return `${rng.pick(male ? SUMBA.male : SUMBA.female)} ${rng.pick(SUMBA.family)}`
    case 'papua':
      return `${rng.pick(male ? PAPUA.male : PAPUA.female)} ${rng.pick(PAPUA_CLANS[provinceCode] ?? PAPUA_CLANS['95']!)}`
    case 'migrant':
      return `${rng.pick(male ? MIGRANT.male : MIGRANT.female)} ${rng.pick(MIGRANT.family)}`
  }
}

const SUMBA_REGENCIES = new Set(['53.11', '53.12', '53.17', '53.18'])
const SUMBAWA_REGENCIES = new Set(['52.04', '52.05', '52.06', '52.07', '52.72'])

/** The local culture of a regency, and the share (ppm) of people there with names from elsewhere in Indonesia. */
export function cultureOf(regencyCode: string): { culture: Culture; migrantppm: number } {
  const province = regencyCode.slice(0, 2)
  if (province === '51') return { culture: 'bali', migrantppm: 100_000 }
  if (province === '52') return SUMBAWA_REGENCIES.has(regencyCode) ? { culture: 'sumbawa', migrantppm: 80_000 } : { culture: 'sasak', migrantppm: 50_000 }
  if (province === '53') return SUMBA_REGENCIES.has(regencyCode) ? { culture: 'sumba', migrantppm: 30_000 } : { culture: 'ntt', migrantppm: 50_000 }
  return { culture: 'papua', migrantppm: 350_000 }
}
