import type { OccupationProfile } from '../catalogue/occupations.js';
import { chance, pick } from '../random/draw.js';
import type { Random } from '../random/random.js';
import type { DemoEmployer } from './employers.js';

interface DescriptionInput {
  occupation: OccupationProfile;
  employer: DemoEmployer;
  reference: string;
  seasonal: boolean;
}

const DUTIES: Record<string, string> = {
  '8212': 'Lắp ráp, kiểm tra linh kiện và bo mạch trên dây chuyền SMT.',
  '8153': 'May hoàn thiện sản phẩm theo công đoạn trên dây chuyền.',
  '7212': 'Hàn kết cấu thép theo bản vẽ, đảm bảo đường hàn đạt yêu cầu kỹ thuật.',
  '6112': 'Chăm sóc, thu hái chè búp theo quy trình VietGAP.',
  '8160': 'Vận hành máy sao, vò chè và đóng gói thành phẩm.',
  '8111': 'Khai thác quặng theo ca, tuân thủ quy định an toàn mỏ.',
};

const BENEFITS = ['Đóng bảo hiểm xã hội, y tế, thất nghiệp đầy đủ.', 'Thưởng chuyên cần, thưởng tháng lương thứ 13.', 'Hỗ trợ bữa ăn ca.', 'Được đào tạo tay nghề khi vào làm.', 'Tăng lương theo năng lực hằng năm.'];

/** A plain description, free of any condition the law forbids, ending with the demo reference. */
export function descriptionOf(random: Random, { occupation, employer, reference, seasonal }: DescriptionInput): string {
  const duty = DUTIES[occupation.code] ?? `Thực hiện công việc ${occupation.title.toLowerCase()} theo phân công của quản lý.`;
  const place = employer.body.industrialParkCode ? `Làm việc tại ${employer.body.address.street}.` : 'Làm việc tại cơ sở của doanh nghiệp.';
  const extras = [
    seasonal ? 'Công việc theo mùa vụ.' : pick(random, BENEFITS),
    chance(random, 0.5) ? pick(random, BENEFITS) : '',
    chance(random, 0.3) ? 'Không phân biệt giới tính, dân tộc; chào đón người khuyết tật.' : '',
  ].filter(Boolean);
  return `${duty} ${place} ${[...new Set(extras)].join(' ')} Mã tin: ${reference}.`.normalize('NFC');
}
