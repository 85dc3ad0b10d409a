import { describe, expect, it } from 'vitest';
import { describeError, openLoopSchedule, runOpenLoop } from '../../src/schedule.js';

describe('openLoopSchedule', () => {
  it('spaces rate × duration sends evenly', () => {
    expect(openLoopSchedule(4, 1000)).toEqual([0, 250, 500, 750]);
    expect(openLoopSchedule(100, 10_000)).toHaveLength(1000);
    expect(openLoopSchedule(0, 1000)).toEqual([]);
  });
});

describe('runOpenLoop', () => {
  it('keeps sending on schedule while earlier requests are still unanswered, and counts latency from the due time', async () => {
    const started: number[] = [];
    const t0 = performance.now();
    // Every request takes 200 ms; a closed loop would send 1 in 200 ms, the schedule asks for 5.
    const answers = await runOpenLoop([0, 20, 40, 60, 80], async (i) => {
      started.push(performance.now() - t0);
      await new Promise((done) => setTimeout(done, 200));
      return i;
    });
    expect(answers.map((a) => a.result)).toEqual([0, 1, 2, 3, 4]);
    expect(started[4]!).toBeLessThan(180);
    for (const a of answers) expect(a.answeredAt - a.due).toBeGreaterThanOrEqual(195);
  });

  it('records a failed request with its error instead of stopping', async () => {
    const answers = await runOpenLoop([0, 1], async (i) => {
      if (i === 1) throw new Error('connection refused');
      return 'ok';
    });
    expect(answers[0]!.result).toBe('ok');
    expect(answers[1]).toMatchObject({ result: null, error: 'connection refused' });
  });
});

describe('describeError', () => {
  it('adds the cause\'s code to a bare "fetch failed"', () => {
    expect(describeError(new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) }))).toBe('fetch failed (ECONNRESET)');
    expect(describeError(new Error('plain'))).toBe('plain');
    expect(describeError('text')).toBe('text');
  });
});
