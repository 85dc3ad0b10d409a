import type { WorkerProfile } from '@ketnoi/contracts';
import { OCCUPATIONS, type OccupationProfile } from '../catalogue/occupations.js';
import {
  ABROAD_PROGRAMMES,
  CCCD_PROVINCES,
  GIVEN_NAMES,
  KINH_SURNAMES,
  LOWLAND_ETHNICITIES,
  MIDDLE_NAMES,
  MINORITY_SURNAMES,
  MOBILE_PREFIXES,
  QUALIFICATION_FIELDS,
  QUALIFICATION_MIX,
  QUALIFICATION_RANK,
  UPLAND_ETHNICITIES,
  type Qualification,
} from '../catalogue/people.js';
import { demoPlaces, type DemoPlaces } from '../catalogue/places.js';
import { between, chance, distinct, pick, roundTo, weighted } from '../random/draw.js';
import { recordRandom, type Random } from '../random/random.js';
import { zipf } from '../random/zipf.js';
import { asciiSlug, citizenIdOf } from './identity.js';
import { languagesOf } from './worker-languages.js';
import { nfc } from './text.js';

/** A worker as the centre's systems send it on `ingest.workers.v1` (`workerSubmission`). */
export interface DemoWorker {
  index: number;
  externalRef: string;
  profile: WorkerProfile;
}

/** Dates are fixed, not relative to today, so a worker (and their citizen-ID) never changes between runs. */
const ANCHOR_YEAR = 2026;
const occupationOf = zipf(OCCUPATIONS, 1.05);
const pad = (n: number) => String(n).padStart(2, '0');
const dateIn = (random: Random, year: number) => `${year}-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))}`;

function personOf(random: Random, places: DemoPlaces) {
  const commune = places.homeCommune(random);
  const ethnicity = weighted(random, places.isUpland(commune) ? UPLAND_ETHNICITIES : LOWLAND_ETHNICITIES);
  const gender = chance(random, 0.52) ? ('female' as const) : ('male' as const);
  // Registered job seekers are mostly young: ages 17-58, most between 18 and 35.
  const age = chance(random, 0.7) ? between(random, 18, 35) : chance(random, 0.1) ? 17 : between(random, 36, 58);
  const dateOfBirth = dateIn(random, ANCHOR_YEAR - 1 - age);
  const surname = weighted(random, ethnicity === '01' ? KINH_SURNAMES : MINORITY_SURNAMES);
  const given = pick(random, GIVEN_NAMES[gender]);
  const fullName = nfc(`${surname} ${pick(random, MIDDLE_NAMES[gender])} ${chance(random, 0.15) ? `${pick(random, GIVEN_NAMES[gender])} ` : ''}${given}`);
  return { commune, ethnicity, gender, age, dateOfBirth, fullName };
}

function qualificationOf(random: Random, age: number, wanted: OccupationProfile): Qualification {
  const drawn = weighted(random, QUALIFICATION_MIX);
  // People mostly seek work their training fits; the young have not finished university yet.
  const floor = QUALIFICATION_RANK[wanted.qualification] >= 3 && chance(random, 0.8) ? wanted.qualification : drawn;
  const result = QUALIFICATION_RANK[floor] > QUALIFICATION_RANK[drawn] ? floor : drawn;
  return age < 22 && QUALIFICATION_RANK[result] >= 4 ? 'college' : age < 19 && QUALIFICATION_RANK[result] >= 2 ? 'elementary' : result;
}

const generalEducationOf = (random: Random, qualification: Qualification, upland: boolean): WorkerProfile['generalEducation'] => {
  if (QUALIFICATION_RANK[qualification] >= 3) return 'upper-secondary';
  if (QUALIFICATION_RANK[qualification] >= 1) return chance(random, 0.8) ? 'upper-secondary' : 'lower-secondary';
  return weighted(random, upland ? [['upper-secondary', 45], ['lower-secondary', 40], ['primary', 12], ['none', 3]] : [['upper-secondary', 65], ['lower-secondary', 30], ['primary', 5]]);
};

function wishesOf(random: Random, first: OccupationProfile) {
  const related = OCCUPATIONS.filter((o) => o !== first && (o.code.slice(0, 2) === first.code.slice(0, 2) || o.skills.some((s) => first.skills.includes(s))));
  const desired = [first.code, ...distinct(between(random, 0, 2), () => (related.length > 0 && chance(random, 0.7) ? pick(random, related) : occupationOf(random)).code)];
  const skillPool = [...first.skills, ...related.slice(0, 2).flatMap((o) => o.skills)];
  const skills = distinct(between(random, 1, 5), () => skillPool[Math.min(skillPool.length - 1, Math.floor(Math.pow(random(), 1.8) * skillPool.length))]!).map((code) => ({ code, level: between(random, 1, 5) }));
  if (chance(random, 0.3)) skills.push({ code: pick(random, ['teamwork', 'work-discipline', 'shift-work', 'safety', 'five-s', 'communication']), level: between(random, 2, 4) });
  return { desired: [...new Set(desired)], skills: dedupeSkills(skills) };
}

const dedupeSkills = (skills: { code: string; level: number }[]) => [...new Map(skills.map((s) => [s.code, s])).values()];

