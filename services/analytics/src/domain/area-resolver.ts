import { commune } from '@ketnoi/reference-data';
import type { AreaResolver } from './dimensions.js';

/** Areas from the packaged reference data: a commune's former district, and whether it is a ward (urban). */
export const referenceAreas = (provinceCode: string): AreaResolver & { isUrban: (communeCode: string) => boolean | undefined } => ({
  provinceCode,
  formerDistrictOf: (code) => commune(code)?.former_district_codes[0],
  isUrban: (code) => {
    const found = commune(code);
    return found === undefined ? undefined : found.type === 'ward';
  },
});
