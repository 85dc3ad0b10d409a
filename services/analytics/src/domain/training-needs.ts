import type { VacancyProjection, WorkerProjection } from './projections.js';
import { openPositionsOf, shortageIndex } from './supply-demand.js';

export interface SkillNeed {
  skill: string;
  /** Open positions of open vacancies asking for the skill. */
  demand: number;
  /** Looking job seekers who have it. */
  supply: number;
  gap: number;
  shortageIndex: number;
}

/** Skills most demanded and least supplied: by gap (demand − supply), largest first. */
export function trainingNeeds(workers: Iterable<WorkerProjection>, vacancies: Iterable<VacancyProjection>, limit = 50): SkillNeed[] {
  const needs = new Map<string, { demand: number; supply: number }>();
  const need = (skill: string) => {
    let found = needs.get(skill);
    if (!found) needs.set(skill, (found = { demand: 0, supply: 0 }));
    return found;
  };
  for (const vacancy of vacancies) {
    const open = openPositionsOf(vacancy);
    if (open > 0) for (const skill of vacancy.skills ?? []) need(skill).demand += open;
  }
  for (const worker of workers) {
    if (worker.erased || worker.status !== 'looking') continue;
    for (const skill of worker.skills ?? []) if (needs.has(skill)) need(skill).supply += 1;
  }
  return [...needs]
    .map(([skill, { demand, supply }]) => ({ skill, demand, supply, gap: demand - supply, shortageIndex: shortageIndex(supply, demand) }))
    .filter((n) => n.demand > 0)
    .sort((a, b) => b.gap - a.gap || a.skill.localeCompare(b.skill))
    .slice(0, limit);
}
