import { z } from 'zod';

const count = z.coerce.number().nonnegative().max(100_000_000);

/** The figures of the official labour-force statistics the KPIs divide by, per area and period (persons). */
export const LABOUR_FORCE_FIGURES = {
  labourForce: ['Lực lượng lao động', 'labour force'],
  employed: ['Số người có việc làm', 'Lao động có việc làm', 'employed'],
  agriculturalWorkers: ['Lao động nông, lâm nghiệp và thủy sản', 'Lao động nông nghiệp', 'agricultural workers'],
  trainedWorkers: ['Lao động qua đào tạo', 'trained workers'],
  certifiedWorkers: ['Lao động có bằng cấp, chứng chỉ', 'Có bằng cấp chứng chỉ', 'certified workers', 'with degree or certificate'],
  retrainedWorkers: ['Lao động được đào tạo lại', 'retrained workers'],
  unemployed: ['Số người thất nghiệp', 'unemployed'],
  urbanLabourForce: ['Lực lượng lao động thành thị', 'urban labour force'],
  urbanUnemployed: ['Số người thất nghiệp thành thị', 'urban unemployed'],
  urbanYouthLabourForce: ['Lực lượng lao động thanh niên thành thị', 'urban youth labour force'],
  urbanYouthUnemployed: ['Thanh niên thất nghiệp thành thị', 'urban youth unemployed'],
  ruralYouthLabourForce: ['Lực lượng lao động thanh niên nông thôn', 'rural youth labour force'],
  ruralYouthUnderemployed: ['Thanh niên thiếu việc làm nông thôn', 'rural youth underemployed'],
  socialInsurance: ['Người tham gia BHXH', 'Tham gia bảo hiểm xã hội', 'social insurance participants'],
  voluntarySocialInsurance: ['Người tham gia BHXH tự nguyện', 'Tham gia bảo hiểm xã hội tự nguyện', 'voluntary social insurance participants'],
  unemploymentInsurance: ['Người tham gia BHTN', 'Tham gia bảo hiểm thất nghiệp', 'unemployment insurance participants'],
} as const;
export type LabourForceFigure = keyof typeof LABOUR_FORCE_FIGURES;
export const FIGURE_NAMES = Object.keys(LABOUR_FORCE_FIGURES) as LabourForceFigure[];

export const LABOUR_FORCE_COLUMNS = {
  area: ['Mã địa bàn', 'Địa bàn', 'area code', 'area'],
  period: ['Kỳ', 'Kỳ báo cáo', 'period'],
  ...LABOUR_FORCE_FIGURES,
} as const;

/** One row of the table: an area (province, former district or commune code), a period, and the figures known. */
export const labourForceRow = z
  .object({
    area: z.string().regex(/^(\d{2}|\d{3}|\d{5})$/, 'province (2 digits), former district (3) or commune (5) code'),
    period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'YYYY, YYYY-MM or YYYY-Qn'),
    ...Object.fromEntries(FIGURE_NAMES.map((name) => [name, count.optional()])),
  })
  .strict() as unknown as z.ZodType<LabourForceRow>;

export type LabourForceRow = { area: string; period: string } & Partial<Record<LabourForceFigure, number>>;

/** The stored document: one per area and period, replaced whole by a newer upload. */
export interface LabourForceDoc extends LabourForceRow {
  _id: string;
  uploadedAt: string;
  uploadedBy: string;
}

export const labourForceId = (row: Pick<LabourForceRow, 'area' | 'period'>): string => `${row.period}|${row.area}`;
