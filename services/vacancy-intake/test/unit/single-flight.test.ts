import { describe, expect, it } from 'vitest';
import { singleFlight } from '../../src/repositories/single-flight.js';

/** A load the test answers by hand, counting calls per key. */
function manualLoad() {
  const calls: string[] = [];
  const answers: ((value: string) => void)[] = [];
  const fails: ((error: Error) => void)[] = [];
  const load = (key: string) =>
    new Promise<string>((resolve, reject) => {
      calls.push(key);
      answers.push(resolve);
      fails.push(reject);
    });
  return { calls, answers, fails, load };
}

describe('single flight', () => {
  it('gives concurrent callers of one key the answer of one read', async () => {
    const { calls, answers, load } = manualLoad();
    const read = singleFlight(load);
    const both = Promise.all([read('emp_1'), read('emp_1')]);
    answers[0]!('active');
    await expect(both).resolves.toEqual(['active', 'active']);
    expect(calls).toEqual(['emp_1']);
  });

  it('reads each key on its own, and reads again once the answer is in (no cache)', async () => {
    const { calls, answers, load } = manualLoad();
    const read = singleFlight(load);
    const first = Promise.all([read('emp_1'), read('emp_2')]);
    answers[0]!('a');
    answers[1]!('b');
    await expect(first).resolves.toEqual(['a', 'b']);
    const again = read('emp_1');
    answers[2]!('suspended');
    await expect(again).resolves.toBe('suspended');
    expect(calls).toEqual(['emp_1', 'emp_2', 'emp_1']);
  });

  it('passes a failed read to every caller that joined it, and the next caller reads again', async () => {
    const { calls, answers, fails, load } = manualLoad();
    const read = singleFlight(load);
    const joined = [read('emp_1'), read('emp_1')].map((p) => p.catch((e: Error) => e.message));
    fails[0]!(new Error('timeout'));
    await expect(Promise.all(joined)).resolves.toEqual(['timeout', 'timeout']);
    const retry = read('emp_1');
    answers[1]!('active');
    await expect(retry).resolves.toBe('active');
    expect(calls).toHaveLength(2);
  });
});
