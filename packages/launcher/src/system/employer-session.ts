import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/** The launcher's own employer, so that a ready-made employer token can be printed (valid check digit). */
export const LAUNCHER_EMPLOYER = {
  taxCode: '4601900027',
  name: 'Công ty TNHH Mẫu KetNoi (demo)',
  vsicSector: 'C2610',
  fdi: false,
  industrialParkCode: 'yen-binh',
  address: { communeCode: '05890', street: 'Lô CN-01, KCN Yên Bình' },
  contacts: [{ name: 'Phòng Nhân sự', role: 'HR', email: 'hr@demo.ketnoi.local' }],
};

const stateSchema = z.object({ employerId: z.string().min(1), clientId: z.string().min(1), clientSecret: z.string().min(1) });
type EmployerState = z.output<typeof stateSchema>;

export interface EmployerSession extends EmployerState {
  token: string;
  expiresIn: number;
}

async function call(url: string, init: RequestInit & { json?: unknown }): Promise<{ status: number; body: Record<string, unknown> }> {
  const { json, ...rest } = init;
  const response = await fetch(url, {
    ...rest,
    headers: { ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...(rest.headers as Record<string, string>) },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Trades client credentials for an employer token at vacancy-intake's `/oauth/token`. */
export async function employerToken(vacancyIntakeUrl: string, clientId: string, clientSecret: string): Promise<{ token: string; expiresIn: number } | null> {
  const answer = await call(`${vacancyIntakeUrl}/oauth/token`, {
    method: 'POST',
    json: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
  });
  if (answer.status !== 200) return null;
  return { token: String(answer.body.access_token), expiresIn: Number(answer.body.expires_in) };
}

/** Registers an employer as staff (an already registered tax code gives the existing one) and returns its id. */
export async function registerEmployer(vacancyIntakeUrl: string, staffToken: string, profile: Record<string, unknown> = LAUNCHER_EMPLOYER): Promise<string> {
  const answer = await call(`${vacancyIntakeUrl}/v1/employers`, { method: 'POST', headers: { authorization: `Bearer ${staffToken}` }, json: profile });
  if (answer.status === 201) return String(answer.body.employerId);
  const existing = (answer.body.details as { employerId?: string } | undefined)?.employerId;
  if (answer.status === 409 && existing) return existing;
  throw new Error(`registering the employer failed: ${answer.status} ${String(answer.body.code ?? '')} ${String(answer.body.detail ?? '')}`);
}

/** A new API client of the employer (as staff): its credentials, the secret shown only now. */
export async function createClient(vacancyIntakeUrl: string, staffToken: string, employerId: string, label: string): Promise<{ clientId: string; clientSecret: string }> {
  const answer = await call(`${vacancyIntakeUrl}/v1/employers/${employerId}/clients`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staffToken}` },
    json: { label },
  });
  if (answer.status !== 201) throw new Error(`creating an API client failed: ${answer.status} ${String(answer.body.detail ?? '')}`);
  return { clientId: String(answer.body.clientId), clientSecret: String(answer.body.clientSecret) };
}

/**
 * One employer and API client kept in `stateFile` (mode 0600), so a second
 * start prints a token of the same employer; made on first use, or again
 * when the stored client no longer works (a new database).
 */
export async function ensureEmployerSession(vacancyIntakeUrl: string, staffToken: string, stateFile: string): Promise<EmployerSession> {
  const stored = await readFile(stateFile, 'utf8').then(
    (text) => stateSchema.safeParse(JSON.parse(text)).data ?? null,
    () => null,
  );
  if (stored) {
    const token = await employerToken(vacancyIntakeUrl, stored.clientId, stored.clientSecret);
    if (token) return { ...stored, ...token };
  }
  const employerId = await registerEmployer(vacancyIntakeUrl, staffToken);
  const client = await createClient(vacancyIntakeUrl, staffToken, employerId, 'ketnoi run (local)');
  await mkdir(dirname(stateFile), { recursive: true });
  await writeFile(stateFile, `${JSON.stringify({ employerId, ...client }, null, 2)}\n`, { mode: 0o600 });
  const token = await employerToken(vacancyIntakeUrl, client.clientId, client.clientSecret);
  if (!token) throw new Error('the new API client was refused a token');
  return { employerId, ...client, ...token };
}
