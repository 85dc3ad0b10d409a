import type { Sector } from './sectors.js';

/** Parts of plausible (invented) company names, per sector and investor. */
export const BRANDS: Record<string, readonly string[]> = {
  KR: ['Hanwon', 'Seojin', 'Daesung', 'Mirae', 'Jinhwa', 'Sungwoo', 'Hoshin', 'Kyungan', 'Dongyang', 'Saehan', 'Myungsung', 'Bumjin', 'Hyosan', 'Taekwang', 'Woojin', 'Eunsung'],
  CN: ['Lianrui', 'Hengtai', 'Jiahe', 'Xinyuan', 'Huaxing', 'Ruifeng', 'Kaida', 'Tongda'],
  JP: ['Hoshino', 'Tanaka Seiki', 'Kitagawa', 'Marusan', 'Yamato Kogyo', 'Nissei', 'Sanwa'],
  TW: ['Everwin', 'Jinglong', 'Fuda', 'Chenghong', 'Hongfa'],
  SG: ['Pacific Link', 'Orchid Tech'],
  HK: ['Grand Crown', 'Sunrise Apparel'],
  AU: ['Southern Minerals'],
};

export const VIETNAMESE_BRANDS = ['Minh Long', 'Hoàng Gia', 'Thái Hưng', 'Việt Bắc', 'Tân Phát', 'Phúc Thịnh', 'An Khang', 'Đại Dương', 'Hòa Bình', 'Thành Đạt', 'Hưng Thịnh', 'Tiến Phong', 'Bảo Minh', 'Sao Mai', 'Trường Sơn', 'Kim Cương', 'Thiên Phú', 'Nam Việt', 'Hồng Hà', 'Đông Á', 'Phương Bắc', 'Gia Bảo', 'Tân Cương Xanh', 'La Bằng', 'Hà Thượng'];

const DOMESTIC_FORMS: Record<Sector, readonly ((brand: string, place: string) => string)[]> = {
  electronics: [(b) => `Công ty TNHH Điện tử ${b}`, (b) => `Công ty Cổ phần Linh kiện Điện tử ${b}`],
  garments: [(b) => `Công ty Cổ phần May ${b}`, (b) => `Công ty TNHH May mặc ${b}`, (_b, p) => `Công ty Cổ phần May ${p}`],
  mechanics: [(b) => `Công ty TNHH Cơ khí ${b}`, (b) => `Công ty Cổ phần Cơ khí Chính xác ${b}`, (_b, p) => `Công ty TNHH Kết cấu Thép ${p}`],
  tea: [(_b, p) => `Hợp tác xã Chè ${p}`, (b) => `Công ty Cổ phần Chè ${b}`, (_b, p) => `Hợp tác xã Chè an toàn ${p}`],
  mining: [(b) => `Công ty Cổ phần Khoáng sản ${b}`, (_b, p) => `Công ty TNHH Khai thác Đá ${p}`, (b) => `Công ty Than ${b}`],
  services: [
    (b) => `Công ty TNHH Thương mại Dịch vụ ${b}`,
    (b) => `Siêu thị ${b}`,
    (b) => `Nhà hàng ${b}`,
    (b) => `Công ty Cổ phần Vận tải ${b}`,
    (b) => `Công ty TNHH Dịch vụ Bảo vệ ${b}`,
    (b) => `Công ty Cổ phần Logistics ${b}`,
  ],
  agriculture: [(_b, p) => `Hợp tác xã Nông nghiệp ${p}`, (b) => `Trang trại ${b}`, (_b, p) => `Hợp tác xã Dịch vụ Nông lâm nghiệp ${p}`],
};

const FOREIGN_FORMS: Record<Sector, readonly ((brand: string) => string)[]> = {
  electronics: [(b) => `Công ty TNHH ${b} Electronics Việt Nam`, (b) => `Công ty TNHH ${b} Vina`, (b) => `Công ty TNHH ${b} Tech Thái Nguyên`],
  garments: [(b) => `Công ty TNHH ${b} Vina`, (b) => `Công ty TNHH May ${b} Việt Nam`],
  mechanics: [(b) => `Công ty TNHH ${b} Precision Việt Nam`, (b) => `Công ty TNHH ${b} Việt Nam`],
  tea: [(b) => `Công ty TNHH ${b} Việt Nam`],
  mining: [(b) => `Công ty TNHH ${b} Việt Nam`],
  services: [(b) => `Công ty TNHH ${b} Logistics Việt Nam`, (b) => `Công ty TNHH Thương mại ${b} Việt Nam`],
  agriculture: [(b) => `Công ty TNHH ${b} Việt Nam`],
};

export const domesticNameForms = (sector: Sector) => DOMESTIC_FORMS[sector];
export const foreignNameForms = (sector: Sector) => FOREIGN_FORMS[sector];
