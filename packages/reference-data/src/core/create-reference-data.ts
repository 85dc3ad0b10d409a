import { vsicHelpers } from '../economy/vsic-helpers.js';
import { occupationHelpers } from '../occupations/occupation-helpers.js';
import { languageLevelHelpers } from '../people/language-level-helpers.js';
import { placeHelpers } from '../places/place-helpers.js';
import { searchIndex, type SearchIndex, type SearchOptions } from '../search/search-list.js';
import { drivingLicenceCovers } from '../skills/driving-licences.js';
import { skillHelpers } from '../skills/skill-helpers.js';
import type { CodedRow } from './list-definition.js';
import type { ListId } from './list-ids.js';
import { LIST_DEFINITIONS, type ListRow } from './list-registry.js';
import { listLoader, type ReferenceDataOptions } from './reference-data.js';
import type { ReferenceList } from './reference-list.js';

export interface SearchFunction {
  <K extends ListId>(list: K, query: string, options?: SearchOptions): ListRow<K>[];
  <Row extends CodedRow>(list: ReferenceList<Row>, query: string, options?: SearchOptions): Row[];
}

function searchOver(list: <K extends ListId>(id: K) => ReferenceList<ListRow<K>>): SearchFunction {
  const indexes = new WeakMap<object, SearchIndex<CodedRow>>();
  const indexOf = (target: ReferenceList<CodedRow>): SearchIndex<CodedRow> => {
    let index = indexes.get(target);
    if (!index) {
      const labels = LIST_DEFINITIONS[target.id].labels as (row: CodedRow) => readonly string[];
      index = searchIndex(target.items, labels);
      indexes.set(target, index);
    }
    return index;
  };
  return ((target: ListId | ReferenceList<CodedRow>, query: string, options?: SearchOptions) =>
    indexOf(typeof target === 'string' ? (list(target) as ReferenceList<CodedRow>) : target).search(query, options)) as SearchFunction;
}

/**
 * Every list and helper over one data source. Nothing is read until a list
 * is first used; each list is then validated once and kept. Every function
 * is a closure, so they can be passed around or destructured.
 */
export function createReferenceData(options: ReferenceDataOptions = {}) {
  const loader = listLoader(options);
  const list = <K extends ListId>(id: K): ReferenceList<ListRow<K>> => loader.list(id);
  return {
    list,
    source: loader.source,
    search: searchOver(list),
    ...occupationHelpers(() => list('occupations')),
    ...skillHelpers(() => list('skills')),
    drivingLicenceCovers,
    ...placeHelpers(
      () => list('communes'),
      () => list('industrial-parks'),
    ),
    ...languageLevelHelpers(() => list('language-levels')),
    ...vsicHelpers(() => list('vsic')),
  };
}

export type ReferenceData = ReturnType<typeof createReferenceData>;
