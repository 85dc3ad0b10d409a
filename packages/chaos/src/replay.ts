import { waitUntilReady, type SupervisedProcess } from '@ketnoi/launcher';
import { differences } from './analyse.js';
import { call } from './http.js';
import { extraInstance, freePorts, type InstanceContext } from './instances.js';

export interface ReplayResult {
  /** Answers compared, and the JSON paths where the replayed analytics differs from the live one. */
  compared: string[];
  differences: string[];
  readyInMs: number;
  caughtUpInMs: number | null;
}

const QUERIES = ['/v1/activity', '/v1/supply-demand?level=province', '/v1/supply-demand?level=former-district&groupBy=qualification', '/v1/exposure'];

const answerOf = async (url: string, token: string): Promise<unknown> => {
  const answer = await call(url, { token, timeoutMs: 30_000 });
  if (!answer) return { status: null };
  const { computedAt: _ignored, ...body } = answer.body;
  return { status: answer.status, body };
};

/**
 * A fresh analytics (empty database, a new consumer group reading every topic
 * from offset 0) beside the live one: once it has caught up, its answers must
 * equal the live instance's. (It also publishes its cells on the compacted
 * analytics topics: the same values under the same keys.)
 */
export async function replayAnalytics(context: InstanceContext, liveUrl: string, token: string, timeoutMs: number): Promise<ReplayResult> {
  const [port] = await freePorts(1);
  const url = `http://127.0.0.1:${port}`;
  const began = Date.now();
  const replica: SupervisedProcess = extraInstance(context, 'analytics', port!, 'replay', { groupPrefix: `${context.groupPrefix}-replay`, database: `${context.databasePrefix}analytics_replay` });
  replica.start();
  try {
    await waitUntilReady(url, { timeoutMs: 150_000, abandoned: () => (replica.gaveUp ? 'the replay instance crashed' : null) });
    const readyInMs = Date.now() - began;
    const compare = async () => {
      const diffs: string[] = [];
      for (const query of QUERIES) {
        const [live, replayed] = await Promise.all([answerOf(`${liveUrl}${query}`, token), answerOf(`${url}${query}`, token)]);
        diffs.push(...differences(live, replayed, query));
      }
      return diffs;
    };
    const deadline = Date.now() + timeoutMs;
    let diffs = await compare();
    while (diffs.length > 0 && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 2_000));
      diffs = await compare();
    }
    return { compared: QUERIES, differences: diffs, readyInMs, caughtUpInMs: diffs.length === 0 ? Date.now() - began : null };
  } finally {
    await replica.stop();
  }
}
