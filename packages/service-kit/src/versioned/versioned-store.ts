import { isDuplicateKey, KetNoiError } from '@ketnoi/errors';
import { Schema, type Connection, type Model } from 'mongoose';
import { addOutbox, type PendingEvent } from '../outbox/outbox-fields.js';
import { insertVersion, openBatchEntry, pendingModelFor, settleBatchEntry } from '../outbox/pending-index.js';
import { insertNew, type InsertsMany } from '../store/insert-new.js';
import { KeyedMutex } from './keyed-mutex.js';
import { addHeadPacking, headPacking, PACKED_FIELD, packHead } from './packed-heads.js';
import { isPlainJson, packState, unpackState, type PackedState } from './packed-state.js';
import { plainHeads } from './plain-heads.js';

export interface AggregateVersion<S> {
  id: string;
  version: number;
  state: S;
  updatedAt: Date;
}

export interface SaveInput<S> {
  id: string;
  /** The version the change was based on; 0 creates the aggregate. */
  expectedVersion: number;
  state: S;
  events: readonly PendingEvent[];
  /** Fields kept on the head only, never in the history (e.g. a search key that erasure must remove). */
  headFields?: Record<string, unknown>;
}

export interface RepairHeadOptions<S> {
  /**
   * The head-only fields (`SaveInput.headFields`) of the head rebuilt from
   * `latest`: they are not in the history, so the caller derives them. Runs
   * under the aggregate's lock: it must not save the same aggregate.
   */
  headFields?: (latest: AggregateVersion<S>) => Record<string, unknown> | Promise<Record<string, unknown>>;
}

export interface VersionedStoreOptions {
  connection: Connection;
  /** Heads live in `<name>`, versions in `<name>_versions`. */
  name: string;
  /** The state's fields (with the service's indexes), stored at the top level of each head. */
  headSchema: Schema;
  /** Store nested fields as JSON text (default). `false` writes them nested, as before packing (the bench's baseline). */
  packStates?: boolean;
  /**
   * Pack the scalar fields too: every field of a state but those the head
   * schema declares (kept at the top level of heads, and of versions'
   * `state`) goes into the JSON text, which heads and versions then share.
   * For a store whose heads are filtered, sorted and updated by declared
   * fields only, and versions by `aggregateId` only: FerretDB's cost of a
   * document follows its number of fields (a worker's head and version on
   * PostgreSQL, FerretDB's and PostgreSQL's CPU: 0.26 ms each with the
   * scalars as fields, 0.19–0.21 ms packed). Documents stored either way
   * read the same. Needs a head schema that is not strict (`headPacking`).
   */
  packScalars?: boolean;
}

interface VersionDoc {
  _id: string;
  aggregateId: string;
  version: number;
  /** The state's scalar fields (all of it in versions written before packing). */
  state: unknown;
  /** The rest of the state as JSON (`packed-state.ts`); absent in older versions. */
  stateJson?: string;
  at: Date;
}

const versionConflict = (id: string, expected: number) =>
  new KetNoiError('VERSION_CONFLICT', `${id} was changed by someone else since version ${expected}`, {
    status: 412,
    details: { id, expectedVersion: expected },
  });

/** A version's state fields: the kept ones as they are, the rest as one JSON text. */
const versionFields = ({ kept, packed }: PackedState): { state: Record<string, unknown>; stateJson?: string } =>
  packed === undefined ? { state: kept } : { state: kept, stateJson: packed };

/** A model's driver collection, storing a field left undefined as mongoose does (not at all) instead of as null. */
const driverOf = (model: { collection: Model<unknown>['collection'] }): InsertsMany => ({
  insertMany: (docs, options) => model.collection.insertMany(docs as never, { ...options, ignoreUndefined: true }),
});

/** A head as read (`lean`, unpacked). */
type StoredHead<S> = S & { _id: string; version: number; updatedAt: Date };

const versionOfHead = <S>({ _id, version, updatedAt, ...state }: StoredHead<S>): AggregateVersion<S> => ({ id: _id, version, updatedAt, state: state as unknown as S });

