import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/** Keys the services need that must outlive a restart: sealed worker data and employer tokens stay readable. */
export const secretsSchema = z.object({
  registrationMasterKeyId: z.string().min(1),
  registrationMasterKey: z.string().refine((v) => Buffer.from(v, 'base64').length === 32, '32 bytes, base64'),
  registrationHashKey: z.string().refine((v) => Buffer.from(v, 'base64').length === 32, '32 bytes, base64'),
  /** ES256 private key (PKCS#8 PEM) vacancy-intake signs employer tokens with. */
  tokenSigningKey: z.string().startsWith('-----BEGIN PRIVATE KEY-----'),
  /** HMAC key jobfairs signs check-in QR codes and self-service links with (absent in files made before jobfairs: added on load). */
  jobfairsTokenSecret: z.string().min(32).optional(),
});
export type Secrets = z.output<typeof secretsSchema>;

export const newSecrets = (): Secrets => ({
  registrationMasterKeyId: `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`,
  registrationMasterKey: randomBytes(32).toString('base64'),
  registrationHashKey: randomBytes(32).toString('base64'),
  tokenSigningKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  jobfairsTokenSecret: randomBytes(32).toString('base64url'),
});

/**
 * The secrets of this data folder: read from `file`, or made once and written
 * there (mode 0600). A second start reuses them, so data sealed by the first
 * stays readable.
 */
export async function loadOrCreateSecrets(file: string): Promise<{ secrets: Secrets; created: boolean }> {
  try {
    const secrets = secretsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    if (secrets.jobfairsTokenSecret) return { secrets, created: false };
    // A data folder from before jobfairs: its key is added once and kept.
    const upgraded = { ...secrets, jobfairsTokenSecret: randomBytes(32).toString('base64url') };
    await writeFile(file, `${JSON.stringify(upgraded, null, 2)}\n`, { mode: 0o600 });
    return { secrets: upgraded, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file} is unreadable or invalid; move it away to start with new keys (the old data stays sealed)`, { cause: error });
  }
  const secrets = newSecrets();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return { secrets, created: true };
}
