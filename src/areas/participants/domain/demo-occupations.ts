import type { Culture } from './demo-names.js'

/**
 * Synthetic occupation mix per culture for demo BPU participants (weights, not facts): the trades issue 4 and
 * the pemda cohorts of banuspa-facts.md name (farmers, fishers, traders, clergy and adat workers in Bali,
 * weavers in NTT, noken makers and sago workers in Papua). Codes are those of reference/occupations.yaml.
 */
export const DEMO_BPU_OCCUPATION_WEIGHTS: Readonly<Record<Culture, Readonly<Record<string, number>>>> = {
  bali: {
    petani: 18, pedagang: 18, buruh_harian: 9, tukang: 7, perajin: 7, seniman: 5, pemandu_wisata: 4, pemangku: 4, serati: 2,
    pecalang: 2, sulinggih: 0.3, sopir: 5, ojek: 5, kurir: 2, penjahit: 3, nelayan: 3, peternak: 3, terapis_pijat: 2, pekerja_rumah_tangga: 2,
  },
  sasak: {
    petani: 28, pedagang: 17, buruh_tani: 8, buruh_harian: 8, nelayan: 7, peternak: 7, tukang: 5, ojek: 5, sopir: 3, kurir: 1,
    penenun: 3, perajin: 3, pekerja_keagamaan: 2, pekerja_rumah_tangga: 3,
  },
  sumbawa: { petani: 32, peternak: 12, nelayan: 9, pedagang: 16, buruh_tani: 8, buruh_harian: 7, tukang: 5, ojek: 5, sopir: 3, penenun: 3 },
  ntt: {
    petani: 33, peternak: 10, nelayan: 8, penenun: 8, pedagang: 12, buruh_harian: 6, ojek: 6, sopir: 3, tukang: 5,
    pembudidaya_ikan: 3, guru_honorer: 3, pekerja_keagamaan: 2,
  },
  sumba: { petani: 38, peternak: 14, penenun: 12, pedagang: 10, buruh_harian: 6, ojek: 5, tukang: 5, nelayan: 4, guru_honorer: 3 },
  papua: {
    petani: 28, nelayan: 10, pedagang: 15, pengolah_hasil_hutan: 8, penambang_rakyat: 3, perajin: 4, ojek: 8, sopir: 3,
    buruh_harian: 8, tukang: 5, guru_honorer: 3, pekerja_keagamaan: 2,
  },
  migrant: { pedagang: 30, pelaku_umkm: 10, tukang: 10, ojek: 10, sopir: 8, kurir: 4, buruh_harian: 10, penjahit: 5, montir: 5, tukang_cukur: 3, petani: 5 },
}

/** Occupations of demo PU participants (employees). */
export const DEMO_PU_OCCUPATION_WEIGHTS: Readonly<Record<string, number>> = { karyawan_swasta: 85, sopir: 5, kurir: 4, tukang: 3, montir: 3 }

/** Second occupations a demo BPU may list (PP 44/2015 Pasal 11(2): at most 2). */
export const DEMO_SECOND_OCCUPATIONS: Readonly<Record<string, string>> = {
  petani: 'peternak',
  nelayan: 'pedagang',
  pedagang: 'penjahit',
  penenun: 'petani',
  pemangku: 'petani',
  ojek: 'petani',
}