/** Most JSON text of events in one batch entry: a document stays far below the 16 MB limit. */
const MAX_ENTRY_TEXT = 4_000_000;

/** Consecutive parts of a bulk creation whose events fit one batch entry each (an input larger than that alone). */
export function byEventText<T extends { events: readonly PendingEvent[] }>(inputs: readonly T[], limit = MAX_ENTRY_TEXT): T[][] {
  const parts: T[][] = [[]];
  let text = 0;
  for (const input of inputs) {
    const size = input.events.length === 0 ? 0 : JSON.stringify(input.events).length;
    if (text + size > limit && parts.at(-1)!.length > 0) {
      parts.push([]);
      text = 0;
    }
    parts.at(-1)!.push(input);
    text += size;
  }
  return parts;
}

/**
 * An aggregate as immutable versions plus a head. `save` inserts version n+1
 * with its outgoing events (the unique `_id` "<id>:<n+1>" is the optimistic
 * lock, safe on FerretDB, whose updates are not atomic), then replaces the
 * head that reads and lists use. The versions are the history and the outbox.
 * States are stored packed (`packed-state.ts`, `packed-heads.ts`): nested
 * fields as one JSON text, which FerretDB writes and scans far faster.
 */
export class VersionedStore<S extends object> {
  readonly heads: Model<S & { _id: string; version: number; updatedAt: Date }>;
  readonly versions: Model<VersionDoc>;
  private readonly mutex = new KeyedMutex();
  /** Which head fields stay unpacked (undefined: a strict head schema, nothing is packed). */
  private readonly keepInHead: ((field: string) => boolean) | undefined;
  private readonly packStates: boolean;
  private readonly packScalars: boolean;
  /** Whether a batch of heads may be inserted through the driver (`plain-heads.ts`); undefined: never. */
  private readonly plainHead: ((head: Record<string, unknown>) => boolean) | undefined;

  constructor(options: VersionedStoreOptions) {
    const head = options.headSchema.clone();
    this.packStates = options.packStates ?? true;
    this.keepInHead = this.packStates ? headPacking(head) : undefined;
    if (options.packScalars && !this.keepInHead) throw new Error(`${options.name}: packScalars needs a head schema that is not strict`);
    this.packScalars = options.packScalars ?? false;
    head.add({ _id: { type: String }, version: { type: Number, required: true }, updatedAt: { type: Date, required: true } });
    head.set('versionKey', false);
    if (this.keepInHead) addHeadPacking(head);
    this.plainHead = plainHeads(head);
    this.heads = options.connection.model(options.name, head, options.name) as unknown as typeof this.heads;

    const version = new Schema<VersionDoc>(
      {
        _id: String,
        aggregateId: { type: String, required: true },
        version: { type: Number, required: true },
        state: { type: Schema.Types.Mixed, default: () => ({}) },
        stateJson: { type: String },
        at: { type: Date, required: true },
      },
      { versionKey: false, minimize: false },
    );
    version.index({ aggregateId: 1, version: 1 });
    addOutbox(version);
    const versionsName = `${options.name}_versions`;
    this.versions = options.connection.model<VersionDoc>(versionsName, version, versionsName);
  }

  /** Creates the collections' indexes (call once at start). */
  async init(): Promise<void> {
    await Promise.all([this.heads.init(), this.versions.init(), pendingModelFor(this.versions).init()]);
  }

  async get(id: string): Promise<AggregateVersion<S> | null> {
    const head = (await this.heads.findById(id).lean()) as StoredHead<S> | null;
    return head ? versionOfHead(head) : null;
  }

  /** The current versions of many aggregates, by id, in one read (those that exist). */
  async getMany(ids: readonly string[]): Promise<Map<string, AggregateVersion<S>>> {
    if (ids.length === 0) return new Map();
    const heads = (await this.heads.find({ _id: { $in: [...new Set(ids)] } }).lean()) as StoredHead<S>[];
    return new Map(heads.map((head) => [head._id, versionOfHead(head)]));
  }

