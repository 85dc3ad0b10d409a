import type { LabourForceFigure, LabourForceRow } from './labour-force.js';

export type KpiBasis = 'registry' | 'survey' | 'registry+survey';

/** What the registry knows of an area now, for the registry-based indicators. */
export interface RegistryCounts {
  /** Workers in the registry (not erased), whatever their status. */
  registered: number;
  /** Of them, with a qualification (elementary certificate or above). */
  certified: number;
  /** Looking workers who declared themselves unemployed. */
  unemployedJobSeekers: number;
}

export interface KpiDefinition {
  id: string;
  vi: string;
  en: string;
  target: number;
  comparison: 'at-least' | 'at-most';
  basis: KpiBasis;
  source: string;
  /** Numerator and denominator, or undefined when the figures are missing. */
  parts: (survey: LabourForceRow | undefined, registry: RegistryCounts | undefined) => [number, number] | undefined;
}

const SURVEY_SOURCE = 'labour-force statistics uploaded by analysts (POST /v1/reference/labour-force)';
const REGISTRY_SOURCE = 'KetNoi registry (workers.v1)';

const ratio =
  (numerator: LabourForceFigure, denominator: LabourForceFigure) =>
  (survey: LabourForceRow | undefined): [number, number] | undefined => {
    const n = survey?.[numerator];
    const d = survey?.[denominator];
    return n === undefined || d === undefined || d === 0 ? undefined : [n, d];
  };

const survey = (
  id: string,
  vi: string,
  en: string,
  target: number,
  comparison: KpiDefinition['comparison'],
  numerator: LabourForceFigure,
  denominator: LabourForceFigure,
): KpiDefinition => ({ id, vi, en, target, comparison, basis: 'survey', source: `${SURVEY_SOURCE}: ${numerator} / ${denominator}`, parts: ratio(numerator, denominator) });

/** The plan's indicators and their 2025 targets (per cent). */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  survey('agricultural-share', 'Tỷ trọng lao động nông nghiệp', 'Agricultural workers share', 25, 'at-most', 'agriculturalWorkers', 'employed'),
  survey('trained-share', 'Tỷ lệ lao động qua đào tạo', 'Trained workers', 75, 'at-least', 'trainedWorkers', 'labourForce'),
  survey('certified-share', 'Tỷ lệ lao động có bằng cấp, chứng chỉ', 'Trained with degree or certificate', 32, 'at-least', 'certifiedWorkers', 'labourForce'),
  survey('retrained-share', 'Tỷ lệ lao động được đào tạo lại', 'Retrained share', 25, 'at-least', 'retrainedWorkers', 'labourForce'),
  survey('unemployment-rate', 'Tỷ lệ thất nghiệp', 'Unemployment rate', 2, 'at-most', 'unemployed', 'labourForce'),
  survey('urban-unemployment-rate', 'Tỷ lệ thất nghiệp thành thị', 'Urban unemployment rate', 3, 'at-most', 'urbanUnemployed', 'urbanLabourForce'),
  survey('urban-youth-unemployment-rate', 'Tỷ lệ thất nghiệp thanh niên thành thị', 'Urban youth unemployment', 7, 'at-most', 'urbanYouthUnemployed', 'urbanYouthLabourForce'),
  survey('rural-youth-underemployment-rate', 'Tỷ lệ thiếu việc làm thanh niên nông thôn', 'Rural youth underemployment', 6, 'at-most', 'ruralYouthUnderemployed', 'ruralYouthLabourForce'),
  survey('social-insurance-share', 'Tỷ lệ tham gia BHXH', 'Social insurance participation', 45, 'at-least', 'socialInsurance', 'labourForce'),
  survey('voluntary-social-insurance-share', 'Tỷ lệ tham gia BHXH tự nguyện', 'Voluntary social insurance', 2.5, 'at-least', 'voluntarySocialInsurance', 'labourForce'),
  survey('unemployment-insurance-share', 'Tỷ lệ tham gia BHTN', 'Unemployment insurance participation', 35, 'at-least', 'unemploymentInsurance', 'labourForce'),
  {
    id: 'registry-certified-share',
    vi: 'Tỷ lệ người đăng ký có bằng cấp, chứng chỉ',
    en: 'Registered workers with degree or certificate',
    target: 32,
    comparison: 'at-least',
    basis: 'registry',
    source: `${REGISTRY_SOURCE}: qualification elementary or above / workers registered`,
    parts: (_survey, registry) => (registry === undefined || registry.registered === 0 ? undefined : [registry.certified, registry.registered]),
  },
  {
    id: 'registered-unemployment-rate',
    vi: 'Tỷ lệ thất nghiệp đăng ký',
    en: 'Registered unemployment rate',
    target: 2,
    comparison: 'at-most',
    basis: 'registry+survey',
    source: `${REGISTRY_SOURCE}: unemployed job seekers / labourForce of the ${SURVEY_SOURCE}`,
    parts: (surveyRow, registry) => {
      const d = surveyRow?.labourForce;
      return registry === undefined || d === undefined || d === 0 ? undefined : [registry.unemployedJobSeekers, d];
    },
  },
];

export interface KpiResult {
  kpi: string;
  vi: string;
  en: string;
  value: number;
  target: number;
  unit: '%';
  comparison: KpiDefinition['comparison'];
  met: boolean;
  basis: KpiBasis;
  source: string;
  numerator: number;
  denominator: number;
}

/** The indicators computable from the figures given, in per cent, each against its target. */
export function computeKpis(surveyRow: LabourForceRow | undefined, registry: RegistryCounts | undefined): KpiResult[] {
  return KPI_DEFINITIONS.flatMap((definition) => {
    const parts = definition.parts(surveyRow, registry);
    if (!parts) return [];
    const [numerator, denominator] = parts;
    const value = Math.round((numerator / denominator) * 100 * 1000) / 1000;
    const met = definition.comparison === 'at-least' ? value >= definition.target : value <= definition.target;
    const { parts: _parts, id, ...rest } = definition;
    return [{ ...rest, kpi: id, value, unit: '%' as const, met, numerator, denominator }];
  });
}
