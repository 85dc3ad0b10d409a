/** What the batcher needs of a collection (the driver's, e.g. `model.collection`). */
export interface InsertTarget {
  insertMany(docs: Record<string, unknown>[], options: { ordered: false }): Promise<unknown>;
}

interface Waiting {
  doc: Record<string, unknown>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit of inserts into one collection: inserts asked for while a
 * write is on its way go together in the next `insertMany` (`ordered: false`),
 * and each caller learns its own document's outcome (a duplicate key is the
 * write error of that document alone). On FerretDB one insert of 32 small
 * documents took a fifth of the time of 32 concurrent single inserts.
 */
export class InsertBatcher {
  private queue: Waiting[] = [];
  private writing = false;

  constructor(
    private readonly collection: InsertTarget,
    private readonly maxBatch = 256,
  ) {}

  insert(doc: Record<string, unknown>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ doc, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    // The requests of this turn of the event loop join the first write.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) await this.write(this.queue.splice(0, this.maxBatch));
    this.writing = false;
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      await this.collection.insertMany(
        batch.map((waiting) => waiting.doc),
        { ordered: false },
      );
      for (const waiting of batch) waiting.resolve();
    } catch (error) {
      const reported = (error as { writeErrors?: unknown }).writeErrors;
      const writeErrors = (Array.isArray(reported) ? reported : reported ? [reported] : []) as { index?: unknown }[];
      const byIndex = new Map(writeErrors.map((writeError) => [writeError.index, writeError]));
      // Without a write error per document, nobody knows which went in: every caller gets the error.
      if (byIndex.size === 0 || byIndex.has(undefined)) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
      for (const [index, waiting] of batch.entries()) {
        const failed = byIndex.get(index);
        if (failed === undefined) waiting.resolve();
        else waiting.reject(failed);
      }
    }
  }
}