  /** All versions of an aggregate, oldest first (its history). */
  async history(id: string): Promise<AggregateVersion<S>[]> {
    const docs = await this.versions.find({ aggregateId: id }).sort({ version: 1 }).lean();
    return docs.map((doc) => ({ id, version: doc.version, state: unpackState(doc.state, doc.stateJson) as S, updatedAt: doc.at }));
  }

  /**
   * Creates many aggregates at version 1 in a few bulk writes (imports). Each
   * id that already exists is reported instead of created. The versions'
   * events are kept in one batch entry of the pending index, written before
   * the versions (which keep no outbox) and settled after: see
   * `openBatchEntry`.
   */
  async createMany(inputs: readonly Omit<SaveInput<S>, 'expectedVersion'>[]): Promise<{ created: string[]; existing: string[] }> {
    const created: string[] = [];
    const existing: string[] = [];
    for (const part of byEventText(inputs)) {
      const result = await this.createBatch(part);
      created.push(...result.created);
      existing.push(...result.existing);
    }
    return { created, existing };
  }

  private async createBatch(inputs: readonly Omit<SaveInput<S>, 'expectedVersion'>[]): Promise<{ created: string[]; existing: string[] }> {
    const at = new Date();
    // As mongoose would store them (its defaults: an empty outbox), through the driver: no document per version.
    const packed = inputs.map((input) => this.pack(input.state, input.headFields));
    const docs = inputs.map(({ id }, i) => ({ _id: `${id}:1`, aggregateId: id, version: 1, ...versionFields(packed[i]!.version), at, outbox: [], outboxPending: false }));
    const withEvents = inputs.flatMap(({ id, events }) => (events.length > 0 ? [{ id: `${id}:1`, aggregateId: id, events: [...events] }] : []));
    const entry = withEvents.length > 0 ? await openBatchEntry(this.versions, withEvents, at) : undefined;
    const failed = new Set([...(await insertNew(driverOf(this.versions), docs))].map((doc) => doc.aggregateId));
    const created = inputs.flatMap((input, i) => (failed.has(input.id) ? [] : [{ id: input.id, head: packed[i]!.head }]));
    if (entry !== undefined) {
      await settleBatchEntry(
        this.versions,
        entry,
        withEvents,
        withEvents.filter((version) => !failed.has(version.aggregateId)),
        at,
      );
    }
    const heads = created.map(({ id, head }) => this.headOf(id, 1, at, head));
    const target = this.plainHead && heads.every(this.plainHead) ? driverOf(this.heads) : this.heads;
    // A head left by an interrupted earlier attempt: replace it.
    for (const head of await insertNew(target, heads)) await this.replaceHead(head._id, head);
    return { created: created.map((input) => input.id), existing: [...failed] };
  }

  /**
   * Rebuilds a head that a save cut between its writes (a crash, a failed
   * write) left missing or older than the latest version, from that version:
   * until then the aggregate cannot be read, and a retried save meets
   * `ALREADY_EXISTS` or `VERSION_CONFLICT`. Returns the latest version (null
   * when there is none). A head at that version or a newer one is kept.
   */
  repairHead(id: string, options: RepairHeadOptions<S> = {}): Promise<AggregateVersion<S> | null> {
    return this.mutex.run(id, () => this.repairNow(id, options));
  }

  save(input: SaveInput<S>): Promise<AggregateVersion<S>> {
    return this.mutex.run(input.id, () => this.saveNow(input));
  }

