import { Schema, type Connection, type Model } from 'mongoose';

interface MatchStateDoc {
  _id: string;
  withdrawnAt?: Date;
  /** The worker was hired for the match's vacancy: the match is over, whatever its timestamps. */
  placedAt?: Date;
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

  async place(matchId: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: matchId }, { $set: { placedAt: at } }, { upsert: true });
  }

  /** True when the worker was placed for the match, or it was withdrawn after it was proposed at `proposedAt`. */
  async withdrawnSince(matchId: string, proposedAt: Date): Promise<boolean> {
    const state = await this.model.findById(matchId).lean<MatchStateDoc>();
    if (!state) return false;
    return state.placedAt !== undefined || (state.withdrawnAt !== undefined && state.withdrawnAt >= proposedAt);
  }
}
