import type { z } from 'zod';
import type { priorityGroups, WorkerProfile } from '@ketnoi/contracts';

export type { WorkerProfile };
export type PriorityGroups = z.infer<typeof priorityGroups>;
