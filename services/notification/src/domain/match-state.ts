/** What the matches consumer knows of a match (or an interview) beyond its proposal. */
export interface MatchState {
  withdrawnAt?: Date | undefined;
  /** The worker was hired for the match's vacancy: the match is over, whatever its timestamps. */
  placedAt?: Date | undefined;
}

/** True when the worker was placed for the match, or it was withdrawn after it was proposed at `proposedAt`. */
export const isOver = (state: MatchState | undefined, proposedAt: Date): boolean =>
  state !== undefined && (state.placedAt !== undefined || (state.withdrawnAt !== undefined && state.withdrawnAt >= proposedAt));
