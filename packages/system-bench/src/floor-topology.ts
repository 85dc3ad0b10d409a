import { ingestWorkersTopic, matchesTopic, workerContactsTopic, workersTopic } from '@ketnoi/contracts';
import type { FloorInsert, FloorStageOptions } from './floor-document.js';

/**
 * `two-hop`: two stages, one document per message each (the first floor).
 * `structural`: the ingest's whole topology with no business logic: a
 * process per service, its consumer groups on the same topics, the same
 * number of documents per worker in the same sequential round trips.
 */
export type FloorVariant = 'two-hop' | 'structural';

/** What every stage shares. */
export interface StageBase {
  brokers: string[];
  mongoUrl: string;
  dbName: string;
  maxWaitTimeInMs: number;
  minBytes: number;
}

export interface FloorTopology {
  variant: FloorVariant;
  /** Its name in the lines below the table, and the phase's in the CPU/RSS table. */
  name: string;
  /** Its row's label in the throughput table. */
  label: string;
  topics: { topic: string; partitions: number }[];
  /** Where the bench produces the ingest's messages. */
  first: string;
  /** What the bench counts. */
  last: string;
  stages: FloorStageOptions[];
}

/** Every consumer group of the stages, with the topics it consumes. */
export const groupsOf = (stages: readonly FloorStageOptions[]) =>
  stages.flatMap((stage) => stage.consumers.map((c) => ({ groupId: c.groupId, topics: c.inputs.map((i) => i.topic) })));

/** Documents written per worker (each topic carries one message per worker), and per chunk (outbox entries, markers, records). */
export function documentsPerWorker(stages: readonly FloorStageOptions[]): { perWorker: number; perChunk: number } {
  const inserts = stages.flatMap((s) => s.consumers.flatMap((c) => c.inputs.flatMap((i) => i.inserts)));
  const perMessage = (i: FloorInsert) => i.kind === 'message' || i.kind === 'small';
  return { perWorker: inserts.filter(perMessage).length, perChunk: inserts.filter((i) => !perMessage(i)).length };
}

function twoHop(id: string, base: StageBase): FloorTopology {
  const [a, b, c] = ['a', 'b', 'c'].map((t) => `bench-floor-${t}.${id}`) as [string, string, string];
  const stage = (n: number, from: string, to: string, partitions: number): FloorStageOptions => ({
    ...base,
    name: `floor stage ${n}`,
    consumers: [{ groupId: `${id}.floor-${n}`, partitionsConsumedConcurrently: partitions, inputs: [{ topic: from, inserts: [{ collection: `stage${n}`, kind: 'message' }], to: [{ topic: to }] }] }],
  });
  return {
    variant: 'two-hop',
    name: 'floor',
    label: 'floor: 2 hops, 1 insertMany doc each, no logic',
    topics: [
      { topic: a, partitions: ingestWorkersTopic.partitions },
      { topic: b, partitions: workersTopic.partitions },
      { topic: c, partitions: matchesTopic.partitions },
    ],
    first: a,
    last: c,
    stages: [stage(1, a, b, ingestWorkersTopic.partitions), stage(2, b, c, workersTopic.partitions)],
  };
}

/** Registration's bulk write of a chunk of new people (register-many.ts `registerNew`, VersionedStore.createBatch), in its order. */
const registrationInserts: FloorInsert[] = [
  { collection: 'worker_identities', kind: 'small' },
  { collection: 'worker_keys', kind: 'small' },
  { collection: 'workers_versions_pending', kind: 'entry' },
  { collection: 'workers_versions', kind: 'message' },
  { collection: 'workers_versions_pending_settled', kind: 'marker' },
  { collection: 'workers', kind: 'message' },
  { collection: 'audit_log', kind: 'small' },
];

/**
 * The real events' mean sizes (a 2,000-worker bench:system run, 27 Nov: workers.v1 1,074 B, worker-contacts.v1
 * 524 B, matches.v1 908 B, against 1,285 B on ingest.workers.v1): what registration and matching produce.
 */
const EVENT_BYTES = { workers: 1_074, contacts: 524, matches: 908 };

