import { explain } from '../../domain/explain.js';
import type { MatchVacancy } from '../../domain/model.js';
import { skillsOf } from '../../domain/model.js';
import type { Ranked } from '../../domain/ranking.js';
import type { MatchEngine } from '../../engine/match-engine.js';
import { matchIdOf } from '../../use-cases/match-announcer.js';

/** A page of a vacancy's list as candidate cards: scores and what the worker brings, nothing personal. */
export function candidateCards(engine: MatchEngine, vacancy: MatchVacancy, list: Ranked[], offset: number, limit: number, isStaff: boolean) {
  const { tables } = engine.ctx;
  return list.slice(offset, offset + limit).flatMap((entry, i) => {
    const worker = engine.workers.get(entry.id);
    if (!worker) return [];
    const { factors, boost } = explain(engine.ctx, worker, vacancy);
    const [from, to] = skillsOf(worker);
    return [
      {
        matchId: matchIdOf(vacancy.id, entry.id),
        workerId: entry.id,
        rank: offset + i + 1,
        score: entry.score,
        factors,
        qualification: tables.qualifications.codeOf(worker.qualification),
        experienceYears: worker.experienceTenths / 10,
        skills: Array.from(worker.lists.subarray(from, to), (id) => tables.skills.codeOf(id)),
        ...(isStaff ? { boost } : {}),
      },
    ];
  });
}
