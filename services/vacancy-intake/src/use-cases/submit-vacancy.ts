import { conflict } from '@ketnoi/errors';
import { createHash } from 'node:crypto';
import { findDuplicate, mergeTerms } from '../domain/duplicates.js';
import { assertActive } from '../domain/employer.js';
import { newId } from '../domain/ids.js';
import { canonicalJson } from '../domain/same-value.js';
import { openVacancy, reviseVacancy, type PostingSource, type VacancyState } from '../domain/vacancy.js';
import { assertAcceptableTerms } from '../domain/vacancy-rules.js';
import type { VacancyTerms } from '../domain/vacancy-terms.js';
import { termsFieldIs } from '../repositories/vacancy-heads.js';
import type { UseCaseContext } from './context.js';
import { getEmployer } from './employers.js';
import { retryOnConflict } from './retry-on-conflict.js';
import { saveChange, termsContext, type Vacancy } from './vacancies.js';

export interface Submission {
  employerId: string;
  terms: VacancyTerms;
  /** Who sent it (a CloudEvents source, or `import:<employerId>`), and its own id for the posting. */
  source: string;
  externalRef?: string;
}

export type SubmissionOutcome = 'created' | 'updated' | 'merged' | 'unchanged';

export interface SubmissionResult {
  outcome: SubmissionOutcome;
  vacancyId: string;
  version: number;
}

interface Incoming {
  employerId: string;
  terms: VacancyTerms;
  /** Absent for a posting without an external reference. */
  source?: PostingSource;
}

const MAX_OPEN_COMPARED = 500;

const fingerprint = (terms: VacancyTerms) => createHash('sha256').update(canonicalJson(terms)).digest('base64url');

async function openPostingsLike(ctx: UseCaseContext, employerId: string, terms: VacancyTerms): Promise<Vacancy[]> {
  const heads = await ctx.stores.vacancies.heads
    .find({ employerId, status: 'open', $and: [termsFieldIs('occupationCode', terms.occupationCode), termsFieldIs('communeCode', terms.communeCode)] })
    .limit(MAX_OPEN_COMPARED)
    .lean();
  return heads.map(({ _id, version, updatedAt, ...state }) => ({ id: _id, version, updatedAt, state: state as unknown as VacancyState }));
}

/**
 * Applies a posting to an existing vacancy: a source that resends what it
 * sent last changes nothing; the only source of a vacancy replaces its terms;
 * a vacancy fed by several sources merges them.
 */
async function apply(ctx: UseCaseContext, target: Vacancy, incoming: Incoming, outcome: 'updated' | 'merged'): Promise<SubmissionResult> {
  const unchanged = { outcome: 'unchanged' as const, vacancyId: target.id, version: target.version };
  if (target.state.employerId !== incoming.employerId) {
    throw conflict('The external reference already names another employer\'s vacancy', { details: { vacancyId: target.id } });
  }
  if (target.state.status !== 'open') return unchanged;
  const sources = target.state.sources ?? [];
  const { source } = incoming;
  if (source && sources.some((s) => s.ref === source.ref && s.fingerprint === source.fingerprint)) return unchanged;
  const merging = outcome === 'merged' || sources.some((s) => s.ref !== source?.ref);
  const next = merging ? mergeTerms(target.state.terms, incoming.terms) : incoming.terms;
  assertAcceptableTerms(next, termsContext(ctx, target.state.terms));
  const change = reviseVacancy(target.state, next, ctx.now());
  if (change === null) return unchanged;
  if (source) change.state.sources = [...sources.filter((s) => s.ref !== source.ref), source];
  const saved = await saveChange(ctx, target.id, target.version, change);
  return { outcome: merging ? 'merged' : 'updated', vacancyId: saved.id, version: saved.version };
}

/**
 * A posting from a bulk source (import row, ingest message). Its external
 * reference, when it has one, maps to one vacancy for good (a unique claim);
 * a new posting that duplicates an open one of the same employer is merged
 * into it instead of published twice. Replaying the same submission changes
 * nothing, so ingest redelivery and re-imports are harmless.
 */
export async function submitVacancy(ctx: UseCaseContext, submission: Submission): Promise<SubmissionResult> {
  const { employerId, terms, source, externalRef } = submission;
  const employer = await getEmployer(ctx, employerId);
  assertActive(employer.state);
  assertAcceptableTerms(terms, termsContext(ctx));
  const ref = externalRef === undefined ? undefined : `${source}|${externalRef}`;
  const incoming: Incoming = { employerId, terms, ...(ref === undefined ? {} : { source: { ref, fingerprint: fingerprint(terms) } }) };

  return retryOnConflict(async () => {
    const knownId = ref === undefined ? undefined : await ctx.stores.externalRefs.ownerOf(ref);
    const known = knownId === undefined ? null : await ctx.stores.vacancies.get(knownId);
    if (known) return apply(ctx, known, incoming, 'updated');

    const duplicate = knownId === undefined ? findDuplicate(employerId, terms, await openPostingsLike(ctx, employerId, terms)) : undefined;
    const targetId = knownId ?? duplicate?.id ?? newId('vac', ctx.now().getTime());
    // Claimed before the vacancy is saved: a crash in between leaves a claim the redelivery completes.
    const owner = ref === undefined ? targetId : await ctx.stores.externalRefs.claim(ref, targetId);
    if (duplicate && owner === duplicate.id) return apply(ctx, duplicate, incoming, 'merged');
    // Our own id (fresh, or a claim already read above as unsaved) holds no vacancy yet; another's may.
    const existing = owner === targetId ? null : await ctx.stores.vacancies.get(owner);
    if (existing) return apply(ctx, existing, incoming, 'updated');
    const change = openVacancy({ employerId, fdi: employer.state.fdi, vsicSector: employer.state.vsicSector }, terms, ctx.now());
    if (incoming.source) change.state.sources = [incoming.source];
    const saved = await saveChange(ctx, owner, 0, change);
    return { outcome: 'created', vacancyId: saved.id, version: saved.version };
  });
}
