import { insertNew } from '@ketnoi/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';
import { isOver, type MatchState } from '../domain/match-state.js';

interface MatchStateDoc extends MatchState {
  _id: string;
}

/**
 * Withdrawn and placed matches, by matchId, written only by the matches
 * consumer (matches.v1 and placements.v1 are keyed by vacancy).
 */
export class MatchStates {
  readonly model: Model<MatchStateDoc>;

  constructor(connection: Connection) {
    this.model = connection.model<MatchStateDoc>(
      'MatchState',
      new Schema<MatchStateDoc>({ _id: String, withdrawnAt: Date, placedAt: Date }, { versionKey: false }),
      'match_states',
    );
  }

  async withdraw(matchId: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: matchId }, { $set: { withdrawnAt: at } }, { upsert: true });
  }

  /**
   * Several withdrawals, a later one of the same match winning (as one by
   * one). Most withdrawn matches have no state yet: they are inserted in one
   * command, and only those already there are updated. An upsert costs
   * FerretDB a query and a write per match (on PostgreSQL a SELECT and an
   * INSERT each: ≈1,900 of each in 30 s of the system bench), an insert of
   * many one statement.
   */
  async withdrawMany(withdrawals: readonly { matchId: string; at: Date }[]): Promise<void> {
    const latest = new Map(withdrawals.map(({ matchId, at }) => [matchId, at]));
    const docs = [...latest].map(([_id, withdrawnAt]) => ({ _id, withdrawnAt }));
    const there = await insertNew(this.model.collection, docs);
    if (there.size === 0) return;
    await this.model.bulkWrite(
      [...there].map(({ _id, withdrawnAt }) => ({ updateOne: { filter: { _id }, update: { $set: { withdrawnAt } }, upsert: true } })),
      { ordered: false },
    );
  }

  async place(matchId: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: matchId }, { $set: { placedAt: at } }, { upsert: true });
  }

  /** True when the worker was placed for the match, or it was withdrawn after it was proposed at `proposedAt`. */
  async withdrawnSince(matchId: string, proposedAt: Date): Promise<boolean> {
    return isOver((await this.model.findById(matchId).lean<MatchStateDoc>()) ?? undefined, proposedAt);
  }

  /** The states of these matches, by matchId (one read). */
  async getMany(matchIds: readonly string[]): Promise<Map<string, MatchState>> {
    const docs = await this.model.find({ _id: { $in: [...new Set(matchIds)] } }).lean<MatchStateDoc[]>();
    return new Map(docs.map(({ _id, ...state }) => [_id, state]));
  }
}
