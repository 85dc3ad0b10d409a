import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/group-commit.js';

/** A run that finishes only when the test lets it, recording what each round got. */
function controlledRun() {
  const rounds: number[][] = [];
  const finish: (() => void)[] = [];
  const run = async (items: readonly number[]) => {
    rounds.push([...items]);
    await new Promise<void>((resolve) => finish.push(resolve));
    return items.map((n) => n * 10);
  };
  return { rounds, finish, run };
}

describe('GroupCommit', () => {
  it('runs a lone call at once, and gathers the calls made meanwhile into the next round', async () => {
    const { rounds, finish, run } = controlledRun();
    const group = new GroupCommit(run);
    const first = group.submit(1);
    const later = [group.submit(2), group.submit(3)];
    expect(rounds).toEqual([[1]]);
    finish.shift()!();
    expect(await first).toBe(10);
    await new Promise((resolve) => setImmediate(resolve));
    expect(rounds).toEqual([[1], [2, 3]]);
    finish.shift()!();
    expect(await Promise.all(later)).toEqual([20, 30]);
  });

  it('keeps rounds to their size limit', async () => {
    const { rounds, finish, run } = controlledRun();
    const group = new GroupCommit(run, { maxItems: 2 });
    const all = [1, 2, 3, 4].map((n) => group.submit(n));
    for (let i = 0; i < 3; i += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      finish.shift()!();
    }
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40]);
    expect(rounds).toEqual([[1], [2, 3], [4]]);
  });

  it('with gatherTurn, lets the calls of the first call\'s turn join its round', async () => {
    const { rounds, finish, run } = controlledRun();
    const group = new GroupCommit(run, { gatherTurn: true });
    const all = [group.submit(1), group.submit(2)];
    expect(rounds).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(rounds).toEqual([[1, 2]]);
    finish.shift()!();
    expect(await Promise.all(all)).toEqual([10, 20]);
  });

  it("fails every call of a failed round, and goes on with the next", async () => {
    let calls = 0;
    const group = new GroupCommit(async (items: readonly number[]) => {
      calls += 1;
      if (calls === 1) throw new Error('storage down');
      return items.map((n) => n);
    });
    await expect(group.submit(1)).rejects.toThrow('storage down');
    expect(await group.submit(2)).toBe(2);
  });
});
