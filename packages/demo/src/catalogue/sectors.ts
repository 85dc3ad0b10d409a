/** The kinds of employer the province's labour market is made of. */
export const SECTORS = ['electronics', 'garments', 'mechanics', 'tea', 'mining', 'services', 'agriculture'] as const;
export type Sector = (typeof SECTORS)[number];

export interface SectorProfile {
  /** Share of employers. */
  share: number;
  /** VSIC 2018 divisions (2 digits), most common first. */
  vsicDivisions: readonly string[];
  /** Communes where the sector's employers outside the parks mostly are (tea hills, mines); empty: anywhere. */
  homeCommunes: readonly string[];
  /** Chance an employer of the sector is foreign-invested, and where investors come from. */
  fdiShare: number;
  investors: readonly (readonly [string, number])[];
  /** Chance an employer sits in an industrial park or cluster. */
  inParkShare: number;
  /** Occupations its vacancies are for, most frequent first (drawn Zipf-like). */
  occupations: readonly string[];
  /** Head count of one vacancy. */
  positions: readonly [number, number];
  housingShare: number;
  shuttleShare: number;
}

export const SECTOR_PROFILES: Record<Sector, SectorProfile> = {
  electronics: {
    homeCommunes: [],
    share: 0.24,
    vsicDivisions: ['26', '27'],
    fdiShare: 0.85,
    investors: [['KR', 0.62], ['CN', 0.16], ['JP', 0.1], ['TW', 0.1], ['SG', 0.02]],
    inParkShare: 0.95,
    occupations: ['8212', '7543', '9329', '3119', '4321', '3113', '2643', '3122', '7412', '2423'],
    positions: [10, 200],
    housingShare: 0.4,
    shuttleShare: 0.8,
  },
  garments: {
    homeCommunes: [],
    share: 0.2,
    vsicDivisions: ['14', '13'],
    fdiShare: 0.4,
    investors: [['KR', 0.45], ['CN', 0.3], ['TW', 0.2], ['HK', 0.05]],
    inParkShare: 0.45,
    occupations: ['8153', '7543', '7532', '9329', '7531', '3122', '4321'],
    positions: [10, 150],
    housingShare: 0.2,
    shuttleShare: 0.4,
  },
  mechanics: {
    homeCommunes: [],
    share: 0.15,
    vsicDivisions: ['25', '28', '29'],
    fdiShare: 0.45,
    investors: [['JP', 0.45], ['KR', 0.35], ['CN', 0.2]],
    inParkShare: 0.7,
    occupations: ['7212', '7223', '8121', '7233', '3115', '7412', '8189', '9329', '7543'],
    positions: [3, 60],
    housingShare: 0.15,
    shuttleShare: 0.5,
  },
  tea: {
    homeCommunes: ['05503', '05818', '05830', '05611', '05692', '05845'],
    share: 0.08,
    vsicDivisions: ['10', '01'],
    fdiShare: 0,
    investors: [],
    inParkShare: 0,
    occupations: ['6112', '8160', '9211', '7515', '5223', '8341'],
    positions: [2, 30],
    housingShare: 0.05,
    shuttleShare: 0,
  },
  mining: {
    homeCommunes: ['05830', '02020', '05716', '05611', '05740'],
    share: 0.05,
    vsicDivisions: ['07', '08', '05'],
    fdiShare: 0.1,
    investors: [['CN', 0.5], ['AU', 0.5]],
    inParkShare: 0,
    occupations: ['8111', '8112', '7233', '8332', '8343', '7411', '3117'],
    positions: [5, 80],
    housingShare: 0.5,
    shuttleShare: 0.4,
  },
  services: {
    homeCommunes: [],
    share: 0.21,
    vsicDivisions: ['47', '56', '49', '52', '80'],
    fdiShare: 0.05,
    investors: [['KR', 0.6], ['JP', 0.4]],
    inParkShare: 0.1,
    occupations: ['5223', '9333', '8322', '5120', '5414', '9112', '5131', '4321', '8332', '9621', '4226', '4110', '3313', '2512'],
    positions: [1, 25],
    housingShare: 0.05,
    shuttleShare: 0.05,
  },
  agriculture: {
    homeCommunes: [],
    share: 0.07,
    vsicDivisions: ['01', '02'],
    fdiShare: 0,
    investors: [],
    inParkShare: 0,
    occupations: ['6111', '6121', '6122', '9211', '6210', '8341'],
    positions: [2, 20],
    housingShare: 0.1,
    shuttleShare: 0,
  },
};
