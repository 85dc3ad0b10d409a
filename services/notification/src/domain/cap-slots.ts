/** The ids of a worker's slots for a day: `<workerId>:<day>:<n>`, n from 1 to the cap. */
export const capSlotIds = (workerId: string, day: string, cap: number): string[] => Array.from({ length: cap }, (_, n) => `${workerId}:${day}:${n + 1}`);

/**
 * Takes the first free slot of the worker's day for the match in `holders`
 * (slot id → matchId), or finds the one it holds already (a redelivery).
 * Returns the slot newly taken, 'held' for a slot the match had, or null when
 * the day is full. `holders` is updated.
 */
export function takeCapSlot(holders: Map<string, string>, workerId: string, day: string, matchId: string, cap: number): string | 'held' | null {
  for (const id of capSlotIds(workerId, day, cap)) {
    const holder = holders.get(id);
    if (holder === undefined) {
      holders.set(id, matchId);
      return id;
    }
    if (holder === matchId) return 'held';
  }
  return null;
}
