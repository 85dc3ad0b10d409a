/** The ids of a worker's slots for a day: `<workerId>:<day>:<n>`, n from 1 to the cap. */
export const capSlotIds = (workerId: string, day: string, cap: number): string[] => Array.from({ length: cap }, (_, n) => `${workerId}:${day}:${n + 1}`);

/** The id of a worker's last slot for a day: taken, the day is full. */
export const lastCapSlotId = (workerId: string, day: string, cap: number): string => `${workerId}:${day}:${cap}`;

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

/** The holder of a slot not read: the worker's last slot is taken, so every earlier one is (a match takes the first free slot). */
export const UNREAD_HOLDER = '';

/**
 * A full day as the judge needs it when only its last slot was read: that
 * slot's holder, and every earlier slot held by a match not read. A match
 * judged against it holds no slot (it is capped), so the earlier slots'
 * holders must be read whenever a match of the batch may hold one.
 */
export const fullDayHolders = (workerId: string, day: string, cap: number, lastHolder: string): [string, string][] =>
  capSlotIds(workerId, day, cap).map((id, n) => [id, n === cap - 1 ? lastHolder : UNREAD_HOLDER]);
