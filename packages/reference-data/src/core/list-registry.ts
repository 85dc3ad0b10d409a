import { vsicList, type VsicEntry } from '../economy/vsic-list.js';
import { occupationList, type Occupation } from '../occupations/occupation-list.js';
import { cccdProvinceList, type CccdProvince } from '../people/cccd-province-list.js';
import { educationLevelList, type EducationLevel } from '../people/education-level-list.js';
import { ethnicGroupList, type EthnicGroup } from '../people/ethnic-group-list.js';
import { languageLevelList, type LanguageLevel } from '../people/language-level-list.js';
import { languageList, type Language } from '../people/language-list.js';
import { qualificationLevelList, type QualificationLevel } from '../people/qualification-level-list.js';
import { communeList, type Commune } from '../places/commune-list.js';
import { formerDistrictList, type FormerDistrict } from '../places/former-district-list.js';
import { industrialParkList, type IndustrialPark } from '../places/industrial-park-list.js';
import { priorityGroupList, type PriorityGroup } from '../policy/priority-group-list.js';
import { skillList, type Skill } from '../skills/skill-list.js';
import type { ListDefinition } from './list-definition.js';
import type { ListId } from './list-ids.js';

/** The row type of each list. */
export interface ListRows {
  occupations: Occupation;
  skills: Skill;
  'former-districts': FormerDistrict;
  communes: Commune;
  'industrial-parks': IndustrialPark;
  'ethnic-groups': EthnicGroup;
  'cccd-provinces': CccdProvince;
  'qualification-levels': QualificationLevel;
  'education-levels': EducationLevel;
  languages: Language;
  'language-levels': LanguageLevel;
  vsic: VsicEntry;
  'priority-groups': PriorityGroup;
}

export type ListRow<K extends ListId> = ListRows[K];

export const LIST_DEFINITIONS: { readonly [K in ListId]: ListDefinition<ListRows[K]> } = {
  occupations: occupationList,
  skills: skillList,
  'former-districts': formerDistrictList,
  communes: communeList,
  'industrial-parks': industrialParkList,
  'ethnic-groups': ethnicGroupList,
  'cccd-provinces': cccdProvinceList,
  'qualification-levels': qualificationLevelList,
  'education-levels': educationLevelList,
  languages: languageList,
  'language-levels': languageLevelList,
  vsic: vsicList,
  'priority-groups': priorityGroupList,
};

export const listDefinition = <K extends ListId>(id: K): ListDefinition<ListRows[K]> => LIST_DEFINITIONS[id];
