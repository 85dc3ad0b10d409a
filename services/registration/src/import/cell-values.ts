import { foldHeader as folded } from '@ketnoi/tabular';

/** Values as people type them in a spreadsheet, in Vietnamese or English. */
const choice = <T extends string>(table: Record<string, T>) => (text: string): T | undefined => table[folded(text)];

const YES = new Set(['co', 'x', 'yes', 'y', '1', 'true']);
const NO = new Set(['khong', 'no', 'n', '0', 'false']);

export const yesNo = (text: string): boolean | undefined => {
  const value = folded(text);
  return YES.has(value) ? true : NO.has(value) ? false : undefined;
};

export const gender = choice({ nam: 'male', male: 'male', m: 'male', nu: 'female', female: 'female', f: 'female', khac: 'other', other: 'other' } as const);

export const householdStatus = choice({
  ngheo: 'poor',
  'ho ngheo': 'poor',
  poor: 'poor',
  'can ngheo': 'near-poor',
  'ho can ngheo': 'near-poor',
  'near poor': 'near-poor',
  'moi thoat ngheo': 'recently-out-of-poverty',
  'recently out of poverty': 'recently-out-of-poverty',
  khong: 'none',
  none: 'none',
  '': 'none',
} as const);

export const generalEducation = choice({
  khong: 'none',
  none: 'none',
  'tieu hoc': 'primary',
  '5 12': 'primary',
  primary: 'primary',
  thcs: 'lower-secondary',
  '9 12': 'lower-secondary',
  'lower secondary': 'lower-secondary',
  thpt: 'upper-secondary',
  '12 12': 'upper-secondary',
  'upper secondary': 'upper-secondary',
} as const);

export const qualification = choice({
  khong: 'none',
  'chua qua dao tao': 'none',
  none: 'none',
  'so cap': 'elementary',
  elementary: 'elementary',
  'trung cap': 'intermediate',
  intermediate: 'intermediate',
  'cao dang': 'college',
  college: 'college',
  'dai hoc': 'university',
  university: 'university',
  'tren dai hoc': 'postgraduate',
  'thac si': 'postgraduate',
  'tien si': 'postgraduate',
  postgraduate: 'postgraduate',
} as const);

export const employmentStatus = choice({
  'that nghiep': 'unemployed',
  unemployed: 'unemployed',
  'thieu viec lam': 'underemployed',
  underemployed: 'underemployed',
  'dang lam viec': 'employed-looking',
  'dang lam viec muon doi': 'employed-looking',
  'employed looking': 'employed-looking',
  'khong tim viec': 'not-looking',
  'not looking': 'not-looking',
} as const);

export const shift = choice({
  'ca ngay': 'day',
  ngay: 'day',
  day: 'day',
  'ca dem': 'night',
  dem: 'night',
  night: 'night',
  'ca xoay': 'rotating',
  'xoay ca': 'rotating',
  '3 ca': 'rotating',
  rotating: 'rotating',
  'ban thoi gian': 'part-time',
  'part time': 'part-time',
} as const);

export const programme = choice({
  eps: 'eps-korea',
  'eps han quoc': 'eps-korea',
  'eps korea': 'eps-korea',
  'thuc tap sinh nhat ban': 'tits-japan',
  tts: 'tits-japan',
  'tits japan': 'tits-japan',
  im: 'im-japan',
  'im japan': 'im-japan',
  'ky nang dac dinh': 'ssw-japan',
  ssw: 'ssw-japan',
  'dai loan': 'taiwan',
  taiwan: 'taiwan',
  khac: 'other',
  other: 'other',
} as const);

export const service = choice({
  'quan doi': 'military',
  'quan su': 'military',
  military: 'military',
  'cong an': 'police',
  police: 'police',
  'thanh nien xung phong': 'volunteer-youth',
  'volunteer youth': 'volunteer-youth',
} as const);

/** "a; b, c" → [a, b, c] */
export const list = (text: string): string[] =>
  text
    .split(/[;,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** Dates as YYYY-MM-DD, or the dd/mm/yyyy Vietnamese offices write. */
export function isoDay(text: string): string | undefined {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const day = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : text;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  // A real calendar day: 31/02 or 13/13 do not survive the round trip.
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day) ? day : undefined;
}

/** 8.500.000 or 8,500,000 or 8500000 → 8500000 */
export const amount = (text: string): number | undefined => {
  const digits = text.replace(/[.,\s]/g, '').replace(/(vnd|dong|đ)$/i, '');
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
};
