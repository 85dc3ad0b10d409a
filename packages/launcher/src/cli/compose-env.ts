// pnpm compose:env: writes the .env docker-compose.yml reads (keys made once
// and kept in <data dir>/run/, so a rebuilt system still reads its data), and
// prints tokens of the dev identity provider the services are told to trust.
import { loadConfig, optionalEnv } from '@ketnoi/service-kit';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { persistentIssuer } from '../system/persistent-issuer.js';
import { loadOrCreateSecrets } from '../system/secrets.js';

const root = resolve(import.meta.dirname, '../../../..');
const { KETNOI_DATA_DIR } = loadConfig(z.object({ KETNOI_DATA_DIR: optionalEnv(z.string().min(1)) }));
const dataDir = KETNOI_DATA_DIR ?? join(root, '.data');

const { secrets } = await loadOrCreateSecrets(join(dataDir, 'run', 'secrets.json'));
const issuer = await persistentIssuer(join(dataDir, 'run', 'dev-issuer.pem'));
// Single quotes: docker compose takes the value as it is (no interpolation); the PEM keeps its \n escapes.
const line = (name: string, value: string) => `${name}='${value}'`;
const env = [
  '# Written by pnpm compose:env for docker-compose.yml; local use only. Keys live in .data/run/.',
  line('AUTH_JWT_PUBLIC_KEY', JSON.stringify(issuer.publicJwk)),
  line('REGISTRATION_MASTER_KEYS', `${secrets.registrationMasterKeyId}:${secrets.registrationMasterKey}`),
  line('REGISTRATION_MASTER_KEY_ID', secrets.registrationMasterKeyId),
  line('REGISTRATION_HASH_KEY', secrets.registrationHashKey),
  line('TOKEN_SIGNING_KEY', secrets.tokenSigningKey.trim().replaceAll('\n', '\\n')),
  line('JOBFAIRS_TOKEN_SECRET', secrets.jobfairsTokenSecret ?? ''),
];
const envFile = join(root, '.env');
const existing = await readFile(envFile, 'utf8').catch(() => null);
if (existing !== null && !existing.startsWith(env[0]!)) {
  process.stderr.write(`${envFile} exists and was not written by pnpm compose:env: move it away first\n`);
  process.exit(1);
}
await writeFile(envFile, `${env.join('\n')}\n`, { mode: 0o600 });
process.stdout.write(
  [
    `wrote ${join(root, '.env')}; now: docker compose up --build`,
    'Tokens (12 h; run again for new ones):',
    `  staff    ${await issuer.issue({ sub: 'staff:compose', roles: ['staff'] })}`,
    `  analyst  ${await issuer.issue({ sub: 'analyst:compose', roles: ['analyst'] })}`,
    `  admin    ${await issuer.issue({ sub: 'admin:compose', roles: ['admin'] })}`,
    '',
  ].join('\n'),
);