/** The services' batch size (MATCHING_/ANALYTICS_/JOBFAIRS_/NOTIFICATION_BATCH_SIZE defaults); registration's INGEST_BATCH. */
const SERVICE_BATCH = 500;
const INGEST_BATCH = 250;
/** service-kit's relay: batches of 5,000 versions (registration's app.ts), 250 to an entry. */
const RELAY_ENTRIES = 5_000 / INGEST_BATCH;

function structural(id: string, base: StageBase): FloorTopology {
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((t) => `bench-floor-s-${t}.${id}`) as [string, string, string, string];
  const group = (name: string) => `${id}.floor-s.${name}`;
  const stage = (name: string, consumers: FloorStageOptions['consumers'], relay?: FloorStageOptions['relay']): FloorStageOptions => ({
    ...base,
    name: `floor ${name}`,
    consumers,
    ...(relay ? { relay } : {}),
  });
  const only = (topic: string, chunk = SERVICE_BATCH) => ({ topic, chunk, inserts: [], to: [] });
  const storing = (topic: string, collection: string) => ({ topic, chunk: SERVICE_BATCH, inserts: [{ collection, kind: 'small' as const }], to: [] });
  const stages = [
    stage(
      'registration',
      [{ groupId: group('registration'), partitionsConsumedConcurrently: ingestWorkersTopic.partitions, inputs: [{ topic: a, chunk: INGEST_BATCH, inserts: registrationInserts, to: [] }] }],
      {
        entries: 'workers_versions_pending',
        markers: 'workers_versions_pending_settled',
        to: [
          { topic: b, bytes: EVENT_BYTES.workers },
          { topic: d, bytes: EVENT_BYTES.contacts },
        ],
        entryLimit: RELAY_ENTRIES,
      },
    ),
    stage('matching', [
      {
        groupId: group('matching'),
        partitionsConsumedConcurrently: 1,
        inputs: [{ topic: b, chunk: SERVICE_BATCH, inserts: [{ collection: 'matching_outbox', kind: 'entry' }, { collection: 'matching_workers', kind: 'small' }], to: [{ topic: c, bytes: EVENT_BYTES.matches }], clear: 'matching_outbox' }],
      },
    ]),
    stage('analytics', [{ groupId: group('analytics'), partitionsConsumedConcurrently: 1, inputs: [storing(b, 'analytics_workers'), only(c)] }]),
    stage('jobfairs', [{ groupId: group('jobfairs.projections'), partitionsConsumedConcurrently: 1, inputs: [storing(b, 'worker_projection'), storing(c, 'match_projection')] }]),
    stage('notification', [
      { groupId: group('notification-projections'), partitionsConsumedConcurrently: 1, inputs: [storing(d, 'contacts'), only(b)] },
      { groupId: group('notification-matches'), partitionsConsumedConcurrently: 1, inputs: [only(c)] },
    ]),
    // Its EventHandler (not batch): chunks of one, each passed over.
    stage('vacancy-intake', [{ groupId: group('vacancy-intake.workers'), partitionsConsumedConcurrently: 1, inputs: [only(b, 1)] }]),
  ];
  const { perWorker } = documentsPerWorker(stages);
  return {
    variant: 'structural',
    name: 'structural floor',
    label: `structural floor: ${stages.length} processes, ${groupsOf(stages).length} groups, ${perWorker} docs/worker, no logic`,
    topics: [
      { topic: a, partitions: ingestWorkersTopic.partitions },
      { topic: b, partitions: workersTopic.partitions },
      { topic: c, partitions: matchesTopic.partitions },
      { topic: d, partitions: workerContactsTopic.partitions },
    ],
    first: a,
    last: c,
    stages,
  };
}

export const floorTopology = (variant: FloorVariant, id: string, base: StageBase): FloorTopology => (variant === 'structural' ? structural(id, base) : twoHop(id, base));

/**
 * The groups (as `group on topic`) that have not yet committed every message
 * of a topic they consume; none once every topic holds `expected` messages
 * (one per worker) and every group has consumed them all.
 */
export function undrained(groups: readonly { groupId: string; topics: readonly string[] }[], highs: ReadonlyMap<string, number>, committed: (groupId: string, topic: string) => number, expected: number): string[] {
  return groups.flatMap(({ groupId, topics }) =>
    topics.flatMap((topic) => {
      const high = highs.get(topic) ?? 0;
      return high >= expected && committed(groupId, topic) >= high ? [] : [`${groupId} on ${topic}`];
    }),
  );
}
