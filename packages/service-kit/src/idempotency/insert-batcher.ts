import { GroupCommit } from '../group-commit.js';

/** What the batcher needs of a collection (the driver's, e.g. `model.collection`). */
export interface InsertTarget {
  insertMany(docs: Record<string, unknown>[], options: { ordered: false }): Promise<unknown>;
}

/**
 * Group commit of inserts into one collection: inserts asked for while a
 * write is on its way (or in the same turn of the event loop as the first)
 * go together in the next `insertMany` (`ordered: false`), and each caller
 * learns its own document's outcome (a duplicate key is the write error of
 * that document alone). On FerretDB one insert of 32 small documents took a
 * fifth of the time of 32 concurrent single inserts.
 */
export class InsertBatcher {
  /** Each document's own write error, or undefined when it went in. */
  private readonly group: GroupCommit<Record<string, unknown>, unknown>;

  constructor(collection: InsertTarget, maxBatch = 256) {
    this.group = new GroupCommit((docs) => insertEach(collection, docs), { maxItems: maxBatch, gatherTurn: true });
  }

  async insert(doc: Record<string, unknown>): Promise<void> {
    const failed = await this.group.submit(doc);
    if (failed !== undefined) throw failed;
  }
}

/** One unordered insertMany; its write errors by document. Without one per document, nobody knows which went in: it throws for all. */
async function insertEach(collection: InsertTarget, docs: readonly Record<string, unknown>[]): Promise<unknown[]> {
  try {
    await collection.insertMany([...docs], { ordered: false });
    return docs.map(() => undefined);
  } catch (error) {
    const reported = (error as { writeErrors?: unknown }).writeErrors;
    const writeErrors = (Array.isArray(reported) ? reported : reported ? [reported] : []) as { index?: unknown }[];
    const byIndex = new Map(writeErrors.map((writeError) => [writeError.index, writeError]));
    if (byIndex.size === 0 || byIndex.has(undefined)) throw error;
    return docs.map((_, index) => byIndex.get(index));
  }
}
