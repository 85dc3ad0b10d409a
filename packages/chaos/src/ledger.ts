/** What the system acknowledged: the inputs whose effects must all be there once it settles. */
export interface Ledger {
  /** Citizen-ID → the worker as sent (email, phone) for each worker whose produce Kafka acknowledged (acks=all). */
  workers: Map<string, { externalRef: string; email?: string | undefined; phone?: string | undefined }>;
  /** Workers whose produce never got an acknowledgement before the deadline (unknown outcome). */
  workersUnacknowledged: number;
  employers: Map<string, string>;
  /** Idempotency-Key → the vacancy id of its 2xx answer(s) (more than one is a duplicated vacancy), and its positions. */
  vacancies: Map<string, { vacancyIds: Set<string>; positions: number }>;
  vacanciesRejected: { key: string; status: number; code: string }[];
  vacanciesUnknown: number;
  /** Idempotency-Key → the accepted hire. */
  hires: Map<string, { vacancyId: string; workerId: string }>;
  hiresRejected: { key: string; status: number; code: string }[];
  /** Hires that never got a final answer: whether they took effect is looked at after the run. */
  hiresUnknown: { vacancyId: string; workerId: string }[];
}

export const emptyLedger = (): Ledger => ({
  workers: new Map(),
  workersUnacknowledged: 0,
  employers: new Map(),
  vacancies: new Map(),
  vacanciesRejected: [],
  vacanciesUnknown: 0,
  hires: new Map(),
  hiresRejected: [],
  hiresUnknown: [],
});

/** Distinct accepted vacancy ids. */
export const acceptedVacancyIds = (ledger: Ledger): Set<string> => new Set([...ledger.vacancies.values()].flatMap((v) => [...v.vacancyIds]));
