import { dlqTopicName } from '@ketnoi/contracts';
import type { RunningSystem } from '@ketnoi/launcher';
import { simpleParser } from 'mailparser';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Activity, Observed } from './analyse.js';
import { acceptedVacancyIds, type Ledger } from './ledger.js';
import { call, callUntilFinal } from './http.js';
import type { Load } from './load.js';
import { readTopicToEnd } from './read-topic.js';

/** The topics the load and the services' consumers read: their dead-letter twins must stay empty. */
const DLQ_OF = ['ingest.workers.v1', 'workers.v1', 'worker-contacts.v1', 'employers.v1', 'vacancies.v1', 'placements.v1', 'matches.v1', 'notifications.v1'];

/** Runs `work` over `items`, `limit` at a time. */
async function inTurns<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  }));
  return results;
}

/** Every email the SMTP sink wrote (`outbox/mail/*.eml`): recipient, subject and text as the content, and its Message-ID. */
export async function readEmails(dataDir: string): Promise<Observed['emails']> {
  const dir = join(dataDir, 'outbox', 'mail');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml'));
  return inTurns(files, 8, async (file) => {
    const parsed = await simpleParser(await readFile(join(dir, file)));
    const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(',') : (parsed.to?.text ?? '');
    return { to, content: `${parsed.subject ?? ''}\n${parsed.text ?? ''}`, messageId: parsed.messageId };
  });
}

/** Every SMS the gateway sink took (`outbox/sms.jsonl`). */
export async function readSms(dataDir: string): Promise<Observed['sms']> {
  const text = await readFile(join(dataDir, 'outbox', 'sms.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const { body } = JSON.parse(line) as { body: unknown };
      const to = typeof body === 'object' && body !== null && 'to' in body ? String((body as { to: unknown }).to) : '';
      return { to, content: JSON.stringify(body) };
    });
}

/** Matching's current list of a vacancy, all pages. */
async function matchingList(system: RunningSystem, token: string, vacancyId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 50) {
    const answer = await callUntilFinal(`${system.urls.matching}/v1/vacancies/${vacancyId}/matches?offset=${offset}&limit=50`, { token }, Date.now() + 20_000);
    if (answer?.status !== 200) return ids;
    const items = answer.body.items as { matchId: string }[];
    ids.push(...items.map((i) => i.matchId));
    if (items.length < 50) return ids;
  }
}

export async function activityOf(url: string, token: string): Promise<(Activity & Record<string, unknown>) | null> {
  const answer = await call(`${url}/v1/activity`, { token });
  if (answer?.status !== 200) return null;
  const { computedAt: _ignored, ...activity } = answer.body;
  return activity as Activity & Record<string, unknown>;
}

/** Looks at every effect: registration per citizen-ID, the topics from offset 0, matching's lists, the sinks, analytics. */
export async function observe(system: RunningSystem, dataDir: string, tokens: { staff: string; analyst: string }, ledger: Ledger, load: Load): Promise<Observed> {
  const brokers = load.brokers;
  const citizenIds = [...ledger.workers.keys()];
  const lookups = await inTurns(citizenIds, 4, (cccd) => load.workerIdOf(cccd));
  const read = (name: string) => readTopicToEnd(brokers, system.topic(name));
  const [workers, vacancies, placements, matches, notifications] = await Promise.all([
    read('workers.v1'),
    read('vacancies.v1'),
    read('placements.v1'),
    read('matches.v1'),
    read('notifications.v1'),
  ]);
  // A valid input in a dead-letter topic is an input lost; a DLQ that was never created holds nothing.
  const dlqs = await Promise.all(DLQ_OF.map((name) => readTopicToEnd(brokers, dlqTopicName(system.topic(name))).catch(() => [])));
  const vacancyIds = [...acceptedVacancyIds(ledger)];
  const lists = await inTurns(vacancyIds, 4, (id) => matchingList(system, tokens.staff, id));
  const activity = await activityOf(system.urls.analytics, tokens.analyst);
  if (!activity) throw new Error('analytics did not answer /v1/activity');
  return {
    workerIds: new Map(citizenIds.map((cccd, i) => [cccd, lookups[i]!])),
    topics: { workers, vacancies, placements, matches, notifications },
    ingestDlq: dlqs.reduce((n, records) => n + records.length, 0),
    matchingLists: new Map(vacancyIds.map((id, i) => [id, lists[i]!])),
    emails: await readEmails(dataDir),
    sms: await readSms(dataDir),
    activity,
  };
}
