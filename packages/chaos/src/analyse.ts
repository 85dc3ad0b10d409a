import { acceptedVacancyIds, type Ledger } from './ledger.js';
import type { TopicEvent } from './read-topic.js';

/** One line of the count: inputs accepted, effects found, accepted inputs without their effect, effects that happened more than once. */
export interface CountRow {
  check: string;
  accepted: number | null;
  effects: number;
  lost: number;
  duplicated: number;
  note?: string;
}

export interface Observed {
  /** Citizen-ID → the worker ids registration answers for it (null: no answer). */
  workerIds: Map<string, string[] | null>;
  topics: Record<'workers' | 'vacancies' | 'placements' | 'matches' | 'notifications', TopicEvent[]>;
  ingestDlq: number;
  /** Matching's own current list of each accepted vacancy (match ids). */
  matchingLists: Map<string, string[]>;
  /** `messageId`: the same on a notification's every try (a re-send after a crash), so a receiver can keep one. */
  emails: { to: string; content: string; messageId?: string | undefined }[];
  sms: { to: string; content: string }[];
  activity: Activity;
}

export interface Activity {
  registrations: number;
  vacanciesOpened: number;
  positionsOpened: number;
  matchesProposed: number;
  placements: number;
  notifications: Record<string, { sent: number; failed: number }>;
}

/** The events of each id once (a redelivered or re-published event keeps its id), and how many copies were dropped. */
export function onceById(events: readonly TopicEvent[]): { events: TopicEvent[]; redelivered: number } {
  const seen = new Set<string>();
  const once = events.filter((e) => !seen.has(e.id) && Boolean(seen.add(e.id)));
  return { events: once, redelivered: events.length - once.length };
}

/** Distinct event ids per key, for the events `fits` keeps. */
function idsPerKey(events: readonly TopicEvent[], fits: (e: TopicEvent) => boolean, keyOf: (e: TopicEvent) => string): Map<string, Set<string>> {
  const byKey = new Map<string, Set<string>>();
  for (const event of events) {
    if (!fits(event)) continue;
    const key = keyOf(event);
    byKey.set(key, (byKey.get(key) ?? new Set()).add(event.id));
  }
  return byKey;
}

const extra = (groups: Iterable<{ size: number } | readonly unknown[]>): number => {
  let total = 0;
  for (const group of groups) total += Math.max(0, ('size' in group ? group.size : group.length) - 1);
  return total;
};

/** How many keys are there more than once, beyond their first. */
export function repeats(keys: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.values()].reduce((n, c) => n + c - 1, 0);
}

export function workerRows(ledger: Ledger, observed: Observed): CountRow[] {
  const accepted = ledger.workers.size;
  const lookups = [...ledger.workers.keys()].map((cccd) => observed.workerIds.get(cccd) ?? null);
  const stored = lookups.filter((ids) => ids && ids.length > 0) as string[][];
  const registered = idsPerKey(observed.topics.workers, (e) => e.type === 'worker.registered', (e) => e.subject);
  return [
    { check: 'workers stored (registration, by citizen-ID)', accepted, effects: stored.length, lost: accepted - stored.length, duplicated: extra(stored) },
    {
      check: 'worker.registered on workers.v1',
      accepted,
      effects: registered.size,
      lost: Math.max(0, accepted - registered.size),
      duplicated: extra(registered.values()) + Math.max(0, registered.size - accepted),
    },
    { check: 'dead-letter topics (valid input refused)', accepted, effects: observed.ingestDlq, lost: observed.ingestDlq, duplicated: 0 },
  ];
}

export function vacancyRows(ledger: Ledger, observed: Observed): CountRow[] {
  const accepted = acceptedVacancyIds(ledger);
  const opened = idsPerKey(observed.topics.vacancies, (e) => e.type === 'vacancy.opened', (e) => e.subject);
  const found = [...accepted].filter((id) => opened.has(id)).length;
  const phantoms = [...opened.keys()].filter((id) => !accepted.has(id)).length;
  const twoForOneKey = extra([...ledger.vacancies.values()].map((v) => v.vacancyIds));
  return [
    {
      check: 'vacancy.opened on vacancies.v1',
      accepted: accepted.size,
      effects: found,
      lost: accepted.size - found,
      duplicated: twoForOneKey + extra(opened.values()) + Math.max(0, phantoms - ledger.vacanciesUnknown),
      note: `${ledger.vacanciesRejected.length} refused (4xx), ${ledger.vacanciesUnknown} unknown outcome, ${phantoms} opened without a 2xx seen`,
    },
  ];
}

