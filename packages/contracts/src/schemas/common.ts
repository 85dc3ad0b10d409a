import { z } from 'zod';

/** Opaque, pseudonymous aggregate ids (never a citizen-ID or a phone number). */
export const aggregateId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'must be 6-64 letters, digits, _ or -');
export const version = z.number().int().positive().describe('Aggregate version; consumers ignore versions already applied');
export const timestamp = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();

/** ISCO-08 code at any level: 1 digit major group ... 4 digits unit group. */
export const iscoCode = z.string().regex(/^\d{1,4}$/, 'ISCO-08 code of 1 to 4 digits');
/** Commune or ward code of the 2025 two-level administrative units (5 digits). */
export const communeCode = z.string().regex(/^\d{5}$/, 'commune/ward code of 5 digits');
export const districtCode = z.string().regex(/^\d{3}$/, 'former district code of 3 digits');
export const referenceCode = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case reference code');
export const vsicCode = z.string().regex(/^[A-U](\d{2,5})?$/, 'VSIC 2018 section letter with optional digits');
export const moneyVnd = z.number().int().nonnegative().max(10_000_000_000);

export const gender = z.enum(['male', 'female', 'other']);
export const qualification = z.enum([
  'none',
  'elementary',
  'intermediate',
  'college',
  'university',
  'postgraduate',
]);
export const shift = z.enum(['day', 'night', 'rotating', 'part-time']);
export const languageCode = z.enum(['vi', 'en', 'ko', 'ja', 'zh', 'de', 'fr', 'ru', 'th', 'lo', 'km']);
/** Common levels: CEFR, TOPIK 1-6, EPS-TOPIK, JLPT N5-N1, JFT-Basic, HSK 1-9, IELTS bands, TOEIC scores. */
export const languageLevel = z
  .string()
  .regex(/^(A1|A2|B1|B2|C1|C2|TOPIK[1-6]|EPS-TOPIK|N[1-5]|JFT-BASIC|HSK[1-9]|IELTS\d\.\d|TOEIC\d{2,3}|basic|fluent|native)$/);
export const language = z.object({ code: languageCode, level: languageLevel.optional() });

export const skill = z.object({
  code: referenceCode,
  level: z.number().int().min(1).max(5).describe('1 novice ... 5 expert'),
});

/** The plan's priority groups, as flags: what the matching boost reads. */
export const priorityGroups = z.object({
  poorHousehold: z.boolean(),
  nearPoorHousehold: z.boolean(),
  recentlyOutOfPoverty: z.boolean(),
  ethnicMinority: z.boolean(),
  disability: z.boolean(),
  backFromAbroad: z.boolean(),
  demobilised: z.boolean(),
  youth: z.boolean(),
});

/** The priority groups' keys, in their documented order (for reports that list every group). */
export const PRIORITY_GROUP_KEYS = priorityGroups.keyof().options;
