let recordedSeq = 0;

/** Outbox ids in the order they were recorded (time, then a counter). */
export const outboxId = (): string => `${String(Date.now()).padStart(15, '0')}-${String((recordedSeq += 1)).padStart(9, '0')}`;