export function placementRows(ledger: Ledger, observed: Observed): CountRow[] {
  const recorded = idsPerKey(observed.topics.placements, (e) => e.type === 'placement.recorded', (e) => `${String(e.data.vacancyId)}|${String(e.data.workerId)}`);
  const accepted = [...ledger.hires.values()].map((h) => `${h.vacancyId}|${h.workerId}`);
  const found = accepted.filter((pair) => recorded.has(pair)).length;
  const unknownDone = ledger.hiresUnknown.filter((h) => recorded.has(`${h.vacancyId}|${h.workerId}`)).length;
  return [
    {
      check: 'placement.recorded on placements.v1',
      accepted: accepted.length,
      effects: found,
      lost: accepted.length - found,
      duplicated: extra(recorded.values()),
      note: `${ledger.hiresRejected.length} refused (4xx: ${[...new Set(ledger.hiresRejected.map((r) => r.code))].join(', ') || 'none'}), ${ledger.hiresUnknown.length} without a final answer (${unknownDone} of them recorded)`,
    },
  ];
}

/**
 * matches.v1 folded in topic order (each match's events share their vacancy's
 * partition): a proposal of a match already proposed, or a withdrawal of one
 * not proposed, is a duplicated effect. What the fold leaves proposed must be
 * matching's own list: a match in the list but never announced is a lost
 * proposal; one announced but no longer listed is a lost withdrawal.
 */
export function matchRows(ledger: Ledger, observed: Observed): CountRow[] {
  const { events } = onceById([...observed.topics.matches].sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset))));
  const live = new Map<string, string>();
  const proposed = new Set<string>();
  let twice = 0;
  for (const event of events) {
    const matchId = String(event.data.matchId);
    const vacancyId = String(event.data.vacancyId);
    if (event.type === 'match.proposed') {
      if (live.has(matchId)) twice += 1;
      live.set(matchId, vacancyId);
      proposed.add(matchId);
    } else if (event.type === 'match.withdrawn') {
      if (!live.delete(matchId)) twice += 1;
    }
  }
  let unannounced = 0;
  let unwithdrawn = 0;
  for (const vacancyId of acceptedVacancyIds(ledger)) {
    const listed = new Set(observed.matchingLists.get(vacancyId) ?? []);
    const announced = [...live].filter(([, v]) => v === vacancyId).map(([m]) => m);
    unannounced += [...listed].filter((m) => !live.has(m)).length;
    unwithdrawn += announced.filter((m) => !listed.has(m)).length;
  }
  return [
    {
      check: 'matches.v1 (folded) = matching lists',
      accepted: null,
      effects: proposed.size,
      lost: unannounced + unwithdrawn,
      duplicated: twice,
      note: `${unannounced} listed but not announced, ${unwithdrawn} announced but not listed; ${live.size} live`,
    },
  ];
}

