import type { qualification } from '@ketnoi/contracts';
import type { z } from 'zod';

export type Qualification = z.infer<typeof qualification>;

/** Surnames, weighted roughly as in the northern midlands (Tày and Nùng names where they are common). */
export const KINH_SURNAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 36], ['Trần', 10], ['Lê', 8], ['Phạm', 6], ['Hoàng', 5], ['Vũ', 4], ['Đỗ', 3], ['Ngô', 2],
  ['Dương', 3], ['Đặng', 2], ['Bùi', 2], ['Lương', 1.5], ['Đinh', 1.5], ['Trịnh', 1], ['Hà', 1.5], ['Lý', 1], ['Phan', 1.5], ['Tạ', 0.5],
];
export const MINORITY_SURNAMES: readonly (readonly [string, number])[] = [
  ['Hoàng', 10], ['Nông', 8], ['Lương', 6], ['Ma', 5], ['Triệu', 5], ['Lục', 4], ['Hà', 4], ['Bế', 3], ['Đàm', 3], ['Lành', 2],
  ['Dương', 3], ['Nguyễn', 6], ['Lý', 3], ['Bàn', 3], ['Lăng', 2], ['Vi', 2], ['Lò', 1], ['Giàng', 1],
];
export const MIDDLE_NAMES = {
  male: ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Tiến', 'Thành', 'Xuân', 'Ngọc', 'Trung'],
  female: ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Phương', 'Hồng', 'Minh', 'Thùy', 'Kim', 'Hải'],
} as const;
export const GIVEN_NAMES = {
  male: ['Hùng', 'Dũng', 'Tuấn', 'Hải', 'Nam', 'Long', 'Minh', 'Thắng', 'Cường', 'Quân', 'Hiếu', 'Trung', 'Sơn', 'Đức', 'Huy', 'Phong', 'Khánh', 'Tài', 'Lâm', 'Bình', 'Tú', 'Việt', 'Hoàng', 'Kiên', 'Toàn', 'Thành', 'Phúc', 'Duy', 'Mạnh', 'Trường'],
  female: ['Lan', 'Hương', 'Hà', 'Linh', 'Trang', 'Nhung', 'Hằng', 'Thảo', 'Mai', 'Huyền', 'Ngọc', 'Yến', 'Vân', 'Phương', 'Hoa', 'Thủy', 'Nga', 'Loan', 'Dung', 'Giang', 'Thư', 'Anh', 'Chi', 'Hạnh', 'Liên', 'Oanh', 'Quỳnh', 'Tâm', 'Uyên', 'Xuân'],
} as const;

/** Ethnic groups (codes of Decision 121-TCTK/PPCĐ) where most people are not Kinh: former Bắc Kạn and the uplands. */
export const UPLAND_ETHNICITIES: readonly (readonly [string, number])[] = [
  ['02', 50], ['01', 14], ['09', 14], ['07', 10], ['08', 6], ['15', 3], ['18', 2], ['04', 1],
];
/** In the lowland communes and wards of former Thái Nguyên. */
export const LOWLAND_ETHNICITIES: readonly (readonly [string, number])[] = [
  ['01', 74], ['02', 11], ['07', 5], ['09', 3], ['18', 4], ['15', 2], ['08', 0.5], ['04', 0.5],
];

/** Registered job seekers' qualifications: most have none (the plan aims to raise trained workers to 35 %). */
export const QUALIFICATION_MIX: readonly (readonly [Qualification, number])[] = [
  ['none', 52], ['elementary', 14], ['intermediate', 10], ['college', 9], ['university', 14], ['postgraduate', 1],
];
export const QUALIFICATION_RANK: Record<Qualification, number> = {
  none: 0, elementary: 1, intermediate: 2, college: 3, university: 4, postgraduate: 5,
};
export const QUALIFICATION_FIELDS: Partial<Record<Qualification, readonly string[]>> = {
  elementary: ['welding', 'electrical', 'garment', 'driving', 'cooking', 'maintenance'],
  intermediate: ['electrical', 'metalwork', 'maintenance', 'automation', 'office-it', 'finance', 'vehicle-repair'],
  college: ['electrical', 'automation', 'metalwork', 'finance', 'office-it', 'health-support', 'hospitality'],
  university: ['finance', 'software', 'data', 'office', 'electrical', 'automation', 'workplace-languages'],
  postgraduate: ['finance', 'software', 'data', 'automation'],
};

/** Province codes of citizen-IDs (Circular 07/2016/TT-BCA): born in Thái Nguyên or Bắc Kạn mostly, neighbours next. */
export const CCCD_PROVINCES: readonly (readonly [string, number])[] = [
  ['019', 70], ['006', 14], ['008', 3], ['024', 3], ['025', 1.5], ['020', 1.5], ['004', 1.5], ['001', 1.5], ['026', 1], ['027', 1], ['038', 1], ['040', 1],
];

/** Programmes of workers back from working abroad, and where they were. */
export const ABROAD_PROGRAMMES: readonly (readonly [{ programme: 'eps-korea' | 'im-japan' | 'tits-japan' | 'ssw-japan' | 'taiwan'; country: string; language: 'ko' | 'ja' | 'zh' }, number])[] = [
  [{ programme: 'eps-korea', country: 'KR', language: 'ko' }, 42],
  [{ programme: 'tits-japan', country: 'JP', language: 'ja' }, 22],
  [{ programme: 'im-japan', country: 'JP', language: 'ja' }, 14],
  [{ programme: 'ssw-japan', country: 'JP', language: 'ja' }, 6],
  [{ programme: 'taiwan', country: 'TW', language: 'zh' }, 16],
];

export const MOBILE_PREFIXES = ['098', '097', '096', '086', '091', '094', '088', '083', '090', '093', '089', '070', '079', '036', '037', '038', '039', '032', '033', '034', '035', '056', '058', '081', '082', '084', '085'] as const;
