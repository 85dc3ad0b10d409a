import type { MatchDoc } from '../domain/projection-plan.js';

/**
 * A match event as stored: its `_id` and one JSON array holding the rest,
 * without field names (FerretDB's cost and the bytes on the wire grow with
 * every field and every byte; the per-field documents of before cost it
 * about twice as much). The matchId is left out when it is the usual
 * `<vacancy>:<worker>`, and each factor is an array of its four values; a
 * factor with other fields is kept whole, so nothing is lost on the way.
 */
export interface MatchRecord {
  _id: string;
  match: string;
}

type Factor = MatchDoc['factors'][number];
type StoredFactor = Factor | [Factor['factor'], number, number, number];

const FACTOR_FIELDS = 4;
const packFactor = (f: Factor): StoredFactor => (Object.keys(f).length === FACTOR_FIELDS ? [f.factor, f.value, f.weight, f.contribution] : f);
const unpackFactor = (f: StoredFactor): Factor => (Array.isArray(f) ? { factor: f[0], value: f[1], weight: f[2], contribution: f[3] } : f);

export function toMatchRecord(id: string, doc: MatchDoc): MatchRecord {
  const matchId = doc.matchId === `${doc.vacancyId}:${doc.workerId}` ? 0 : doc.matchId;
  const fields = [doc.vacancyId, doc.workerId, doc.score, doc.rank, doc.at, doc.seq, doc.factors.map(packFactor), doc.withdrawn === true ? 1 : 0, matchId];
  return { _id: id, match: JSON.stringify(fields) };
}

export const isMatchRecord = (stored: object): stored is MatchRecord => typeof (stored as { match?: unknown }).match === 'string';

export function fromMatchRecord(record: MatchRecord): MatchDoc {
  const [vacancyId, workerId, score, rank, at, seq, factors, withdrawn, matchId] = JSON.parse(record.match) as [
    string,
    string,
    number,
    number,
    string,
    number,
    StoredFactor[],
    0 | 1,
    string | 0,
  ];
  const doc: MatchDoc = { matchId: matchId === 0 ? `${vacancyId}:${workerId}` : matchId, vacancyId, workerId, score, rank, factors: factors.map(unpackFactor), at, seq };
  if (withdrawn === 1) doc.withdrawn = true;
  return doc;
}