export function notificationRows(ledger: Ledger, observed: Observed): CountRow[] {
  const { events, redelivered } = onceById(observed.topics.notifications);
  const sent = idsPerKey(events, (e) => e.type === 'notification.sent', (e) => `${String(e.data.notificationId)}|${String(e.data.channel)}`);
  // Per worker and channel: notifications recorded as sent.
  const recordedSent = (channel: string) => {
    const perWorker = new Map<string, Set<string>>();
    for (const event of events) {
      if (event.type !== 'notification.sent' || event.data.channel !== channel) continue;
      const worker = String(event.data.recipientId);
      perWorker.set(worker, (perWorker.get(worker) ?? new Set()).add(String(event.data.notificationId)));
    }
    return perWorker;
  };
  // An email sent again under the Message-ID of its first try (settling a crash) is one email to its receiver.
  const emailKey = (m: Observed['emails'][number]) => (m.messageId ? `${m.to.toLowerCase()}|${m.messageId}` : null);
  const seenIds = new Set<string>();
  const emails = observed.emails.filter((m) => {
    const key = emailKey(m);
    if (key === null) return true;
    return !seenIds.has(key) && Boolean(seenIds.add(key));
  });
  const resent = observed.emails.length - emails.length;
  const compare = (perWorker: Map<string, Set<string>>, got: Map<string, number>, address: (w: { email?: string | undefined; phone?: string | undefined }) => string | undefined) => {
    let recordedNotReceived = 0;
    let receivedNotRecorded = 0;
    for (const [cccd, worker] of ledger.workers) {
      const ids = observed.workerIds.get(cccd);
      const to = address(worker)?.toLowerCase();
      if (!to || !ids || ids.length === 0) continue;
      const recorded = ids.reduce((n, id) => n + (perWorker.get(id)?.size ?? 0), 0);
      const received = got.get(to) ?? 0;
      recordedNotReceived += Math.max(0, recorded - received);
      receivedNotRecorded += Math.max(0, received - recorded);
    }
    return { recordedNotReceived, receivedNotRecorded };
  };
  const countTo = (items: readonly { to: string }[]) => {
    const got = new Map<string, number>();
    for (const item of items) got.set(item.to.toLowerCase(), (got.get(item.to.toLowerCase()) ?? 0) + 1);
    return got;
  };
  const email = compare(recordedSent('email'), countTo(emails), (w) => w.email);
  const emailDuplicates = repeats(emails.map((m) => `${m.to.toLowerCase()}|${m.content}`));
  // Phones as the last nine digits: the ledger has them as sent (0…), the gateway as stored (+84…).
  const phone = (value: string | undefined) => value?.replace(/\D/g, '').slice(-9);
  const sms = compare(recordedSent('sms'), countTo(observed.sms.map((m) => ({ to: phone(m.to) ?? '' }))), (w) => phone(w.phone));
  const smsDuplicates = repeats(observed.sms.map((m) => `${m.to}|${m.content}`));
  const unrecorded = (n: number, duplicates: number) => Math.max(0, n - duplicates);
  return [
    { check: 'notification.sent on notifications.v1 (per id and channel)', accepted: null, effects: sent.size, lost: 0, duplicated: extra(sent.values()), note: `${redelivered} redelivered copies (same event id)` },
    {
      check: 'emails at the SMTP sink',
      accepted: null,
      effects: emails.length,
      lost: email.recordedNotReceived,
      duplicated: emailDuplicates,
      note: `${unrecorded(email.receivedNotRecorded, emailDuplicates)} sent but not recorded as sent; ${resent} sent again under the same Message-ID (a crash between send and record, settled)`,
    },
    {
      check: 'SMS at the gateway sink',
      accepted: null,
      effects: observed.sms.length,
      lost: 0,
      duplicated: smsDuplicates,
      note: `${unrecorded(sms.receivedNotRecorded, smsDuplicates)} sent but not recorded as sent; ${sms.recordedNotReceived} recorded as sent that never arrived (an SMS is not sent again after a crash: recorded, uncertain)`,
    },
  ];
}

/** Analytics' own counts against counts made here, independently of it. */
export function analyticsRows(ledger: Ledger, observed: Observed): CountRow[] {
  const { events } = onceById(observed.topics.matches);
  const proposed = new Set(events.filter((e) => e.type === 'match.proposed').map((e) => String(e.data.matchId))).size;
  const { events: notifications } = onceById(observed.topics.notifications);
  const sentPerChannel = new Map<string, Set<string>>();
  for (const e of notifications) {
    if (e.type !== 'notification.sent') continue;
    const channel = String(e.data.channel);
    sentPerChannel.set(channel, (sentPerChannel.get(channel) ?? new Set()).add(String(e.data.notificationId)));
  }
  const positions = [...ledger.vacancies.values()].reduce((n, v) => n + (v.vacancyIds.size > 0 ? v.positions : 0), 0);
  const expected: [string, number, number][] = [
    ['registrations', ledger.workers.size, observed.activity.registrations],
    ['vacancies opened', acceptedVacancyIds(ledger).size, observed.activity.vacanciesOpened],
    ['positions opened', positions, observed.activity.positionsOpened],
    ['placements', ledger.hires.size, observed.activity.placements],
    ['matches proposed (distinct on matches.v1)', proposed, observed.activity.matchesProposed],
    ...[...sentPerChannel].map(([channel, ids]): [string, number, number] => [`notifications sent: ${channel} (distinct on notifications.v1)`, ids.size, observed.activity.notifications[channel]?.sent ?? 0]),
  ];
  return expected.map(([what, want, got]) => ({ check: `analytics ${what}`, accepted: want, effects: got, lost: Math.max(0, want - got), duplicated: Math.max(0, got - want) }));
}

/** Paths where two JSON answers differ (the replayed analytics against the live one). */
export function differences(a: unknown, b: unknown, path = '$'): string[] {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b) ? [] : [path];
  if (Array.isArray(a) !== Array.isArray(b)) return [path];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`));
}

export function analyse(ledger: Ledger, observed: Observed): CountRow[] {
  return [...workerRows(ledger, observed), ...vacancyRows(ledger, observed), ...placementRows(ledger, observed), ...matchRows(ledger, observed), ...notificationRows(ledger, observed), ...analyticsRows(ledger, observed)];
}
