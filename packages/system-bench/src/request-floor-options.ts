import { z } from 'zod';

/** The request floor server's settings, handed over by the bench as its one argument (JSON). */
export const requestFloorOptions = z.object({
  /** The process's name in the CPU/RSS table. */
  name: z.string().min(1),
  brokers: z.array(z.string().min(1)).min(1),
  mongoUrl: z.string().startsWith('mongodb://'),
  dbName: z.string().min(1),
  /** Where the relay produces (the phase's own, vacancies.v1's partition count). */
  topic: z.string().min(1),
  /** The employer every POST names (seeded by the bench; as long as a real id). */
  employerId: z.string().length(30),
});

export type RequestFloorOptions = z.output<typeof requestFloorOptions>;
