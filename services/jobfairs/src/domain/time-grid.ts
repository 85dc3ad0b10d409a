/**
 * Interviews start and end on a grid of `gridMinutes`, so two interviews
 * overlap exactly when they share a grid cell. A booking claims one cell per
 * grid step for its worker (a unique `_id` each): a clashing booking finds a
 * cell taken and fails, without any atomic update.
 */
export const onGrid = (at: Date, gridMinutes: number): boolean => at.getTime() % (gridMinutes * 60_000) === 0;

export function gridCells(startsAt: Date, endsAt: Date, gridMinutes: number): string[] {
  const step = gridMinutes * 60_000;
  const cells: string[] = [];
  for (let t = startsAt.getTime(); t < endsAt.getTime(); t += step) cells.push(new Date(t).toISOString());
  return cells;
}

export const overlaps = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }): boolean =>
  Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);
