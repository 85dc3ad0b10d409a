import { createReferenceData } from '@ketnoi/reference-data';
import type { References } from './domain/references.js';

/**
 * The domain's reference checks over @ketnoi/reference-data (packaged lists,
 * or the replaced ones in `dir`). Lists load and validate on first use.
 */
export function referencesFromConfig(dir?: string): References {
  const data = createReferenceData(dir === undefined ? {} : { dir });
  const isVsic = (code: string) => {
    const match = /^([A-U])(\d{2})?\d*$/.exec(code);
    if (!match) return false;
    const [, section, division] = match;
    if (division === undefined) return data.vsic(section!)?.level === 'section';
    return data.vsic(division)?.section === section;
  };
  return {
    isOccupation: (code) => data.occupation(code) !== undefined,
    isCommune: (code) => data.commune(code) !== undefined,
    parkCommune: (code) => data.industrialPark(code)?.commune_code,
    isSkill: (code) => data.skill(code)?.kind === 'skill',
    isCertificate: (code) => data.skill(code)?.kind === 'certificate',
    isVsic,
    communeByName: (name) => {
      const found = data.search('communes', name.replace(/^(xã|phường|xa|phuong)\s+/i, ''), { limit: 2 });
      return found.length === 1 || (found[0] && found[0].name.toLowerCase() === name.toLowerCase()) ? found[0]?.code : undefined;
    },
  };
}
