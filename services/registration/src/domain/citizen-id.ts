export interface CitizenIdFacts {
  gender: 'male' | 'female' | 'other';
  /** ISO date, YYYY-MM-DD. */
  dateOfBirth: string;
}

export interface CitizenIdIssue {
  path: string;
  message: string;
}

/**
 * Structure of a CCCD number (Circular 59/2021/TT-BCA): digits 1-3 the
 * province of birth registration, digit 4 century and gender (0/1 = 1900s
 * male/female, 2/3 = 2000s, 4/5 = 2100s ...), digits 5-6 the last two digits
 * of the birth year, digits 7-12 random. The number has no check digit.
 */
export function checkCitizenId(
  citizenId: string,
  facts: CitizenIdFacts,
  isProvinceCode: (code: string) => boolean,
): CitizenIdIssue[] {
  if (!/^\d{12}$/.test(citizenId)) return [{ path: 'citizenId', message: 'must be 12 digits' }];
  const issues: CitizenIdIssue[] = [];
  if (!isProvinceCode(citizenId.slice(0, 3))) {
    issues.push({ path: 'citizenId', message: 'does not start with a province code' });
  }
  const centuryDigit = Number(citizenId[3]);
  const year = Number(facts.dateOfBirth.slice(0, 4));
  const expectedCentury = Math.floor((year - 1900) / 100) * 2;
  if (Math.floor(centuryDigit / 2) * 2 !== expectedCentury) {
    issues.push({ path: 'citizenId', message: 'century digit does not match the date of birth' });
  }
  if (facts.gender !== 'other' && (centuryDigit % 2 === 1) !== (facts.gender === 'female')) {
    issues.push({ path: 'citizenId', message: 'gender digit does not match the gender' });
  }
  if (citizenId.slice(4, 6) !== String(year % 100).padStart(2, '0')) {
    issues.push({ path: 'citizenId', message: 'birth-year digits do not match the date of birth' });
  }
  return issues;
}
