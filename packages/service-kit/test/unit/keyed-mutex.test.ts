import { describe, expect, it } from 'vitest';
import { KeyedMutex } from '../../src/index.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('KeyedMutex', () => {
  it('runs tasks of one key one at a time, in order', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
    };
    await Promise.all([mutex.run('a', task('1')), mutex.run('a', task('2'))]);
    expect(log).toEqual(['1 start', '1 end', '2 start', '2 end']);
    expect(mutex.size).toBe(0);
  });

  it('lets different keys interleave and survives a failing task', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const failing = mutex.run('a', async () => {
      log.push('a');
      await tick();
      throw new Error('boom');
    });
    const other = mutex.run('b', async () => void log.push('b'));
    const after = mutex.run('a', async () => void log.push('a again'));
    await expect(failing).rejects.toThrow('boom');
    await Promise.all([other, after]);
    expect(log).toEqual(['a', 'b', 'a again']);
  });
});
