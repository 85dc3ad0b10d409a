import { createReferenceData } from './core/create-reference-data.js';

export { createReferenceData, type ReferenceData, type SearchFunction } from './core/create-reference-data.js';
export type { ReferenceDataOptions } from './core/reference-data.js';
export type { ReferenceList } from './core/reference-list.js';
export { LIST_IDS, isListId, type ListId } from './core/list-ids.js';
export { LIST_DEFINITIONS, listDefinition, type ListRow, type ListRows } from './core/list-registry.js';
export type { ListDefinition, ListReference, CodedRow } from './core/list-definition.js';
export { loadListFromCsv, type LoadOptions, type LoadResult } from './core/load-list-from-csv.js';
export type { KnownCodes } from './core/check-references.js';
export { writeListCsv } from './core/write-list-csv.js';
export { formatRowErrors, type RowError } from './core/row-error.js';
export { readManifest, writeManifest, manifestSchema, listVersion, MANIFEST_FILE, type Manifest, type ManifestEntry } from './core/manifest.js';
export { PACKAGED_DATA_DIR } from './core/data-dir.js';
export { parseCsv, type CsvTable, type CsvRecord } from './csv/parse-csv.js';
export { writeCsv } from './csv/write-csv.js';
export { fold, tokens } from './search/fold.js';
export { searchIndex, type SearchOptions, type SearchIndex } from './search/search-list.js';
export { OCCUPATION_LEVELS, type Occupation, type OccupationLevel } from './occupations/occupation-list.js';
export { OCCUPATION_SIMILARITY_BY_SHARED_DIGITS, codeSimilarity, codeDistance } from './occupations/occupation-similarity.js';
export { SKILL_KINDS, type Skill } from './skills/skill-list.js';
export { SKILL_SIMILARITY } from './skills/skill-similarity.js';
export { DRIVING_LICENCE_CLASSES, drivingLicenceCovers } from './skills/driving-licences.js';
export { communeFullName, type Commune } from './places/commune-list.js';
export { FORMER_PROVINCES, type FormerDistrict } from './places/former-district-list.js';
export type { IndustrialPark } from './places/industrial-park-list.js';
export type { Place } from './places/place-helpers.js';
export { PROVINCE_BOUNDING_BOX, isInProvince, type LatLon } from './places/bounding-box.js';
export { ROAD_FACTOR, EARTH_RADIUS_KM, haversineKm, roadKm } from './places/distance.js';
export type { EthnicGroup } from './people/ethnic-group-list.js';
export type { CccdProvince } from './people/cccd-province-list.js';
export { QUALIFICATION_CODES, type QualificationLevel } from './people/qualification-level-list.js';
export type { EducationLevel } from './people/education-level-list.js';
export { LANGUAGE_CODES, type Language } from './people/language-list.js';
export { LEVEL_SCHEMES, CEFR_LEVELS, type LanguageLevel, type LevelScheme } from './people/language-level-list.js';
export type { VsicEntry } from './economy/vsic-list.js';
export { PRIORITY_GROUP_CODES, type PriorityGroup } from './policy/priority-group-list.js';
export { replaceList, type ReplaceRequest, type ReplaceOutcome } from './replace/replace-list.js';
export { nextVersion } from './replace/next-version.js';

/** The packaged lists. Services that honour REFERENCE_DATA_DIR call createReferenceData({ dir }) instead. */
export const referenceData = createReferenceData();

export const {
  list,
  search,
  occupation,
  parentOf,
  ancestors,
  childrenOf,
  unitGroups,
  occupationSimilarity,
  occupationDistance,
  skill,
  skillAncestors,
  skillSimilarity,
  commune,
  industrialPark,
  place,
  distanceKm,
  parksIn,
  languageLevel,
  meetsLanguageLevel,
  vsic,
  divisionsOf,
  vsicContractCode,
} = referenceData;
