import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, problem } from '../errors/problem.js';

/** Where a start-up stands while the app is not ready yet. */
export interface StartingState {
  /** The attempt under way, from 1. */
  attempt: number;
  startedAt: number;
  /** Why the previous attempt failed (error name and code, never its message). */
  lastFailure: string | null;
}

const send = (res: ServerResponse, status: number, type: string, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
};

/**
 * Answers while the service connects to its database and joins its consumer
 * groups: alive (200), not ready (503 with the reason), and 503 with
 * Retry-After for everything else.
 */
export function answerWhileStarting(req: IncomingMessage, res: ServerResponse, state: StartingState): void {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/health/live') return send(res, 200, 'application/json; charset=utf-8', { status: 'live' });
  const reason = state.lastFailure === null ? 'connecting' : `attempt ${state.attempt}, the last one failed: ${state.lastFailure}`;
  if (path === '/health/ready') {
    const startup = { status: 'down', durationMs: Date.now() - state.startedAt, reason };
    const body = { ...problem(503, 'NOT_READY', `Not ready: starting (${reason})`), failing: ['startup'], checks: { startup } };
    return send(res, 503, PROBLEM_CONTENT_TYPE, body);
  }
  send(res, 503, PROBLEM_CONTENT_TYPE, problem(503, 'STARTING', 'The service is starting; try again shortly'), { 'retry-after': '5' });
}