/** Worker `index` of the demo of `seed`: the same every time. */
export function workerAt(seed: number, index: number, places: DemoPlaces = demoPlaces()): DemoWorker {
  const random = recordRandom(seed, 'worker', index);
  const person = personOf(random, places);
  const upland = places.isUpland(person.commune);
  const first = occupationOf(random);
  const qualification = qualificationOf(random, person.age, first);
  const wishes = wishesOf(random, first);
  const poorShare = upland ? 0.16 : 0.04;
  const householdStatus = weighted(random, [['poor', poorShare], ['near-poor', poorShare * 0.9], ['recently-out-of-poverty', poorShare * 0.4], ['none', 1 - poorShare * 2.3]] as const);
  const abroad = person.age >= 24 && chance(random, 0.045) ? weighted(random, ABROAD_PROGRAMMES) : undefined;
  const returnedYear = between(random, 2019, 2025);
  const demobilised = person.gender === 'male' && person.age >= 20 && person.age <= 28 && chance(random, 0.18)
    ? { service: weighted(random, [['military', 85], ['police', 10], ['volunteer-youth', 5]] as const), date: dateIn(random, Math.min(2025, ANCHOR_YEAR - 1 - person.age + 21 + between(random, 0, 3))) }
    : undefined;
  const experienceYears = Math.max(0, person.age - 18 - between(random, 0, 6));
  const workHistory = experienceYears > 0 && chance(random, 0.6)
    ? [{ occupationCode: wishes.desired[0]!, employer: `Công ty ${pick(random, ['TNHH', 'Cổ phần'])} ${pick(random, ['Sản xuất', 'Thương mại', 'Dịch vụ'])} ${pick(random, ['Minh Anh', 'Thái Sơn', 'Bắc Hà', 'Việt Tiến', 'Phú Cường'])}`, from: dateIn(random, 2025 - Math.min(experienceYears, 10)), to: dateIn(random, 2025) }]
    : [];
  const hasPhone = chance(random, 0.92);
  const hasEmail = QUALIFICATION_RANK[qualification] >= 2 ? chance(random, 0.7) : chance(random, 0.2);
  const profile: WorkerProfile = {
    fullName: person.fullName,
    citizenId: citizenIdOf(weighted(random, CCCD_PROVINCES), person.dateOfBirth, person.gender, index, seed % 1_000_000),
    dateOfBirth: person.dateOfBirth,
    gender: person.gender,
    ethnicity: person.ethnicity,
    ...(hasPhone ? { phone: `${pick(random, MOBILE_PREFIXES)}${String(between(random, 0, 9_999_999)).padStart(7, '0')}` } : {}),
    ...(hasEmail ? { email: `${asciiSlug(person.fullName)}.${index}@demo.ketnoi.example` } : {}),
    address: { communeCode: person.commune.code, detail: nfc(`${chance(random, 0.5) ? 'Tổ' : 'Xóm'} ${between(random, 1, 25)}`) },
    householdStatus,
    disability: chance(random, 0.025),
    ...(abroad ? { workAbroad: { country: abroad.country, years: between(random, 2, 5), programme: abroad.programme, occupationCode: pick(random, ['8212', '7212', '8153', '9329', '6111']), returnedOn: dateIn(random, returnedYear) } } : {}),
    ...(demobilised ? { demobilised } : {}),
    generalEducation: generalEducationOf(random, qualification, upland),
    qualification,
    ...(QUALIFICATION_FIELDS[qualification] ? { qualificationField: pick(random, QUALIFICATION_FIELDS[qualification]!) } : {}),
    certificates: first.certificates.length > 0 && chance(random, 0.55) ? [{ code: first.certificates[0]! }] : [],
    skills: wishes.skills,
    languages: languagesOf(random, qualification, abroad?.language),
    desiredOccupations: wishes.desired,
    workHistory,
    expectedWageVnd: roundTo((first.wage[0] + random() * (first.wage[1] - first.wage[0])) * 1_000_000, 500_000),
    maxCommuteKm: weighted(random, [[10, 2], [20, 4], [30, 3], [50, 1]] as const),
    willingToRelocate: chance(random, abroad ? 0.5 : 0.15),
    shifts: weighted(random, [[['day'], 4], [['day', 'rotating'], 4], [['day', 'night', 'rotating'], 2], [['part-time'], 0.6]] as const).slice(),
    employmentStatus: weighted(random, [['unemployed', 70], ['underemployed', 15], ['employed-looking', 15]] as const),
    unemploymentInsurance: chance(random, 0.25),
    socialInsurance: chance(random, 0.45),
    preferredLanguage: 'vi',
    notificationChannels: { sms: hasPhone, email: hasEmail && chance(random, 0.6), inApp: true },
    consents: { matching: chance(random, 0.96), notifications: chance(random, 0.9), shareProfile: chance(random, 0.5), channel: weighted(random, [['desk', 6], ['portal', 2], ['paper', 1], ['phone', 1]] as const) },
  };
  return { index, externalRef: `demo-${seed}-${index}`, profile };
}

/** The first `count` workers of the demo of `seed`, one at a time (10 000 fit easily; so do 1 000 000). */
export function* generateWorkers(seed: number, count: number): Generator<DemoWorker> {
  const places = demoPlaces();
  for (let i = 0; i < count; i += 1) yield workerAt(seed, i, places);
}
