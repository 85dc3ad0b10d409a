import { fold, type ReferenceData } from '@ketnoi/reference-data';
import type { ReferenceLookup } from '../domain/reference-lookup.js';

/** Registration's questions, answered from the reference lists. */
export function referenceLookup(data: ReferenceData): ReferenceLookup {
  const isSkillOfKind = (code: string, kind: string) => data.list('skills').get(code)?.kind === kind;
  return {
    isCccdProvince: (code) => data.list('cccd-provinces').has(code),
    isEthnicGroup: (code) => data.list('ethnic-groups').has(code),
    communeDistrict: (code) => {
      const commune = data.list('communes').get(code);
      if (!commune) return undefined;
      // A commune merged from several former districts keeps the first as its history.
      return commune.former_district_codes[0] ?? null;
    },
    isOccupation: (code) => data.list('occupations').has(code),
    isSkill: (code) => isSkillOfKind(code, 'skill'),
    isCertificate: (code) => isSkillOfKind(code, 'certificate'),
    ethnicGroupNamed: (name) => {
      const wanted = fold(name);
      return data.list('ethnic-groups').items.find((g) => fold(g.label_vi) === wanted || fold(g.label_en) === wanted)?.code;
    },
    communeNamed: (name) => {
      const wanted = fold(name).replace(/^(xa|phuong)\s+/, '');
      return data.list('communes').items.find((c) => fold(c.name) === wanted)?.code;
    },
  };
}
