import { isDuplicateKey } from '@ketnoi/errors';
import type { AggregateVersion, SaveInput, VersionedStore } from '@ketnoi/service-kit';
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
 * Writes the head of a vacancy whose first version was stored but whose head
 * never was (its writer stopped in between). The head is written unpacked,
 * as heads were before packing (reads and filters take both); one that is
 * there already (written meanwhile) is kept.
 */
export async function restoreFirstHead(store: VersionedStore<VacancyState>, first: AggregateVersion<VacancyState>): Promise<void> {
  const state = withoutSearchFields(first.state);
  try {
    await store.heads.insertMany([{ ...state, ...searchFields(state), _id: first.id, version: first.version, updatedAt: first.updatedAt }]);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/**
 * A filter on one of the terms' search fields. A head written before its
 * terms were packed (no top-level copy) is matched by `terms.<field>`.
 */
export const termsFieldIs = (field: SearchField, value: string) => ({ $or: [{ [field]: value }, { [`terms.${field}`]: value }] });
