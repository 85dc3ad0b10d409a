import type { WorkerProfile } from '@ketnoi/contracts';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Hoàng', 'Nông', 'Ma', 'Lò', 'Đặng', 'Triệu', 'Hà', 'Lý', 'Dương'];
const GIVEN = ['Văn An', 'Thị Hoa', 'Văn Dũng', 'Thị Mai', 'Đức Thắng', 'Thu Hà', 'Minh Tuấn', 'Thị Lan', 'Văn Hùng', 'Ngọc Ánh'];
const COMMUNES = ['01840', '01843'];
const OCCUPATIONS = ['8212', '7212', '9329', '7531', '8322', '5223'];

/** A valid, distinct job seeker for each i (citizen-ID derived from i), deterministic for repeatable runs. */
export function person(i: number): WorkerProfile {
  const year = 1975 + (i % 30);
  const female = i % 2 === 1;
  const dateOfBirth = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  const century = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
  const citizenId = `019${century}${String(year % 100).padStart(2, '0')}${String(i % 1_000_000).padStart(6, '0')}`;
  return {
    fullName: `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
    citizenId,
    dateOfBirth,
    gender: female ? 'female' : 'male',
    ethnicity: ['01', '02', '07', '08', '09'][i % 5]!,
    phone: `09${String(10_000_000 + i).slice(-8)}`,
    address: { communeCode: COMMUNES[i % COMMUNES.length]! },
    householdStatus: (['none', 'none', 'none', 'near-poor', 'poor'] as const)[i % 5]!,
    disability: i % 41 === 0,
    generalEducation: 'upper-secondary',
    qualification: (['none', 'elementary', 'intermediate', 'college', 'university'] as const)[i % 5]!,
    certificates: [],
    skills: [{ code: 'electronics-assembly', level: (i % 5) + 1 }],
    languages: i % 4 === 0 ? [{ code: 'ko', level: 'TOPIK2' }] : [],
    desiredOccupations: [OCCUPATIONS[i % OCCUPATIONS.length]!],
    workHistory: [],
    expectedWageVnd: 6_000_000 + (i % 10) * 500_000,
    maxCommuteKm: 20 + (i % 30),
    willingToRelocate: i % 7 === 0,
    shifts: ['day'],
    employmentStatus: 'unemployed',
    unemploymentInsurance: false,
    socialInsurance: false,
    preferredLanguage: 'vi',
    notificationChannels: { sms: true, email: false, inApp: true },
    consents: { matching: true, notifications: true, shareProfile: false, channel: 'desk' },
  };
}

/** The same people as a centre's CSV (Vietnamese headers). */
export function peopleCsv(from: number, count: number): string {
  const header = 'Họ và tên,Số CCCD,Ngày sinh,Giới tính,Dân tộc,Số điện thoại,Mã xã,Trình độ chuyên môn,Nghề mong muốn,Kỹ năng,Đồng ý kết nối việc làm';
  const level = { none: 'Không', elementary: 'Sơ cấp', intermediate: 'Trung cấp', college: 'Cao đẳng', university: 'Đại học', postgraduate: 'Trên đại học' };
  const lines = [header];
  for (let i = from; i < from + count; i += 1) {
    const p = person(i);
    const [y, m, d] = p.dateOfBirth.split('-');
    lines.push(
      [p.fullName, p.citizenId, `${d}/${m}/${y}`, p.gender === 'female' ? 'Nữ' : 'Nam', p.ethnicity, p.phone, p.address.communeCode, level[p.qualification], p.desiredOccupations[0], 'electronics-assembly:3', 'Có'].join(','),
    );
  }
  return lines.join('\n');
}
