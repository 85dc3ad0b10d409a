import type { Notice } from './notice.js';

/** One proposed match to tell a worker about, and the event that caused it. */
export interface MatchNotice {
  matchId: string;
  workerId: string;
  vacancyId: string;
  causeEventId: string;
  proposedAt: Date;
}

export const MATCH_TEMPLATE = 'match-proposed';

export const noticeOfMatch = (match: MatchNotice): Notice => ({
  key: match.matchId,
  workerId: match.workerId,
  template: MATCH_TEMPLATE,
  causeEventId: match.causeEventId,
});
