import { skillsOf } from '../../domain/model.js';
import type { ReferenceTables } from '../../domain/reference-tables.js';
import { matchIdOf } from '../../use-cases/match-events.js';
import type { Candidate } from '../../use-cases/match-reads.js';

/** Candidates as cards: scores and what the worker brings, nothing personal; the boost (priority groups) for staff only. */
export function candidateCards(tables: ReferenceTables, vacancyId: string, candidates: readonly Candidate[], isStaff: boolean) {
  return candidates.map(({ worker, rank, score, factors, boost }) => {
    const [from, to] = skillsOf(worker);
    return {
      matchId: matchIdOf(vacancyId, worker.id),
      workerId: worker.id,
      rank,
      score,
      factors,
      qualification: tables.qualifications.codeOf(worker.qualification),
      experienceYears: worker.experienceTenths / 10,
      skills: Array.from(worker.lists.subarray(from, to), (id) => tables.skills.codeOf(id)),
      ...(isStaff ? { boost } : {}),
    };
  });
}
