import type { VacancyState } from '../domain/vacancy.js';
import { TERMS_SEARCH_FIELDS, termsFieldIs } from '../repositories/vacancy-heads.js';
import type { UseCaseContext } from './context.js';
import type { Vacancy } from './vacancies.js';

export interface VacancyFilter {
  employerId?: string | undefined;
  status?: string | undefined;
  occupationCode?: string | undefined;
  communeCode?: string | undefined;
  industrialParkCode?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Newest first (ids sort by creation), a page at a time with a cursor. */
export async function listVacancies(ctx: UseCaseContext, filter: VacancyFilter): Promise<{ items: Vacancy[]; nextCursor: string | null }> {
  const query: Record<string, unknown> = {};
  if (filter.employerId !== undefined) query.employerId = filter.employerId;
  if (filter.status !== undefined) query.status = filter.status;
  const terms = TERMS_SEARCH_FIELDS.flatMap((field) => (filter[field] === undefined ? [] : [termsFieldIs(field, filter[field])]));
  if (terms.length > 0) query.$and = terms;
  if (filter.cursor !== undefined) query._id = { $lt: filter.cursor };
  const heads = await ctx.stores.vacancies.heads.find(query).sort({ _id: -1 }).limit(filter.limit + 1).lean();
  const items = heads.slice(0, filter.limit).map(({ _id, version, updatedAt, ...state }) => ({
    id: _id,
    version,
    updatedAt,
    state: state as unknown as VacancyState,
  }));
  return { items, nextCursor: heads.length > filter.limit ? items.at(-1)!.id : null };
}
