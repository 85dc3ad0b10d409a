/* Start-up time: load N workers and N/10 vacancies from the service's collections into the index. `... startup-bench.ts [workers] [mongoUrl] [text|nested]` (nested: the documents as stored before snapshots became JSON text, for comparison) */
import type { EventPublisher } from '@ketnoi/messaging';
import { referenceData } from '@ketnoi/reference-data';
import mongoose from 'mongoose';
import pino from 'pino';
import { monthIndex } from '../src/domain/age.js';
import { ReferenceTables } from '../src/domain/reference-tables.js';
import { DEFAULT_SCORING } from '../src/domain/scoring-config.js';
import { scoringContext } from '../src/domain/scoring-context.js';
import { MatchEngine } from '../src/engine/match-engine.js';
import { ProjectionStore } from '../src/repositories/projection-store.js';
import { MatchAnnouncer } from '../src/use-cases/match-announcer.js';
import { MatchingService } from '../src/use-cases/matching-service.js';
import { province } from './province.js';

const workerCount = Number(process.argv[2] ?? 100_000);
const mongoUrl = process.argv[3] ?? 'mongodb://127.0.0.1:27017';
const nested = process.argv[4] === 'nested';
const out = (line: string) => process.stdout.write(`${line}\n`);
const dbName = `matching_startup_bench_${Date.now()}`;
const connection = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
try {
  const store = new ProjectionStore(connection);
  const gen = province(referenceData);
  const insertStarted = performance.now();
  for (let i = 0; i < workerCount; i += 2000) {
    const batch = Array.from({ length: Math.min(2000, workerCount - i) }, (_, j) => {
      const snapshot = gen.worker(i + j);
      return { _id: snapshot.workerId, version: 1, snapshot };
    });
    if (nested) await store.workers.insertMany(batch, { ordered: false });
    else await store.saveWorkers(batch.map((doc) => ({ doc })), () => true);
  }
  for (let i = 0; i < workerCount / 10; i += 2000) {
    const batch = Array.from({ length: Math.min(2000, workerCount / 10 - i) }, (_, j) => {
      const snapshot = gen.vacancy(i + j);
      return { _id: snapshot.vacancyId, version: 1, snapshot };
    });
    if (nested) await store.vacancies.insertMany(batch, { ordered: false });
    else await store.saveVacancies(batch, () => true);
  }
  out(`${nested ? 'nested' : 'text'}: inserted ${workerCount} workers and ${workerCount / 10} vacancies in ${((performance.now() - insertStarted) / 1000).toFixed(1)} s`);
  const started = performance.now();
  const tables = new ReferenceTables(referenceData);
  const engine = new MatchEngine(scoringContext(tables, DEFAULT_SCORING, monthIndex('2026-11')));
  const service = new MatchingService(engine, tables, store, new MatchAnnouncer(engine, store, {} as EventPublisher, () => new Date()));
  await service.load(pino({ level: 'silent' }));
  out(`start-up (tables + load + index) of ${engine.workers.size} workers, ${engine.vacancies.all.size} vacancies: ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await connection.dropDatabase();
  await connection.close();
}
