/**
 * A worker-like aggregate state: a few top-level scalars (what lists filter
 * on) and the nested rest that makes documents expensive to convert (sealed
 * personal fields, a profile with skills, languages, wishes and work history,
 * consents, priority groups), about 2.5 kB as JSON.
 */
export interface BenchState {
  status: string;
  communeCode: string;
  birthMonth: string;
  gender: string;
  minor: boolean;
  externalRefs: string[];
  registeredAt: string;
  personal: { keyId: string; iv: string; tag: string; data: string };
  profile: {
    occupationCode: string;
    qualification: string;
    experienceYears: number;
    skills: { code: string; level: number; years: number }[];
    languages: { code: string; level: string }[];
    certificates: { code: string; issuedAt: string }[];
    wishes: { occupations: string[]; communes: string[]; wageMinVnd: number; shifts: string[]; willingToMove: boolean; maxCommuteKm: number };
    workHistory: { occupationCode: string; from: string; to: string; industrialParkCode: string }[];
  };
  consents: Record<'matching' | 'notifications' | 'shareProfile', { granted: boolean; at: string; channel: string }>;
  priority: { poorHousehold: boolean; ethnicMinority: boolean; disability: boolean; returnedFromAbroad: boolean; demobilised: boolean };
}

const pick = <T>(items: readonly T[], i: number): T => items[i % items.length]!;
const b64 = (n: number, seed: number) => Buffer.alloc(n, seed % 251).toString('base64');

export function benchState(i: number, version: number): BenchState {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return {
    status: version % 5 === 0 ? 'withdrawn' : 'active',
    communeCode: String(5800 + (i % 180)).padStart(5, '0'),
    birthMonth: `19${80 + (i % 20)}-${String(1 + (i % 12)).padStart(2, '0')}`,
    gender: pick(['female', 'male'], i),
    minor: false,
    externalRefs: [`desk:${i}`],
    registeredAt: at,
    personal: { keyId: 'k1', iv: b64(12, i), tag: b64(16, i + 1), data: b64(240, i + 2) },
    profile: {
      occupationCode: pick(['7212', '8153', '7522', '9329', '3115'], i),
      qualification: pick(['elementary', 'vocational', 'college', 'university'], i),
      experienceYears: (i + version) % 15,
      skills: Array.from({ length: 8 }, (_, k) => ({ code: `S${String((i * 7 + k) % 400).padStart(4, '0')}`, level: 1 + ((k + version) % 4), years: k % 6 })),
      languages: [
        { code: 'vi', level: 'native' },
        { code: pick(['ko', 'ja', 'zh', 'en'], i), level: pick(['A2', 'B1', 'B2'], i + version) },
      ],
      certificates: Array.from({ length: 2 }, (_, k) => ({ code: `C${(i + k) % 60}`, issuedAt: '2021-06-01' })),
      wishes: {
        occupations: ['7212', '7214', '8153'],
        communes: [String(5800 + (i % 180)).padStart(5, '0'), '05860', '05881'],
        wageMinVnd: 7_000_000 + (version % 10) * 250_000,
        shifts: ['day', 'night'],
        willingToMove: i % 3 === 0,
        maxCommuteKm: 15 + (i % 20),
      },
      workHistory: Array.from({ length: 3 }, (_, k) => ({
        occupationCode: pick(['7212', '8153', '7522'], i + k),
        from: `20${10 + k * 3}-01`,
        to: `20${12 + k * 3}-12`,
        industrialParkCode: pick(['YB1', 'SC', 'DT', 'NB'], i + k),
      })),
    },
    consents: {
      matching: { granted: true, at, channel: 'desk' },
      notifications: { granted: version % 2 === 1, at, channel: 'desk' },
      shareProfile: { granted: true, at, channel: 'desk' },
    },
    priority: { poorHousehold: i % 7 === 0, ethnicMinority: i % 4 === 0, disability: false, returnedFromAbroad: i % 11 === 0, demobilised: false },
  };
}