  private async saveNow({ id, expectedVersion, state, events, headFields }: SaveInput<S>): Promise<AggregateVersion<S>> {
    const version = expectedVersion + 1;
    const at = new Date();
    if (expectedVersion > 0) {
      const head = await this.heads.findById(id).select({ version: 1 }).lean();
      if (!head || head.version !== expectedVersion) throw versionConflict(id, expectedVersion);
    }
    const packed = this.pack(state, headFields);
    const head = this.headOf(id, version, at, packed.head);
    let stored = false;
    // Once the version (which decides who may move the head) is in, the head is written beside its index entry.
    const moveHead = () => {
      stored = true;
      return expectedVersion === 0 ? this.insertHead(id, head) : this.replaceHead(id, head);
    };
    try {
      await insertVersion(this.versions, { _id: `${id}:${version}`, aggregateId: id, version, ...versionFields(packed.version), at, outbox: [...events] }, moveHead);
    } catch (error) {
      if (stored || !isDuplicateKey(error)) throw error;
      if (expectedVersion === 0) {
        throw new KetNoiError('ALREADY_EXISTS', `${id} already exists`, { status: 409, details: { id } });
      }
      throw versionConflict(id, expectedVersion);
    }
    return { id, version, state, updatedAt: at };
  }

  private async repairNow(id: string, { headFields }: RepairHeadOptions<S>): Promise<AggregateVersion<S> | null> {
    const doc = await this.versions.findOne({ aggregateId: id }).sort({ version: -1 }).lean();
    if (!doc) return null;
    const latest = { id, version: doc.version, state: unpackState(doc.state, doc.stateJson) as S, updatedAt: doc.at };
    const current = await this.heads.findById(id).select({ version: 1 }).lean();
    if (current && current.version >= latest.version) return latest;
    const head = this.headOf(id, latest.version, latest.updatedAt, this.pack(latest.state, headFields ? await headFields(latest) : undefined).head);
    if (!current) {
      try {
        await this.heads.insertMany([head]);
        return latest;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    // Only an older head is replaced: one written meanwhile by another process may be newer.
    await this.heads.replaceOne({ _id: id, version: { $lt: latest.version } }, head, { upsert: true }).catch((error: unknown) => {
      if (!isDuplicateKey(error)) throw error;
    });
    return latest;
  }

  /** A head document from its fields as packed (`pack(…).head`). */
  private headOf(id: string, version: number, at: Date, fields: () => Record<string, unknown>): { _id: string } & Record<string, unknown> {
    return { ...fields(), _id: id, version, updatedAt: at };
  }

  /**
   * A state as its version stores it, and its head's fields (but `_id`,
   * `version`, `updatedAt`). With `packScalars` both keep the head schema's
   * declared fields and share one JSON text of the rest (one
   * `JSON.stringify` per state), unless a head-only field would be packed.
   */
  private pack(state: S, headFields: Record<string, unknown> | undefined): { version: PackedState; head: () => Record<string, unknown> } {
    if (!this.packStates) return { version: { kept: state as Record<string, unknown>, packed: undefined }, head: () => ({ ...state, ...headFields }) };
    const keep = this.keepInHead;
    if (!this.packScalars || !keep) {
      return { version: packState(state), head: () => packHead({ ...state, ...headFields }, keep) };
    }
    const version = packState(state, keep, true);
    const shared = Object.entries(headFields ?? {}).every(([field, value]) => keep(field) || !isPlainJson(value));
    if (!shared) return { version, head: () => packHead({ ...state, ...headFields }, keep, true) };
    const kept = { ...version.kept, ...headFields };
    return { version, head: () => (version.packed === undefined ? kept : { ...kept, [PACKED_FIELD]: version.packed }) };
  }

  /**
   * A new aggregate's head is inserted: an insert reads nothing, while a
   * replace (even by `_id`) reads the whole collection on FerretDB 1.24. A head
   * left by an interrupted earlier attempt is replaced instead.
   */
  private async insertHead(id: string, head: object): Promise<void> {
    try {
      await this.heads.insertMany([head]);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await this.replaceHead(id, head);
    }
  }

  /**
   * Replaces the head by `_id` alone (the cheapest filter FerretDB has). Writers of one aggregate are serialised in-process, and the
   * version insert already decided who may move the head.
   */
  private async replaceHead(id: string, head: object): Promise<void> {
    await this.heads.replaceOne({ _id: id }, head, { upsert: true });
  }
}
