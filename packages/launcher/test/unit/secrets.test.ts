import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateSecrets } from '../../src/system/secrets.js';

describe('secrets of a data folder', () => {
  const dirs: string[] = [];
  const folder = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'launcher-secrets-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('are made once, readable only by their owner, and the same on the next start', async () => {
    const file = join(await folder(), 'run', 'secrets.json');
    const first = await loadOrCreateSecrets(file);
    const second = await loadOrCreateSecrets(file);
    expect(first.created).toBe(true);
    expect(second).toEqual({ secrets: first.secrets, created: false });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(Buffer.from(first.secrets.registrationHashKey, 'base64')).toHaveLength(32);
  });

  it('gain the jobfairs key once when the folder predates jobfairs, keeping the others', async () => {
    const file = join(await folder(), 'secrets.json');
    const { secrets } = await loadOrCreateSecrets(file);
    const { jobfairsTokenSecret: _, ...older } = secrets;
    await writeFile(file, JSON.stringify(older), { mode: 0o600 });
    const upgraded = await loadOrCreateSecrets(file);
    expect(upgraded.secrets).toMatchObject(older);
    expect(upgraded.secrets.jobfairsTokenSecret?.length).toBeGreaterThanOrEqual(32);
    expect((await loadOrCreateSecrets(file)).secrets).toEqual(upgraded.secrets);
  });

  it('are never replaced silently when the file is damaged (older data would stay sealed)', async () => {
    const file = join(await folder(), 'secrets.json');
    await writeFile(file, '{"registrationMasterKeyId":""}');
    await expect(loadOrCreateSecrets(file)).rejects.toThrow(/invalid; move it away/);
    expect(await readFile(file, 'utf8')).toBe('{"registrationMasterKeyId":""}');
  });
});
