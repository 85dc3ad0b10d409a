import { priorityGroups } from '@ketnoi/contracts';

/** The plan's priority groups, in the contract's order: bit i of a mask is group i. */
export const PRIORITY_GROUPS = Object.keys(priorityGroups.shape) as (keyof typeof priorityGroups.shape)[];
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

export const priorityMask = (flags: Partial<Record<PriorityGroup, boolean>>): number =>
  PRIORITY_GROUPS.reduce((mask, group, i) => (flags[group] ? mask | (1 << i) : mask), 0);

export const groupsOf = (mask: number): PriorityGroup[] => PRIORITY_GROUPS.filter((_, i) => (mask & (1 << i)) !== 0);
