import type { SaveInput, VersionedStore } from '@ketnoi/service-kit';
import type { VacancyState } from '../domain/vacancy.js';

/**
 * The places of a vacancy's terms that lists and duplicate look-ups filter on,
 * copied to the top level of its head (`headFields`, never in the history):
 * the head schema is not strict, so `terms` and `sources` are packed into one
 * JSON text (service-kit `packed-heads.ts`) and `terms.<field>` is no longer
 * a path a filter can reach.
 */
export const TERMS_SEARCH_FIELDS = ['occupationCode', 'communeCode', 'industrialParkCode'] as const;
type SearchField = (typeof TERMS_SEARCH_FIELDS)[number];

function searchFields(state: VacancyState): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of TERMS_SEARCH_FIELDS) {
    const value = (state.terms as Record<string, unknown>)[field];
    if (value !== undefined) fields[field] = value;
  }
  return fields;
}

/** The state without the head-only copies a head read gives back (so they never reach the history). */
function withoutSearchFields(state: VacancyState): VacancyState {
  const copy = { ...state } as Record<string, unknown>;
  for (const field of TERMS_SEARCH_FIELDS) delete copy[field];
  return copy as unknown as VacancyState;
}

/** Saves a vacancy with its search fields on the head: every save of a vacancy goes through here. */
export function saveVacancy(store: VersionedStore<VacancyState>, input: Omit<SaveInput<VacancyState>, 'headFields'>) {
  const state = withoutSearchFields(input.state);
  return store.save({ ...input, state, headFields: searchFields(state) });
}

/**
 * Rebuilds the head of a vacancy whose version was stored but whose head was
 * not moved to it (its writer stopped in between), search fields included.
 * Returns the vacancy's latest version; null when it has none.
 */
export function repairVacancyHead(store: VersionedStore<VacancyState>, vacancyId: string) {
  return store.repairHead(vacancyId, { headFields: (latest) => searchFields(withoutSearchFields(latest.state)) });
}

/**
 * A filter on one of the terms' search fields. A head written before its
 * terms were packed (no top-level copy) is matched by `terms.<field>`.
 */
export const termsFieldIs = (field: SearchField, value: string) => ({ $or: [{ [field]: value }, { [`terms.${field}`]: value }] });
