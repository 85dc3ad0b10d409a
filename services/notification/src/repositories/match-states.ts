import { Schema, type Connection, type Model } from 'mongoose';

interface MatchStateDoc {
  _id: string;
  withdrawnAt: Date;
}

/**
 * Withdrawn matches, by matchId, written only by the matches consumer (matches.v1
 * is keyed by vacancy, so one partition sees every event of a match, in order).
 */
export class MatchStates {
  readonly model: Model<MatchStateDoc>;

  constructor(connection: Connection) {
    this.model = connection.model<MatchStateDoc>('MatchState', new Schema<MatchStateDoc>({ _id: String, withdrawnAt: Date }, { versionKey: false }), 'match_states');
  }

  async withdraw(matchId: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: matchId }, { $set: { withdrawnAt: at } }, { upsert: true });
  }

  /** True when the match was withdrawn after it was proposed at `proposedAt`. */
  async withdrawnSince(matchId: string, proposedAt: Date): Promise<boolean> {
    const state = await this.model.findById(matchId).lean<MatchStateDoc>();
    return state !== null && state.withdrawnAt >= proposedAt;
  }
}
