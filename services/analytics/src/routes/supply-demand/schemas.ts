import { z } from 'zod';
import { AREA_LEVELS, EXTRA_DIMENSIONS, OCCUPATION_LEVELS } from '../../domain/dimensions.js';

const dims = EXTRA_DIMENSIONS.join('|');
export const periodParam = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?|-Q[1-4])?$/, 'YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD')
  .optional()
  .describe('Flows within this period (year, quarter, month or day in Vietnam); all time when absent');
export const formatParam = z.enum(['json', 'csv', 'xlsx']).optional().describe('csv or xlsx: the same as Accept: text/csv or the XLSX type');

export const supplyDemandQuery = z.strictObject({
  level: z.enum(AREA_LEVELS).default('province').describe('Area level of the cells'),
  occupationLevel: z.enum(OCCUPATION_LEVELS).default('major').describe('ISCO-08 level of the cells'),
  groupBy: z
    .string()
    .regex(new RegExp(`^(${dims})(,(${dims}))*$`), `comma-separated: ${EXTRA_DIMENSIONS.join(', ')}`)
    .optional()
    .describe('More dimensions to group by; a side that does not know one (workers have no sector) is null'),
  area: z.string().regex(/^(\d{2}|\d{3}|\d{5})$/).optional().describe('Only this province, former district or commune'),
  occupation: z.string().regex(/^\d{1,4}$/).optional().describe('Only occupations under this ISCO-08 code'),
  sector: z.string().regex(/^[A-U]$/).optional().describe('Only vacancies of this VSIC section'),
  fdi: z.enum(['fdi', 'domestic']).optional(),
  qualification: z.enum(['none', 'elementary', 'intermediate', 'college', 'university', 'postgraduate']).optional(),
  gender: z.enum(['male', 'female', 'other']).optional(),
  ageBand: z.enum(['under-15', '15-24', '25-29', '30-39', '40-49', '50-59', '60+', 'youth-15-24', 'youth-15-29']).optional(),
  priority: z
    .enum(['none', 'poorHousehold', 'nearPoorHousehold', 'recentlyOutOfPoverty', 'ethnicMinority', 'disability', 'backFromAbroad', 'demobilised', 'youth'])
    .optional(),
  period: periodParam,
  format: formatParam,
});
